package io.ieim.spec;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * One topic of the catalogue in spec/00_CANONICAL.md (table {@code canonical:topics}); the constants live
 * in the generated {@link Topics}.
 *
 * @param name          topic name, e.g. {@code ieim.mail.received.v1}
 * @param key           what the record key is (keys are UTF-8 strings on every topic)
 * @param valueSchema   full name of the Avro record of the value, e.g. {@code io.ieim.avro.MailReceived}
 * @param partitions    partition count
 * @param cleanupPolicy {@code delete}, {@code compact} or {@code compact,delete}
 * @param retentionMs   {@code retention.ms}; {@value #INFINITE} keeps records forever
 * @param configs       further topic configs (never cleanup.policy or retention.ms)
 * @param writers       components that produce to the topic
 * @param readers       components that consume it
 */
public record TopicSpec(String name, String key, String valueSchema, int partitions, String cleanupPolicy,
                        long retentionMs, Map<String, String> configs, List<String> writers, List<String> readers) {

    /** {@code retention.ms} value for "keep forever". */
    public static final long INFINITE = -1L;

    private static final Set<String> CLEANUP_POLICIES = Set.of("delete", "compact", "compact,delete");

    public TopicSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(valueSchema, "valueSchema");
        if (partitions < 1) {
            throw new IllegalArgumentException(name + ": partitions must be positive");
        }
        if (!CLEANUP_POLICIES.contains(cleanupPolicy)) {
            throw new IllegalArgumentException(name + ": unknown cleanup.policy " + cleanupPolicy);
        }
        if (retentionMs < INFINITE) {
            throw new IllegalArgumentException(name + ": retention.ms must be -1 or positive");
        }
        if (configs.containsKey("cleanup.policy") || configs.containsKey("retention.ms")) {
            throw new IllegalArgumentException(name + ": cleanup.policy and retention.ms are fields, not configs");
        }
        // sorted, so that topicConfigs() and toString() are stable
        configs = Collections.unmodifiableMap(new TreeMap<>(configs));
        writers = List.copyOf(writers);
        readers = List.copyOf(readers);
    }

    /** True when the cleaner compacts the topic (policy {@code compact} or {@code compact,delete}). */
    public boolean compacted() {
        return cleanupPolicy.contains("compact");
    }

    /** True when records are never deleted by age ({@code retention.ms=-1}). */
    public boolean infiniteRetention() {
        return retentionMs == INFINITE;
    }

    /**
     * The Kafka topic configs to create the topic with: {@code cleanup.policy}, {@code retention.ms} and the
     * extra configs. Replication settings are not included: they belong to the cluster the topic is created on.
     */
    public Map<String, String> topicConfigs() {
        Map<String, String> all = new LinkedHashMap<>();
        all.put("cleanup.policy", cleanupPolicy);
        all.put("retention.ms", Long.toString(retentionMs));
        all.putAll(configs);
        return Collections.unmodifiableMap(all);
    }
}
