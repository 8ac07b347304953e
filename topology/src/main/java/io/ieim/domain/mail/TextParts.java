package io.ieim.domain.mail;

/**
 * A body split into what the sender wrote now and what it quotes. Forwarded content counts as new
 * text (contract §4); only quoted earlier messages of a reply thread are {@code quotedText}.
 */
public record TextParts(String newText, String quotedText) {

    public TextParts {
        newText = newText == null ? "" : newText;
        quotedText = quotedText == null ? "" : quotedText;
    }
}
