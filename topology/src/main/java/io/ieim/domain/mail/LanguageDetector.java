package io.ieim.domain.mail;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * German or English by stop-word scoring: each word of a short list of frequent function words counts one
 * point for its language (words that are frequent in both, such as "in", "was", "an", "so", "die",
 * "will", are left out); a word with ä, ö, ü or ß counts one point for German. The winner needs at least
 * {@value #MIN_SCORE} points and 1.5 times the other language's points; otherwise the language is unclear.
 * Deterministic and pure.
 */
public final class LanguageDetector {

    static final int MIN_SCORE = 3;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");

    private static final Set<String> GERMAN = Set.of(
            "und", "der", "das", "den", "dem", "des", "ich", "nicht", "ist", "mit", "sie", "es", "ein", "eine",
            "einen", "einem", "einer", "zu", "von", "für", "auf", "bitte", "mein", "meine", "meinen", "meiner",
            "mir", "mich", "wir", "uns", "ihr", "ihre", "ihren", "ihnen", "haben", "habe", "hat", "wurde",
            "wird", "werden", "sind", "bei", "nach", "auch", "noch", "oder", "aber", "wie", "dass", "sehr",
            "geehrte", "geehrter", "geehrten", "damen", "herren", "grüße", "grüßen", "gruß", "freundlichen",
            "vielen", "dank", "danke", "können", "kann", "möchte", "möchten", "hiermit", "bereits", "sowie",
            "über", "vom", "zum", "zur", "im", "nur", "wenn", "weil", "ob", "kein", "keine", "keinen",
            "heute", "gestern", "unser", "unsere", "unseren", "hallo", "liebe", "lieber", "versicherung",
            "schaden", "vertrag", "leider", "bis", "dies", "diese", "dieser", "diesen", "sich", "sein",
            "seine", "hatte", "ihrer", "ihrem", "wäre", "würde", "durch", "gegen", "ohne", "mfg");

    private static final Set<String> ENGLISH = Set.of(
            "the", "and", "is", "are", "to", "of", "i", "you", "your", "my", "me", "we", "our", "us",
            "please", "with", "for", "this", "that", "have", "has", "had", "be", "been", "it", "not", "on",
            "at", "from", "would", "could", "should", "can", "regards", "dear", "thank", "thanks", "kind",
            "sincerely", "hello", "hi", "insurance", "claim", "policy", "which", "what", "there", "they",
            "their", "if", "or", "but", "as", "by", "do", "does", "did", "just", "about", "since",
            "yesterday", "today", "were", "its", "any", "all", "into", "after", "before", "these",
            "those", "best", "yours", "further", "attached", "find", "know", "let", "damage");

    private LanguageDetector() {
    }

    /** "de", "en", or empty when the text is too short or mixed to tell. */
    public static Optional<String> detect(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        int de = 0;
        int en = 0;
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            String w = m.group().toLowerCase(Locale.ROOT);
            if (GERMAN.contains(w)) {
                de++;
            } else if (ENGLISH.contains(w)) {
                en++;
            } else if (w.indexOf('ä') >= 0 || w.indexOf('ö') >= 0 || w.indexOf('ü') >= 0 || w.indexOf('ß') >= 0) {
                de++;
            }
        }
        if (de >= MIN_SCORE && de * 2 >= en * 3 && de > en) {
            return Optional.of("de");
        }
        if (en >= MIN_SCORE && en * 2 >= de * 3 && en > de) {
            return Optional.of("en");
        }
        return Optional.empty();
    }
}
