package io.ieim.connect.graph;

import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizedMail;
import io.ieim.ingest.MailEventEncoder;
import io.ieim.ingest.MailReceivedMapping;
import io.ieim.ingest.RawObjectStore;
import io.ieim.ingest.S3RawObjectStore;
import io.ieim.spec.SourceChannel;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Reads its folders round by round: each mail's MIME is normalized and stored write-once under its
 * SHA-256 before the record exists, and the record's offset is the folder position after it, so a
 * restart resumes behind the last committed mail.
 */
public final class GraphSourceTask extends SourceTask {

    private static final Logger LOG = LoggerFactory.getLogger(GraphSourceTask.class);

    private final Function<GraphSourceConfig, RawObjectStore> storeFactory;
    private final Function<GraphSourceConfig, MailEventEncoder> encoderFactory;
    private GraphSourceConfig config;
    private GraphMailClient client;
    private RawObjectStore objects;
    private MailEventEncoder encoder;
    private MailNormalizer normalizer;
    private final Map<String, MailFolderReader.Position> positions = new HashMap<>();
    private final Map<String, Long> restUntil = new HashMap<>();
    private List<String> folders;
    private volatile boolean stopping;

    public GraphSourceTask() {
        this(c -> new S3RawObjectStore(c.getString(GraphSourceConfig.S3_ENDPOINT), c.getString(GraphSourceConfig.S3_ACCESS_KEY),
                        c.getPassword(GraphSourceConfig.S3_SECRET_KEY).value(), c.getString(GraphSourceConfig.S3_BUCKET)),
                c -> MailEventEncoder.registry(c.getString(GraphSourceConfig.REGISTRY_URL)));
    }

    GraphSourceTask(Function<GraphSourceConfig, RawObjectStore> storeFactory, Function<GraphSourceConfig, MailEventEncoder> encoderFactory) {
        this.storeFactory = storeFactory;
        this.encoderFactory = encoderFactory;
    }

    static Map<String, String> partition(String folder) {
        return Map.of("folder", folder);
    }

    @Override
    public String version() {
        return "1";
    }

    @Override
    public void start(Map<String, String> props) {
        config = new GraphSourceConfig(props);
        client = new GraphMailClient(config.graphSettings());
        objects = storeFactory.apply(config);
        encoder = encoderFactory.apply(config);
        normalizer = new MailNormalizer();
        folders = config.folders();
        for (String folder : folders) {
            positions.put(folder, MailFolderReader.Position.fromOffset(context.offsetStorageReader().offset(partition(folder))));
        }
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        List<SourceRecord> records = new ArrayList<>();
        // positions move only when the whole batch is returned: a failure on a later folder must not
        // skip the mails of an earlier one whose records are discarded with the exception
        Map<String, MailFolderReader.Position> advanced = new HashMap<>();
        long now = System.currentTimeMillis(); // only paces polling; never part of an event
        for (String folder : folders) {
            if (stopping || restUntil.getOrDefault(folder, 0L) > now) {
                continue;
            }
            String mailbox = folder.substring(0, folder.indexOf('/'));
            MailFolderReader reader = new MailFolderReader(client, mailbox, folder.substring(folder.indexOf('/') + 1));
            MailFolderReader.Batch batch;
            try {
                batch = reader.read(positions.get(folder), config.getInt(GraphSourceConfig.BATCH_SIZE));
            } catch (GraphException e) {
                if (e.retryable()) {
                    throw new RetriableException("graph: " + e.getMessage(), e);
                }
                throw new ConnectException("graph: " + e.getMessage(), e);
            }
            for (MailFolderReader.FetchedMail fetched : batch.mails()) {
                records.add(record(folder, fetched));
            }
            advanced.put(folder, batch.next());
            if (batch.roundComplete() && batch.mails().isEmpty()) {
                restUntil.put(folder, now + config.getLong(GraphSourceConfig.POLL_INTERVAL_MS));
            }
        }
        positions.putAll(advanced);
        if (records.isEmpty()) {
            Thread.sleep(Math.min(1000, config.getLong(GraphSourceConfig.POLL_INTERVAL_MS)));
        }
        return records;
    }

    private SourceRecord record(String folder, MailFolderReader.FetchedMail fetched) {
        NormalizedMail mail = normalizer.normalize(fetched.raw()); // never throws: poison mails carry a parse status
        RawMimeReference ref;
        try {
            ref = objects.store(mail.messageId(), fetched.raw()); // before the record exists
        } catch (IOException e) {
            throw new RetriableException("raw-mail store: " + e.getMessage(), e);
        }
        // the mailbox's receipt time, not the clock: a re-read mail yields the identical event
        Instant receivedAt = fetched.receivedAt() != null ? fetched.receivedAt() : Instant.EPOCH;
        MailReceived event = MailReceivedMapping.of(mail, ref, receivedAt, SourceChannel.GRAPH, "graph:" + folder + "/" + fetched.graphId());
        String topic = config.getString(GraphSourceConfig.TOPIC);
        if (mail.parseFailed()) {
            LOG.info("folder {}: message {} is {} and will be quarantined", folder, mail.messageId(), mail.parseStatus());
        }
        return new SourceRecord(partition(folder), fetched.after().toOffset(), topic, null, Schema.STRING_SCHEMA, mail.messageId(),
                Schema.BYTES_SCHEMA, encoder.encode(topic, event), receivedAt.toEpochMilli());
    }

    @Override
    public void stop() {
        stopping = true;
        if (objects != null) {
            objects.close();
        }
        if (encoder != null) {
            encoder.close();
        }
    }
}
