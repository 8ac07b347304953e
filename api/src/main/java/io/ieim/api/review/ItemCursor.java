package io.ieim.api.review;

import io.ieim.api.web.ApiException;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * The opaque position in a queue listing: the key (received_at, message_id) of the last item
 * returned, base64url encoded. received_at may be absent (sorted last).
 */
public record ItemCursor(Instant receivedAt, String messageId) {

    public String encode() {
        String plain = (receivedAt == null ? "" : receivedAt.toString()) + "|" + messageId;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(plain.getBytes(StandardCharsets.UTF_8));
    }

    public static ItemCursor decode(String cursor) {
        try {
            String plain = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            int bar = plain.indexOf('|');
            if (bar < 0 || bar == plain.length() - 1) {
                throw new IllegalArgumentException("no key");
            }
            Instant received = bar == 0 ? null : Instant.parse(plain.substring(0, bar));
            return new ItemCursor(received, plain.substring(bar + 1));
        } catch (RuntimeException e) {
            throw ApiException.invalidField("cursor", "cursor is not one this API returned");
        }
    }
}
