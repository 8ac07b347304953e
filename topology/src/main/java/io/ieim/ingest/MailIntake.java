package io.ieim.ingest;

import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.avro.RegistrySerdes;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizedMail;
import io.ieim.spec.SourceChannel;
import io.ieim.spec.Topics;
import io.minio.MinioClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.serialization.StringSerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The one way a raw mail enters the product, whatever the channel (file, SMTP, HTTP, later IMAP and
 * Graph): normalize, store the raw bytes content-addressed and write-once, publish MailReceived in
 * one Kafka transaction, then write the published marker. A mail whose marker exists was published
 * before and is not published again. Unparseable and over-limit mails are published like any
 * other, with their parse status, and the topology quarantines them (routing rule 1).
 *
 * <p>Gateways share one instance: it keeps one transactional producer and runs one transaction at a
 * time (a Kafka producer cannot run two), so {@link #ingest(byte[], SourceChannel, String)} returns
 * only after its own transaction committed. A failed transaction discards the producer; the next
 * call builds a new one. Nothing here logs mail content or addresses, only ids.
 */
public final class MailIntake implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(MailIntake.class);

    /** Where the stack is; the transactional id prefix names the producer in Kafka's logs. */
    public record Settings(String kafkaBootstrap, String registryUrl, String s3Endpoint, String s3AccessKey,
                           String s3SecretKey, String bucket, String clientName) {
        public Settings {
            Objects.requireNonNull(kafkaBootstrap, "kafkaBootstrap");
            Objects.requireNonNull(registryUrl, "registryUrl");
            Objects.requireNonNull(s3Endpoint, "s3Endpoint");
            Objects.requireNonNull(bucket, "bucket");
            Objects.requireNonNull(clientName, "clientName");
        }
    }

    /** A raw mail as it arrived, with its channel and an informative reference within the channel. */
    public record Source(byte[] raw, SourceChannel channel, String reference) {
        public Source {
            Objects.requireNonNull(raw, "raw");
            Objects.requireNonNull(channel, "channel");
        }
    }

    public enum Status {
        /** Published now. */
        PUBLISHED,
        /** Published by an earlier ingest (its marker exists); nothing was published now. */
        ALREADY_PUBLISHED,
        /** Published now, unparseable or over a limit: the topology will quarantine it unread. */
        QUARANTINED;

        public boolean publishedNow() {
            return this != ALREADY_PUBLISHED;
        }
    }

    public record Outcome(String messageId, Status status, long sizeBytes) {
    }

    /** Outcomes in input order, one per distinct mail; identical bytes given twice count once. */
    public record Batch(List<Outcome> outcomes, int duplicatesInInput) {
        public long count(Status status) {
            return outcomes.stream().filter(o -> o.status() == status).count();
        }

        public long publishedNow() {
            return outcomes.stream().filter(o -> o.status().publishedNow()).count();
        }
    }

    /** Kafka could not be reached or the transaction failed: nothing of this call was published. */
    public static final class PublishFailed extends IOException {
        public PublishFailed(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final Settings settings;
    private final MailNormalizer normalizer;
    private final MinioClient s3;
    private final RawMailStore store;
    private KafkaProducer<String, SpecificRecord> producer;

    public MailIntake(Settings settings, MailNormalizer normalizer) {
        this.settings = settings;
        this.normalizer = Objects.requireNonNull(normalizer, "normalizer");
        this.s3 = MinioClient.builder().endpoint(settings.s3Endpoint())
                .credentials(settings.s3AccessKey(), settings.s3SecretKey()).build();
        this.store = new RawMailStore(s3, settings.bucket());
    }

    public MailNormalizer normalizer() {
        return normalizer;
    }

    /**
     * One mail, for gateways: returns after the transaction committed (or the mail was found
     * published). A marker that cannot be written after the commit is logged, not thrown: the event
     * is out, and a retry by the sender would publish it twice.
     */
    public Outcome ingest(byte[] raw, SourceChannel channel, String reference) throws IOException {
        return ingest(List.of(new Source(raw, channel, reference)), false).outcomes().getFirst();
    }

    /**
     * Many mails in one transaction, for the CLI: all new mails are published or none. A marker
     * write that fails after the commit is thrown, so the operator sees it.
     */
    public Batch ingest(List<Source> sources) throws IOException {
        return ingest(sources, true);
    }

    private synchronized Batch ingest(List<Source> sources, boolean markerFailureIsFatal) throws IOException {
        Map<String, NormalizedMail> mails = new LinkedHashMap<>();
        Map<String, Source> bySource = new LinkedHashMap<>();
        for (Source source : sources) {
            NormalizedMail mail = normalizer.normalize(source.raw());
            if (mails.putIfAbsent(mail.messageId(), mail) == null) {
                bySource.put(mail.messageId(), source);
            }
        }
        List<Outcome> outcomes = new ArrayList<>();
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        Instant receivedAt = Instant.now(); // ingest metadata only; never part of a decision
        for (NormalizedMail mail : mails.values()) {
            Source source = bySource.get(mail.messageId());
            if (store.published(mail.messageId())) {
                outcomes.add(new Outcome(mail.messageId(), Status.ALREADY_PUBLISHED, source.raw().length));
                continue;
            }
            RawMimeReference ref = store.store(mail.messageId(), source.raw());
            MailReceived event = MailReceivedMapping.of(mail, ref, receivedAt, source.channel(), source.reference());
            records.add(new ProducerRecord<>(Topics.MAIL_RECEIVED.name(), mail.messageId(), event));
            outcomes.add(new Outcome(mail.messageId(), mail.parseFailed() ? Status.QUARANTINED : Status.PUBLISHED,
                    source.raw().length));
        }
        if (!records.isEmpty()) {
            publish(records);
        }
        for (Outcome outcome : outcomes) {
            if (!outcome.status().publishedNow()) {
                continue;
            }
            try {
                store.markPublished(outcome.messageId());
            } catch (IOException | RuntimeException e) {
                if (markerFailureIsFatal) {
                    throw e;
                }
                LOG.warn("mail {} published, but its marker was not written (a re-ingest would publish it again): {}",
                        outcome.messageId(), e.toString());
            }
        }
        return new Batch(List.copyOf(outcomes), sources.size() - mails.size());
    }

    /**
     * One transaction: read_committed readers (the topology) see all records or none. Any failure
     * discards the producer, because after a fatal error (fenced, timed out commit) it is unusable.
     */
    private void publish(List<ProducerRecord<String, SpecificRecord>> records) throws PublishFailed {
        KafkaProducer<String, SpecificRecord> p = producer();
        try {
            p.beginTransaction();
            for (ProducerRecord<String, SpecificRecord> record : records) {
                p.send(record);
            }
            p.commitTransaction();
        } catch (RuntimeException e) {
            discardProducer(true);
            throw new PublishFailed("nothing was published: " + firstLine(e), e);
        }
    }

    private KafkaProducer<String, SpecificRecord> producer() throws PublishFailed {
        if (producer != null) {
            return producer;
        }
        Map<String, Object> props = RegistrySerdes.producerConfig(settings.kafkaBootstrap(), settings.registryUrl(),
                settings.clientName());
        // a fresh id per producer: two gateway replicas (or two CLI runs) never fence each other
        props.put(ProducerConfig.TRANSACTIONAL_ID_CONFIG, settings.clientName() + "-" + UUID.randomUUID());
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 15000);
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 30000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 15000);
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 * 1024 * 1024);
        KafkaProducer<String, SpecificRecord> p = new KafkaProducer<>(props, new StringSerializer(),
                RegistrySerdes.<SpecificRecord>valueSerializer(settings.registryUrl()));
        try {
            p.initTransactions();
        } catch (KafkaException e) {
            p.close(java.time.Duration.ZERO);
            throw new PublishFailed("Kafka at " + settings.kafkaBootstrap() + " is unreachable (is the stack up? ieim dev up)", e);
        }
        producer = p;
        return p;
    }

    private void discardProducer(boolean abort) {
        KafkaProducer<String, SpecificRecord> p = producer;
        producer = null;
        if (p == null) {
            return;
        }
        if (abort) {
            try {
                p.abortTransaction();
            } catch (RuntimeException ignored) {
                // the producer is being thrown away; an abort that fails changes nothing
            }
        }
        p.close(java.time.Duration.ofSeconds(5));
    }

    private static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }

    @Override
    public synchronized void close() {
        discardProducer(false);
        try {
            s3.close();
        } catch (Exception e) {
            LOG.debug("closing the S3 client: {}", e.toString());
        }
    }
}
