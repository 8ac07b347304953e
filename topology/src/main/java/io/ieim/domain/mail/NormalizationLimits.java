package io.ieim.domain.mail;

/**
 * Limits the normalizer enforces before and while decoding a mail (issue 3: "limits are
 * configuration; exceeding them quarantines with a reason"). A mail beyond any limit is
 * {@link io.ieim.spec.ParseStatus#LIMIT_EXCEEDED}, with a reason such as
 * {@code size 31457280 > limit 26214400}.
 *
 * @param maxBytes      largest raw mail in bytes
 * @param maxParts      most MIME entities in the whole tree (the top-level message, every body part and
 *                      every entity of an embedded message count one each)
 * @param maxDepth      deepest nesting: the top-level message is depth 0, a body part is one deeper than
 *                      its multipart, the root of an embedded message/rfc822 one deeper than its part
 * @param maxHeaders    most header fields in any one header section (message or body part)
 * @param maxBodyChars  longest decoded body text in characters (after HTML to text and forwarded parts)
 */
public record NormalizationLimits(long maxBytes, int maxParts, int maxDepth, int maxHeaders, int maxBodyChars) {

    /**
     * 25 MiB, 500 parts, depth 20, 1000 header fields per section, 400,000 characters of text (the
     * decoded text travels in the mail event, which must stay below Kafka's 1 MB message size).
     */
    public static final NormalizationLimits DEFAULT =
            new NormalizationLimits(25L * 1024 * 1024, 500, 20, 1000, 400_000);

    /**
     * The defaults, each overridable by an environment variable: IEIM_MAIL_MAX_BYTES,
     * IEIM_MAIL_MAX_PARTS, IEIM_MAIL_MAX_DEPTH, IEIM_MAIL_MAX_HEADERS, IEIM_MAIL_MAX_BODY_CHARS.
     */
    public static NormalizationLimits from(java.util.Map<String, String> env) {
        return new NormalizationLimits(
                Long.parseLong(env.getOrDefault("IEIM_MAIL_MAX_BYTES", Long.toString(DEFAULT.maxBytes))),
                Integer.parseInt(env.getOrDefault("IEIM_MAIL_MAX_PARTS", Integer.toString(DEFAULT.maxParts))),
                Integer.parseInt(env.getOrDefault("IEIM_MAIL_MAX_DEPTH", Integer.toString(DEFAULT.maxDepth))),
                Integer.parseInt(env.getOrDefault("IEIM_MAIL_MAX_HEADERS", Integer.toString(DEFAULT.maxHeaders))),
                Integer.parseInt(env.getOrDefault("IEIM_MAIL_MAX_BODY_CHARS", Integer.toString(DEFAULT.maxBodyChars))));
    }

    public NormalizationLimits {
        if (maxBytes < 1 || maxParts < 1 || maxDepth < 0 || maxHeaders < 1 || maxBodyChars < 1) {
            throw new IllegalArgumentException("limits must be positive (maxDepth may be 0)");
        }
    }
}
