package io.ieim.connect.imap;

import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizedMail;
import io.ieim.ingest.MailEventEncoder;
import io.ieim.ingest.MailReceivedMapping;
import io.ieim.ingest.RawObjectStore;
import io.ieim.ingest.S3RawObjectStore;
import io.ieim.spec.SourceChannel;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.UIDFolder;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.errors.ConnectException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTask;
import org.eclipse.angus.mail.iap.ByteArray;
import org.eclipse.angus.mail.iap.Response;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.protocol.BODY;
import org.eclipse.angus.mail.imap.protocol.FetchResponse;
import org.eclipse.angus.mail.imap.protocol.INTERNALDATE;
import org.eclipse.angus.mail.imap.protocol.UID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Reads its mailboxes by UID. For each new mail, in this order: raw bytes, SHA-256 (the message_id),
 * write-once raw object, normalized MailReceived; only then is the record returned from poll(), so a
 * record in Kafka always has its raw MIME in storage. Offsets are per mailbox and per record.
 *
 * <p>After-processing actions (\Seen, move) run only for mails whose records are known durable: acked
 * by Kafka and followed by a {@link #commit()} (after the offset flush, or with exactly-once after the
 * transaction committed). A mail is thus never moved away before its event is safely in Kafka.
 * Logs name mailboxes, UIDs and hashes, never addresses or content.
 */
public final class ImapSourceTask extends SourceTask {

    private static final Logger log = LoggerFactory.getLogger(ImapSourceTask.class);

    private final Function<ImapSourceConfig, RawObjectStore> storeFactory;
    private final Function<ImapSourceConfig, MailEventEncoder> encoderFactory;

    private ImapSourceConfig config;
    private RawObjectStore objects;
    private MailEventEncoder encoder;
    private MailNormalizer normalizer;
    private String topic;
    private List<String> mailboxes;
    private final Map<String, MailboxPosition> positions = new HashMap<>();
    /** Committed positions read at start; actions are reconciled up to these only, once per mailbox. */
    private final Map<String, MailboxPosition> committedAtStart = new HashMap<>();
    private final Map<String, IMAPFolder> open = new HashMap<>();
    private Store store;
    private int cursor;
    private boolean idleUsable;
    private javax.net.ssl.SSLSocketFactory sslSocketFactory;

    /** Record acked by Kafka (producer thread) -> after the next commit() durable -> action applied by poll(). */
    private final Queue<Done> acked = new ConcurrentLinkedQueue<>();
    private final Queue<Done> durable = new ConcurrentLinkedQueue<>();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private ScheduledExecutorService idleWaker;
    private volatile IMAPFolder idling;

    private record Done(String mailbox, long uidValidity, long uid, String messageId) {
    }

    public ImapSourceTask() {
        this(c -> new S3RawObjectStore(c.getString(ImapSourceConfig.S3_ENDPOINT), c.getString(ImapSourceConfig.S3_ACCESS_KEY),
                        c.getPassword(ImapSourceConfig.S3_SECRET_KEY).value(), c.getString(ImapSourceConfig.S3_BUCKET)),
                c -> MailEventEncoder.registry(c.getString(ImapSourceConfig.REGISTRY_URL)));
    }

    /** For tests: object storage and serialization without servers. */
    ImapSourceTask(Function<ImapSourceConfig, RawObjectStore> storeFactory,
                   Function<ImapSourceConfig, MailEventEncoder> encoderFactory) {
        this.storeFactory = storeFactory;
        this.encoderFactory = encoderFactory;
    }

    @Override
    public String version() {
        return ImapSourceConnector.VERSION;
    }

    @Override
    public void start(Map<String, String> props) {
        config = new ImapSourceConfig(props);
        mailboxes = config.taskMailboxes();
        topic = config.getString(ImapSourceConfig.TOPIC);
        normalizer = new MailNormalizer(config.limits());
        objects = storeFactory.apply(config);
        encoder = encoderFactory.apply(config);
        idleUsable = config.getBoolean(ImapSourceConfig.IDLE) && mailboxes.size() == 1;
        sslSocketFactory = config.security() == ImapSourceConfig.Security.NONE ? null : config.sslSocketFactory();
        idleWaker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "imap-idle-waker");
            t.setDaemon(true);
            return t;
        });
        List<Map<String, Object>> partitions = mailboxes.stream().map(MailboxPosition::partition).toList();
        Map<Map<String, Object>, Map<String, Object>> offsets = context.offsetStorageReader().offsets(partitions);
        for (String mailbox : mailboxes) {
            MailboxPosition p = MailboxPosition.fromOffset(offsets.get(MailboxPosition.partition(mailbox)));
            if (p != null) {
                positions.put(mailbox, p);
                committedAtStart.put(mailbox, p);
            }
        }
        log.info("IMAP source task starts on {} mailbox(es): {}", mailboxes.size(), positions);
    }

    @Override
    public List<SourceRecord> poll() throws InterruptedException {
        if (stopped.getCount() == 0) {
            return null;
        }
        try {
            connect();
            applyDurableActions();
            List<SourceRecord> records = new ArrayList<>();
            int batch = config.getInt(ImapSourceConfig.BATCH_SIZE);
            for (int i = 0; i < mailboxes.size() && records.size() < batch; i++) {
                String mailbox = mailboxes.get((cursor + i) % mailboxes.size());
                records.addAll(fetch(mailbox, batch - records.size()));
            }
            cursor = (cursor + 1) % mailboxes.size(); // fairness: no mailbox starves the others
            if (!records.isEmpty()) {
                return records;
            }
            awaitMail();
            return null;
        } catch (MessagingException | IOException e) {
            // reconnect on the next poll; nothing of the failed batch was returned, so nothing is lost
            disconnect();
            throw new RetriableException("IMAP or object storage failure: " + e.getClass().getSimpleName(), e);
        }
    }

    /** Fetches up to max new mails of one mailbox; the position advances only if all of them succeed. */
    private List<SourceRecord> fetch(String mailbox, int max) throws MessagingException, IOException {
        IMAPFolder folder = folder(mailbox);
        long uidValidity = folder.getUIDValidity();
        MailboxPosition position = positions.get(mailbox);
        if (position == null || position.uidValidity() != uidValidity) {
            if (position != null) {
                // RFC 3501: old UIDs mean nothing now. Re-reading is safe: same bytes, same message_id
                // key and the same write-once object, so consumers recognize a mail seen before.
                log.warn("mailbox {}: UIDVALIDITY changed from {} to {}, reading it again from UID 1",
                        mailbox, position.uidValidity(), uidValidity);
            }
            position = new MailboxPosition(uidValidity, 0);
            positions.put(mailbox, position);
        }
        // "n:*" always includes the highest UID, even when it is below n: filter
        Message[] candidates = folder.getMessagesByUID(position.lastUid() + 1, UIDFolder.LASTUID);
        List<Message> fresh = new ArrayList<>();
        FetchProfile uids = new FetchProfile();
        uids.add(UIDFolder.FetchProfileItem.UID);
        folder.fetch(candidates, uids);
        for (Message m : candidates) {
            if (m != null && folder.getUID(m) > position.lastUid()) {
                fresh.add(m);
            }
        }
        fresh.sort(Comparator.comparingLong(m -> uid(folder, m)));
        if (fresh.size() > max) {
            fresh = fresh.subList(0, max);
        }
        if (fresh.isEmpty()) {
            return List.of();
        }
        long[] wanted = fresh.stream().mapToLong(m -> uid(folder, m)).toArray();
        Map<Long, RawMail> raws = fetchRaw(folder, wanted);

        List<SourceRecord> records = new ArrayList<>(fresh.size());
        long last = position.lastUid();
        for (long uid : wanted) {
            RawMail fetched = raws.get(uid);
            if (fetched == null) {
                break; // expunged meanwhile, or not delivered: stop here so the position never skips a mail
            }
            byte[] raw = fetched.bytes();
            NormalizedMail mail = normalizer.normalize(raw); // never throws: poison mails get a parse status
            RawMimeReference ref = objects.store(mail.messageId(), raw); // before the record exists
            // INTERNALDATE, not the wall clock: a re-delivered mail then yields the identical event
            Instant receivedAt = fetched.internalDate() == null ? Instant.now() : fetched.internalDate().toInstant();
            MailReceived event = MailReceivedMapping.of(mail, ref, receivedAt, SourceChannel.IMAP,
                    sourceReference(mailbox, uidValidity, uid));
            byte[] value = encoder.encode(topic, event);
            MailboxPosition at = new MailboxPosition(uidValidity, uid);
            records.add(new SourceRecord(MailboxPosition.partition(mailbox), at.offset(), topic, null,
                    Schema.STRING_SCHEMA, mail.messageId(), Schema.BYTES_SCHEMA, value, receivedAt.toEpochMilli()));
            if (mail.parseFailed()) {
                log.info("mailbox {} UID {}: message {} is {} and will be quarantined", mailbox, uid,
                        mail.messageId(), mail.parseStatus());
            }
            last = uid;
        }
        positions.put(mailbox, new MailboxPosition(uidValidity, last));
        log.debug("mailbox {}: {} mail(s), UIDs up to {}", mailbox, records.size(), last);
        return records;
    }

    private static long uid(IMAPFolder folder, Message m) {
        try {
            return folder.getUID(m);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private record RawMail(byte[] bytes, java.util.Date internalDate) {
    }

    /**
     * The exact bytes the server stores, for a whole batch in one UID FETCH (BODY.PEEK[]: reading does
     * not set \Seen). One round trip per mail would make the fetch latency-bound.
     */
    private static Map<Long, RawMail> fetchRaw(IMAPFolder folder, long[] uids) throws MessagingException {
        StringBuilder set = new StringBuilder();
        for (long uid : uids) {
            set.append(set.isEmpty() ? "" : ",").append(uid);
        }
        Map<Long, RawMail> out = new HashMap<>();
        folder.doCommand(protocol -> {
            Response[] responses = protocol.command("UID FETCH " + set + " (UID INTERNALDATE BODY.PEEK[])", null);
            Response result = responses[responses.length - 1];
            for (Response r : responses) {
                if (r instanceof FetchResponse f) {
                    UID uid = f.getItem(UID.class);
                    BODY body = f.getItem(BODY.class);
                    INTERNALDATE date = f.getItem(INTERNALDATE.class);
                    if (uid != null && body != null) {
                        ByteArray b = body.getByteArray();
                        out.put(uid.uid, new RawMail(Arrays.copyOfRange(b.getBytes(), b.getStart(), b.getStart() + b.getCount()),
                                date == null ? null : date.getDate()));
                    }
                }
            }
            // untagged responses other than our FETCH (EXISTS, EXPUNGE) must still reach the folder
            protocol.notifyResponseHandlers(responses);
            protocol.handleResult(result);
            return null;
        });
        return out;
    }

    /** RFC 5092 style, without the user (often an address). */
    private String sourceReference(String mailbox, long uidValidity, long uid) {
        return "imap://" + config.getString(ImapSourceConfig.HOST) + "/" + mailbox + ";UIDVALIDITY=" + uidValidity
                + "/;UID=" + uid;
    }

    @Override
    public void commitRecord(SourceRecord record, RecordMetadata metadata) {
        if (metadata == null) {
            return; // filtered out by a transform: nothing was written
        }
        MailboxPosition p = MailboxPosition.fromOffset(record.sourceOffset());
        acked.add(new Done((String) record.sourcePartition().get(MailboxPosition.MAILBOX), p.uidValidity(),
                p.lastUid(), (String) record.key()));
    }

    /**
     * Called after the worker committed offsets (or, with exactly-once, the transaction): every record
     * acked before this call is durable. Its IMAP work is left to the poll thread, which owns the connection.
     */
    @Override
    public void commit() {
        for (Done d; (d = acked.poll()) != null; ) {
            durable.add(d);
        }
    }

    private void applyDurableActions() throws MessagingException, IOException {
        if (durable.isEmpty()) {
            return;
        }
        Map<String, List<Done>> byMailbox = new LinkedHashMap<>();
        for (Done d; (d = durable.poll()) != null; ) {
            byMailbox.computeIfAbsent(d.mailbox(), k -> new ArrayList<>()).add(d);
        }
        for (Map.Entry<String, List<Done>> e : byMailbox.entrySet()) {
            for (Done d : e.getValue()) {
                objects.markPublished(d.messageId());
            }
            if (config.afterAction() == ImapSourceConfig.AfterAction.NONE) {
                continue;
            }
            IMAPFolder folder = folder(e.getKey());
            long current = folder.getUIDValidity();
            long[] uids = e.getValue().stream().filter(d -> d.uidValidity() == current).mapToLong(Done::uid).toArray();
            act(folder, Arrays.stream(folder.getMessagesByUID(uids)).filter(m -> m != null).toArray(Message[]::new));
        }
    }

    /**
     * On (re)start, mails up to the committed position are durable; an action interrupted by a stop or
     * crash is completed here (both actions are idempotent).
     */
    private void reconcileActions(IMAPFolder folder, MailboxPosition committed) throws MessagingException {
        if (config.afterAction() == ImapSourceConfig.AfterAction.NONE || committed.lastUid() == 0) {
            return;
        }
        act(folder, folder.getMessagesByUID(1, committed.lastUid()));
    }

    private void act(IMAPFolder folder, Message[] messages) throws MessagingException {
        if (messages.length == 0) {
            return;
        }
        switch (config.afterAction()) {
            case SEEN -> folder.setFlags(messages, new Flags(Flags.Flag.SEEN), true);
            case MOVE -> {
                Folder target = store.getFolder(config.getString(ImapSourceConfig.MOVE_FOLDER));
                if (!target.exists()) {
                    target.create(Folder.HOLDS_MESSAGES);
                }
                folder.moveMessages(messages, target); // MOVE if offered, else COPY + \Deleted + EXPUNGE
            }
            case NONE -> {
            }
        }
    }

    /** Nothing new: wait for the poll interval, or until the server announces mail (IDLE). */
    private void awaitMail() throws InterruptedException {
        long interval = config.getLong(ImapSourceConfig.POLL_INTERVAL_MS);
        if (idleUsable) {
            IMAPFolder folder = open.get(mailboxes.get(0));
            // IDLE ends when the server reports a change or when another thread touches the folder
            ScheduledFuture<?> wake = idleWaker.schedule(() -> wake(folder), interval, TimeUnit.MILLISECONDS);
            try {
                idling = folder;
                folder.idle(true);
                return;
            } catch (MessagingException e) {
                log.info("IMAP IDLE unusable ({}), polling every {} ms instead", e.getClass().getSimpleName(), interval);
                idleUsable = false;
            } finally {
                idling = null;
                wake.cancel(false);
            }
        }
        stopped.await(interval, TimeUnit.MILLISECONDS);
    }

    private static void wake(IMAPFolder folder) {
        try {
            folder.getMessageCount();
        } catch (MessagingException | RuntimeException e) {
            // the poll thread sees the broken connection itself
        }
    }

    private void connect() throws MessagingException {
        if (store != null && store.isConnected()) {
            return;
        }
        ImapSourceConfig.Security security = config.security();
        String protocol = security == ImapSourceConfig.Security.IMAPS ? "imaps" : "imap";
        String timeout = Integer.toString(config.getInt(ImapSourceConfig.TIMEOUT_MS));
        Properties p = new Properties();
        p.put("mail.store.protocol", protocol);
        p.put("mail." + protocol + ".peek", "true");
        p.put("mail." + protocol + ".connectiontimeout", timeout);
        p.put("mail." + protocol + ".timeout", timeout);
        p.put("mail." + protocol + ".writetimeout", timeout);
        if (security == ImapSourceConfig.Security.STARTTLS) {
            p.put("mail.imap.starttls.enable", "true");
            p.put("mail.imap.starttls.required", "true");
        }
        if (security != ImapSourceConfig.Security.NONE) {
            p.put("mail." + protocol + ".ssl.checkserveridentity", "true");
            if (sslSocketFactory != null) {
                // used for IMAPS and for the STARTTLS upgrade alike
                p.put("mail." + protocol + ".ssl.socketFactory", sslSocketFactory);
            }
        }
        Store s = Session.getInstance(p).getStore(protocol);
        s.connect(config.getString(ImapSourceConfig.HOST), config.getInt(ImapSourceConfig.PORT),
                config.getString(ImapSourceConfig.USER), config.getPassword(ImapSourceConfig.PASSWORD).value());
        store = s;
        open.clear();
    }

    private IMAPFolder folder(String mailbox) throws MessagingException {
        IMAPFolder folder = open.get(mailbox);
        if (folder != null && folder.isOpen()) {
            return folder;
        }
        folder = (IMAPFolder) store.getFolder(mailbox);
        if (!folder.exists()) {
            throw new ConnectException("mailbox " + mailbox + " does not exist");
        }
        boolean writes = config.afterAction() != ImapSourceConfig.AfterAction.NONE;
        folder.open(writes ? Folder.READ_WRITE : Folder.READ_ONLY);
        open.put(mailbox, folder);
        MailboxPosition committed = committedAtStart.remove(mailbox);
        if (committed != null && committed.uidValidity() == folder.getUIDValidity()) {
            reconcileActions(folder, committed);
        }
        return folder;
    }

    private void disconnect() {
        for (IMAPFolder f : open.values()) {
            try {
                if (f.isOpen()) {
                    f.close(false);
                }
            } catch (MessagingException | RuntimeException e) {
                // the connection is being dropped anyway
            }
        }
        open.clear();
        if (store != null) {
            try {
                store.close();
            } catch (MessagingException e) {
                // as above
            }
            store = null;
        }
    }

    @Override
    public void stop() {
        stopped.countDown();
        IMAPFolder f = idling;
        if (f != null) {
            wake(f);
        }
        if (idleWaker != null) {
            idleWaker.shutdownNow();
        }
        // the worker calls no poll() after stop(), so this is the last chance to release the connection;
        // a poll still running fails with a retriable error that the stopping worker ignores
        disconnect();
        if (objects != null) {
            objects.close();
        }
        if (encoder != null) {
            encoder.close();
        }
    }
}
