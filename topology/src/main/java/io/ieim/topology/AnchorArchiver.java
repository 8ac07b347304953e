package io.ieim.topology;

import io.ieim.avro.AuditAnchor;
import io.ieim.ledger.AnchorObject;
import io.ieim.ledger.SignedTreeHead;
import io.ieim.spec.Topics;
import io.ieim.storage.WriteOnceObjects;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/**
 * Copies every committed anchor from the anchors topic to the write-once anchor prefix of object
 * storage, so the signed tree heads also live outside Kafka. Reads committed records only (an anchor
 * of an aborted transaction is never archived); commits its offset after the objects are stored, so a
 * crash re-archives, which the write-once store turns into a comparison. An object that exists with
 * other bytes is never overwritten: it is counted and logged, and {@code ieim ledger verify} names it.
 */
public final class AnchorArchiver implements Runnable, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AnchorArchiver.class);

    private final KafkaConsumer<String, AuditAnchor> consumer;
    private final WriteOnceObjects objects;
    private final Counter archived;
    private final Counter conflicts;
    private volatile boolean closed;

    public AnchorArchiver(String applicationId, String bootstrap, Deserializer<AuditAnchor> anchors,
                          WriteOnceObjects objects, MeterRegistry registry) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, applicationId + "-anchor-archive");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), anchors);
        this.objects = objects;
        this.archived = Counter.builder("ieim.audit.anchors.archived").description("anchors written to object storage")
                .register(registry);
        this.conflicts = Counter.builder("ieim.audit.anchor.archive.conflicts")
                .description("anchors whose write-once object exists with other bytes").register(registry);
    }

    /** Stores one anchor; returns what the write-once store found. */
    static WriteOnceObjects.Outcome archive(WriteOnceObjects objects, SignedTreeHead head) throws IOException {
        return objects.put(AnchorObject.key(head), AnchorObject.bytes(head), "text/plain; charset=utf-8");
    }

    @Override
    public void run() {
        consumer.subscribe(List.of(Topics.AUDIT_ANCHORS.name()));
        try {
            while (!closed) {
                ConsumerRecords<String, AuditAnchor> records = consumer.poll(Duration.ofSeconds(1));
                try {
                    for (ConsumerRecord<String, AuditAnchor> r : records) {
                        if (r.value() == null) {
                            continue;
                        }
                        SignedTreeHead head = AuditLedger.head(r.value());
                        switch (archive(objects, head)) {
                            case WRITTEN -> archived.increment();
                            case ALREADY_PRESENT -> { }
                            case CONFLICT -> {
                                conflicts.increment();
                                LOG.error("anchor {} differs from its write-once copy {}: not overwritten (run ieim ledger verify)",
                                        r.topic() + "-" + r.partition() + "@" + r.offset(), AnchorObject.key(head));
                            }
                        }
                    }
                    consumer.commitSync();
                } catch (IOException e) {
                    // object storage unavailable: go back and retry the batch, anchors are not lost
                    LOG.warn("anchor archive paused: {}", e.getMessage());
                    for (var partition : records.partitions()) {
                        consumer.seek(partition, records.records(partition).get(0).offset());
                    }
                    Thread.sleep(2000);
                }
            }
        } catch (WakeupException e) {
            if (!closed) {
                throw e;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            consumer.close(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        closed = true;
        consumer.wakeup();
    }
}
