package io.ieim.api.review;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The version of a review item as an entity tag, {@code "<decision_version>.<lock_version>"}: it
 * changes when the topology emits a new decision and when a reviewer changes the item, so an
 * If-Match against it refuses edits based on either kind of stale view.
 */
public record ItemTag(int decisionVersion, long lockVersion) {

    private static final Pattern FORMAT = Pattern.compile("(?:W/)?\"(\\d{1,9})\\.(\\d{1,18})\"");

    public String header() {
        return "\"" + decisionVersion + "." + lockVersion + "\"";
    }

    public ItemTag next() {
        return new ItemTag(decisionVersion, lockVersion + 1);
    }

    /** The tag of an If-Match header; empty when it is not one of ours (e.g. {@code *}). */
    public static Optional<ItemTag> parse(String header) {
        Matcher m = FORMAT.matcher(header == null ? "" : header.trim());
        return m.matches() ? Optional.of(new ItemTag(Integer.parseInt(m.group(1)), Long.parseLong(m.group(2))))
                : Optional.empty();
    }
}
