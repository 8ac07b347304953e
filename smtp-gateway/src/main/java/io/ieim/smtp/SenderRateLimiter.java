package io.ieim.smtp;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A token bucket per envelope sender (MAIL FROM, case-insensitive): {@code burst} mails at once,
 * refilled at {@code perMinute}. The table is bounded (least recently used senders are forgotten),
 * so a flood of distinct senders cannot exhaust memory; a forgotten sender starts with a full bucket.
 */
final class SenderRateLimiter {

    private static final int MAX_SENDERS = 10_000;

    private final long perMinute;
    private final long burst;
    private final Map<String, Bucket> buckets = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Bucket> eldest) {
            return size() > MAX_SENDERS;
        }
    };

    SenderRateLimiter(long perMinute, long burst) {
        if (perMinute < 1 || burst < 1) {
            throw new IllegalArgumentException("the SMTP rate limit needs a positive rate and burst");
        }
        this.perMinute = perMinute;
        this.burst = burst;
    }

    /** Takes one token for the sender; false when its bucket is empty. */
    boolean tryAcquire(String sender) {
        String key = sender == null ? "" : sender.toLowerCase(Locale.ROOT);
        Bucket bucket;
        synchronized (buckets) {
            bucket = buckets.computeIfAbsent(key, k -> Bucket.builder()
                    .addLimit(Bandwidth.builder().capacity(burst).refillGreedy(perMinute, Duration.ofMinutes(1)).build())
                    .build());
        }
        return bucket.tryConsume(1);
    }
}
