package io.ieim.api.ui;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Small display helpers for the templates (as model attribute {@code fmt}). Times are shown in UTC. */
public final class UiFormat {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    public String time(Instant at) {
        return at == null ? "—" : TIME.format(at);
    }

    public boolean overdue(Instant slaDue) {
        return slaDue != null && slaDue.isBefore(Instant.now());
    }

    public String list(List<String> labels) {
        return labels == null || labels.isEmpty() ? "—" : String.join(", ", labels);
    }

    public String percent(double confidence) {
        return Math.round(confidence * 100) + " %";
    }

    /** Message ids are SHA-256 hex: the first 12 characters tell items apart on a page. */
    public String shortId(String id) {
        return id == null || id.length() <= 12 ? id : id.substring(0, 12) + "…";
    }
}
