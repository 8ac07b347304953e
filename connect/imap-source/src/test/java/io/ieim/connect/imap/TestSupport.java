package io.ieim.connect.imap;

import io.ieim.ingest.MailEventEncoder;
import io.ieim.ingest.RawObjectStore;

import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ieim.avro.MailReceived;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/** GreenMail, a fake worker (offset store, transactions) and plain-Avro values for the task tests. */
final class TestSupport {

    static final String USER = "intake";
    static final String PASSWORD = "secret";

    private TestSupport() {
    }

    static GreenMail greenMail() {
        GreenMail gm = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        gm.start();
        gm.setUser("intake@example.test", USER, PASSWORD);
        return gm;
    }

    static GreenMailUser user(GreenMail gm) {
        return gm.getUserManager().getUser(USER);
    }

    static Map<String, String> props(GreenMail gm, String mailboxes) {
        Map<String, String> p = new HashMap<>();
        p.put(ImapSourceConfig.HOST, "127.0.0.1");
        p.put(ImapSourceConfig.PORT, Integer.toString(gm.getImap().getPort()));
        p.put(ImapSourceConfig.SECURITY, "NONE");
        p.put(ImapSourceConfig.USER, USER);
        p.put(ImapSourceConfig.PASSWORD, PASSWORD);
        p.put(ImapSourceConfig.MAILBOXES, mailboxes);
        p.put(ImapSourceConfig.POLL_INTERVAL_MS, "20");
        p.put(ImapSourceConfig.BATCH_SIZE, "100");
        return withUnusedStorage(p);
    }

    /** Object storage and registry settings the task requires but these tests replace (in-memory, plain Avro). */
    static Map<String, String> withUnusedStorage(Map<String, String> p) {
        p.put(ImapSourceConfig.S3_ENDPOINT, "http://unused");
        p.put(ImapSourceConfig.S3_ACCESS_KEY, "unused");
        p.put(ImapSourceConfig.S3_SECRET_KEY, "unused");
        p.put(ImapSourceConfig.S3_BUCKET, "unused");
        p.put(ImapSourceConfig.REGISTRY_URL, "http://unused");
        return p;
    }

    static MimeMessage mail(int seq, String tag) {
        try {
            MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
            m.setFrom(new InternetAddress("customer" + seq + "@example.test"));
            m.setRecipients(Message.RecipientType.TO, "intake@example.test");
            m.setSubject(tag + " " + seq);
            m.setSentDate(new Date(1_767_225_600_000L + seq * 1000L));
            m.setHeader("Message-ID", "<" + tag + "-" + seq + "@example.test>");
            m.setText("Policy KF-2048" + String.format("%04d", seq % 10000) + ", mail " + seq + " of " + tag + ".\n");
            m.saveChanges();
            m.setHeader("Message-ID", "<" + tag + "-" + seq + "@example.test>");
            return m;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Appends mails to a folder over IMAP (created if needed), as any client would. */
    static void append(GreenMail gm, String folder, List<? extends Message> mails) throws Exception {
        try (Store store = connect(gm)) {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                f.create(Folder.HOLDS_MESSAGES);
            }
            f.appendMessages(mails.toArray(Message[]::new));
        }
    }

    static Store connect(GreenMail gm) throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", gm.getImap().getPort(), USER, PASSWORD);
        return store;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Plain Avro binary: the unit tests check content, the registry framing is RegistrySerdes' job. */
    static MailEventEncoder avro() {
        SpecificDatumWriter<MailReceived> writer = new SpecificDatumWriter<>(MailReceived.class);
        return (topic, event) -> {
            try {
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                var enc = EncoderFactory.get().binaryEncoder(out, null);
                writer.write(event, enc);
                enc.flush();
                return out.toByteArray();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static MailReceived decode(SourceRecord r) {
        try {
            return new SpecificDatumReader<>(MailReceived.class).read(null,
                    DecoderFactory.get().binaryDecoder((byte[]) r.value(), null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * What the Connect worker does around a source task: an offset store, records produced and acked
     * (commitRecord), offsets committed and then commit(). With exactly-once, each poll's records and
     * offsets become visible together at the commit (one transaction per poll, the worker's default);
     * without it, records are visible once produced and offsets are committed later.
     */
    static final class FakeWorker {
        final boolean exactlyOnce;
        final Map<Map<String, Object>, Map<String, Object>> offsetTopic = new HashMap<>();
        final List<SourceRecord> visible = new ArrayList<>();
        private final List<SourceRecord> openTransaction = new ArrayList<>();
        private final Map<Map<String, Object>, Map<String, Object>> pendingOffsets = new HashMap<>();
        ImapSourceTask task;
        private long kafkaOffset;

        FakeWorker(boolean exactlyOnce) {
            this.exactlyOnce = exactlyOnce;
        }

        ImapSourceTask start(Map<String, String> props, RawObjectStore objects) {
            task = new ImapSourceTask(c -> objects, c -> avro());
            task.initialize(new SourceTaskContext() {
                @Override
                public Map<String, String> configs() {
                    return props;
                }

                @Override
                public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                    return null; // the task registers no metrics
                }

                @Override
                public OffsetStorageReader offsetStorageReader() {
                    return new OffsetStorageReader() {
                        @Override
                        @SuppressWarnings("unchecked")
                        public <T> Map<String, Object> offset(Map<String, T> partition) {
                            return offsetTopic.get((Map<String, Object>) partition);
                        }

                        @Override
                        public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                            Map<Map<String, T>, Map<String, Object>> out = new HashMap<>();
                            for (Map<String, T> p : partitions) {
                                out.put(p, offset(p));
                            }
                            return out;
                        }
                    };
                }
            });
            task.start(props);
            return task;
        }

        /** One poll: produce and ack its records (they stay in the open transaction under EOS). */
        List<SourceRecord> poll() throws InterruptedException {
            List<SourceRecord> records = task.poll();
            if (records == null) {
                return List.of();
            }
            for (SourceRecord r : records) {
                (exactlyOnce ? openTransaction : visible).add(r);
                task.commitRecord(r, new RecordMetadata(new TopicPartition(r.topic(), 0), kafkaOffset++, 0,
                        r.timestamp(), 64, ((byte[]) r.value()).length));
                pendingOffsets.put(new HashMap<>(r.sourcePartition()), new HashMap<>(r.sourceOffset()));
            }
            return records;
        }

        /** Offsets (and under EOS the transaction's records) committed, then the task told so. */
        void commit() {
            visible.addAll(openTransaction);
            openTransaction.clear();
            offsetTopic.putAll(pendingOffsets);
            pendingOffsets.clear();
            task.commit();
        }

        /** Until a poll returns nothing; commits after every poll (the EOS default). */
        int drain() throws InterruptedException {
            int n = 0;
            for (List<SourceRecord> batch = poll(); !batch.isEmpty(); batch = poll()) {
                n += batch.size();
                commit();
            }
            commit();
            return n;
        }

        /** The worker dies after producing, before committing: the open transaction aborts. */
        void crash() {
            openTransaction.clear();
            pendingOffsets.clear();
            task.stop();
        }

        void stop() {
            commit();
            task.stop();
        }
    }
}
