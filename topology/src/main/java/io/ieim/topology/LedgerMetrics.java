package io.ieim.topology;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** Audit chain metrics: length per chain, entries not yet anchored, time of the last anchor. */
final class LedgerMetrics {

    private final MeterRegistry registry;
    private final Map<String, AtomicLong[]> chains = new ConcurrentHashMap<>();

    LedgerMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** [length, anchored size, last anchor time in ms] */
    private AtomicLong[] chain(String chainId) {
        return chains.computeIfAbsent(chainId, id -> {
            AtomicLong[] values = {new AtomicLong(), new AtomicLong(), new AtomicLong()};
            Gauge.builder("ieim.audit.chain.length", values[0], AtomicLong::get).tag("chain", id)
                    .description("entries in the audit chain").register(registry);
            Gauge.builder("ieim.audit.anchor.lag.entries", values, v -> v[0].get() - v[1].get()).tag("chain", id)
                    .description("entries not yet covered by a signed tree head").register(registry);
            Gauge.builder("ieim.audit.anchor.last.signed.seconds", values[2], v -> v.get() / 1000.0).tag("chain", id)
                    .description("when the chain's last tree head was signed (epoch seconds)").register(registry);
            return values;
        });
    }

    void appended(String chainId, long length) {
        chain(chainId)[0].set(length);
    }

    /** A redelivered event that was already chained, skipped. */
    void replaySkipped(String chainId) {
        io.micrometer.core.instrument.Counter.builder("ieim.audit.redeliveries.skipped").tag("chain", chainId)
                .description("audit events delivered again and not chained twice").register(registry).increment();
    }

    void anchored(String chainId, long treeSize, long signedAtMillis) {
        AtomicLong[] values = chain(chainId);
        values[1].set(treeSize);
        values[2].set(signedAtMillis);
    }
}
