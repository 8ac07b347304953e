package io.ieim.projections;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.ieim.spec.Queue;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;

/**
 * The review service levels of spec/rules/review-service-levels-v1.yaml: priority and SLA per
 * queue. Loading checks that every queue of the spec appears exactly once, so a queue added to the
 * spec without a service level fails the build (and the migration) instead of defaulting silently.
 */
public record ReviewServiceLevels(String version, List<Level> levels, String sha256) {

    public static final String RESOURCE = "/ieim/spec/rules/review-service-levels-v1.yaml";

    public record Level(Queue queue, int priority, int slaHours) {
    }

    public static ReviewServiceLevels load() {
        try (InputStream in = ReviewServiceLevels.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is not on the classpath");
            }
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + RESOURCE + ": " + e.getMessage(), e);
        }
    }

    static ReviewServiceLevels parse(byte[] yaml) throws IOException {
        JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        String version = root.path("version").asText("");
        if (version.isEmpty()) {
            throw new IllegalArgumentException("review service levels: no version");
        }
        List<Level> levels = new ArrayList<>();
        Set<Queue> seen = EnumSet.noneOf(Queue.class);
        for (JsonNode n : root.path("levels")) {
            Queue queue;
            try {
                queue = Queue.valueOf(n.path("queue").asText());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("review service levels: '" + n.path("queue").asText() + "' is not a queue of the spec");
            }
            int priority = n.path("priority").asInt(0);
            int sla = n.path("sla_hours").asInt(0);
            if (priority < 1 || priority > 9 || sla < 1) {
                throw new IllegalArgumentException("review service levels: " + queue + " needs priority 1-9 and sla_hours > 0");
            }
            if (!seen.add(queue)) {
                throw new IllegalArgumentException("review service levels: " + queue + " appears twice");
            }
            levels.add(new Level(queue, priority, sla));
        }
        Set<Queue> missing = EnumSet.allOf(Queue.class);
        missing.removeAll(seen);
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("review service levels: no level for " + missing);
        }
        try {
            String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(yaml));
            return new ReviewServiceLevels(version, List.copyOf(levels), sha);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
