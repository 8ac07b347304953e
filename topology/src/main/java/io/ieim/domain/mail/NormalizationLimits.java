package io.ieim.domain.mail;

import io.ieim.config.EnvironmentSettings;

import java.util.Map;

/**
 * Limits the normalizer enforces before and while decoding a mail (issue 3: "limits are
 * configuration; exceeding them quarantines with a reason"). A mail beyond any limit is
 * {@link io.ieim.spec.ParseStatus#LIMIT_EXCEEDED}, with a reason such as
 * {@code size 31457280 > limit 26214400}.
 *
 * @param maxBytes       largest raw mail in bytes
 * @param maxParts       most MIME entities in the whole tree (the top-level message, every body part and
 *                       every entity of an embedded message count one each; uuencoded blocks in a text
 *                       part count one each too)
 * @param maxDepth       deepest nesting: the top-level message is depth 0, a body part is one deeper than
 *                       its multipart, the root of an embedded message/rfc822 one deeper than its part
 * @param maxHeaders     most header fields in any one header section (message or body part)
 * @param maxBodyChars   longest decoded body text in characters (after HTML to text and forwarded parts)
 * @param maxHeaderBytes longest single header field in raw bytes, folded lines included (a subject or
 *                       address list travels in the mail event too, and no real header comes near it)
 */
public record NormalizationLimits(long maxBytes, int maxParts, int maxDepth, int maxHeaders, int maxBodyChars,
                                  int maxHeaderBytes) {

    /**
     * 25 MiB, 500 parts, depth 20, 1000 header fields per section, 400,000 characters of text (the
     * decoded text travels in the mail event, which must stay below Kafka's 1 MB message size), 64 KiB
     * per header field.
     */
    public static final NormalizationLimits DEFAULT =
            new NormalizationLimits(25L * 1024 * 1024, 500, 20, 1000, 400_000, 65_536);

    /** The first five limits, with the default {@code maxHeaderBytes}. */
    public NormalizationLimits(long maxBytes, int maxParts, int maxDepth, int maxHeaders, int maxBodyChars) {
        this(maxBytes, maxParts, maxDepth, maxHeaders, maxBodyChars, 65_536);
    }

    /**
     * The defaults, each overridable by an environment variable: IEIM_MAIL_MAX_BYTES,
     * IEIM_MAIL_MAX_PARTS, IEIM_MAIL_MAX_DEPTH, IEIM_MAIL_MAX_HEADERS, IEIM_MAIL_MAX_BODY_CHARS,
     * IEIM_MAIL_MAX_HEADER_BYTES.
     *
     * @throws IllegalArgumentException naming the variable when a value is not a number or not positive
     */
    public static NormalizationLimits from(Map<String, String> env) {
        return new NormalizationLimits(
                number(env, "IEIM_MAIL_MAX_BYTES", DEFAULT.maxBytes),
                (int) number(env, "IEIM_MAIL_MAX_PARTS", DEFAULT.maxParts),
                (int) number(env, "IEIM_MAIL_MAX_DEPTH", DEFAULT.maxDepth),
                (int) number(env, "IEIM_MAIL_MAX_HEADERS", DEFAULT.maxHeaders),
                (int) number(env, "IEIM_MAIL_MAX_BODY_CHARS", DEFAULT.maxBodyChars),
                (int) number(env, "IEIM_MAIL_MAX_HEADER_BYTES", DEFAULT.maxHeaderBytes));
    }

    private static long number(Map<String, String> env, String name, long fallback) {
        // a misconfigured limit must stop the start, with a message that says which one
        return EnvironmentSettings.nonNegative(env, name, fallback,
                name.equals("IEIM_MAIL_MAX_BYTES") ? Long.MAX_VALUE : Integer.MAX_VALUE);
    }

    public NormalizationLimits {
        if (maxBytes < 1 || maxParts < 1 || maxDepth < 0 || maxHeaders < 1 || maxBodyChars < 1
                || maxHeaderBytes < 1) {
            throw new IllegalArgumentException("limits must be positive (maxDepth may be 0)");
        }
    }
}
