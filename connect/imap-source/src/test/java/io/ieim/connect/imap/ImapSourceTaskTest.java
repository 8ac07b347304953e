package io.ieim.connect.imap;

import com.icegreen.greenmail.util.GreenMail;
import io.ieim.avro.MailReceived;
import io.ieim.connect.imap.TestSupport.FakeWorker;
import io.ieim.ingest.RawMailStore;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;

import static io.ieim.connect.imap.TestSupport.append;
import static io.ieim.connect.imap.TestSupport.decode;
import static io.ieim.connect.imap.TestSupport.mail;
import static io.ieim.connect.imap.TestSupport.props;
import static io.ieim.connect.imap.TestSupport.sha256;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ImapSourceTaskTest {

    private GreenMail gm;
    private final InMemoryObjects objects = new InMemoryObjects();

    @BeforeEach
    void startServer() {
        gm = TestSupport.greenMail();
    }

    @AfterEach
    void stopServer() {
        gm.stop();
    }

    private void deliver(int from, int to, String tag) {
        for (int i = from; i < to; i++) {
            TestSupport.user(gm).deliver(mail(i, tag));
        }
    }

    @Test
    void fetchStoresRawFirstAndKeysByTheHashOfTheRawBytes() throws Exception {
        deliver(0, 3, "fetch");
        FakeWorker worker = new FakeWorker(true);
        worker.start(props(gm, "INBOX"), objects);
        List<SourceRecord> records = worker.poll();

        assertThat(records).hasSize(3);
        for (SourceRecord r : records) {
            String id = (String) r.key();
            byte[] raw = objects.objects.get(RawMailStore.objectKey(id));
            assertThat(raw).as("raw object stored before poll returned").isNotNull();
            assertThat(sha256(raw)).isEqualTo(id);
            MailReceived event = decode(r);
            assertThat(event.getMessageId()).isEqualTo(id);
            assertThat(event.getSourceChannel()).isEqualTo("IMAP");
            assertThat(event.getRawMime().getKey()).isEqualTo(RawMailStore.objectKey(id));
            assertThat(event.getParseStatus()).isEqualTo("OK");
            assertThat(event.getSourceReference()).startsWith("imap://127.0.0.1/INBOX;UIDVALIDITY=")
                    .doesNotContain(TestSupport.USER);
            assertThat(r.topic()).isEqualTo("ieim.mail.received.v1");
            assertThat(r.sourcePartition()).isEqualTo(Map.of("mailbox", "INBOX"));
        }
        assertThat(records.stream().map(r -> decode(r).getSubject()).toList())
                .containsExactly("fetch 0", "fetch 1", "fetch 2");
        assertThat(records.stream().map(r -> (Long) r.sourceOffset().get("last_uid")).toList())
                .isSorted().doesNotHaveDuplicates();
        assertThat(worker.poll()).as("nothing new").isEmpty();
        assertThat(objects.published).as("markers only after commit").isEmpty();
        worker.commit();
        worker.poll();
        assertThat(objects.published).hasSize(3);
        worker.stop();
    }

    @Test
    void restartResumesFromTheCommittedOffsetWithoutDuplicatesOrLoss() throws Exception {
        deliver(0, 5, "resume");
        FakeWorker worker = new FakeWorker(false);
        worker.start(props(gm, "INBOX"), objects);
        assertThat(worker.drain()).isEqualTo(5);
        worker.stop();

        deliver(5, 8, "resume");
        worker.start(props(gm, "INBOX"), objects);
        assertThat(worker.drain()).isEqualTo(3);
        worker.stop();

        assertThat(worker.visible.stream().map(r -> decode(r).getSubject()).toList())
                .containsExactlyElementsOf(IntStream.range(0, 8).mapToObj(i -> "resume " + i).toList());
        assertThat(objects.created.get()).isEqualTo(8);
    }

    @Test
    void changedUidValidityRereadsTheMailboxFromUidOneWithTheSameKeys() throws Exception {
        List<MimeMessage> mails = List.of(mail(1, "uv"), mail(2, "uv"));
        append(gm, "Claims", mails);
        FakeWorker worker = new FakeWorker(true);
        worker.start(props(gm, "Claims"), objects);
        assertThat(worker.drain()).isEqualTo(2);
        worker.stop();
        long before = (Long) worker.offsetTopic.get(Map.of("mailbox", "Claims")).get("uidvalidity");
        Set<Object> firstKeys = new HashSet<>(worker.visible.stream().map(SourceRecord::key).toList());

        // the mailbox is rebuilt on a new server (migration, restore): new UIDVALIDITY, UIDs from 1 again.
        // (A new GreenMail: 2.1.8 fails on deleting a folder another session had selected.)
        Thread.sleep(1100); // GreenMail derives UIDVALIDITY from the clock, in seconds
        gm.stop();
        gm = TestSupport.greenMail();
        byte[][] raws = objects.objects.values().toArray(byte[][]::new);
        List<MimeMessage> same = new ArrayList<>();
        for (byte[] raw : raws) {
            same.add(new MimeMessage(null, new java.io.ByteArrayInputStream(raw)));
        }
        append(gm, "Claims", same);

        worker.visible.clear();
        worker.start(props(gm, "Claims"), objects);
        assertThat(worker.drain()).isEqualTo(2);
        worker.stop();
        long after = (Long) worker.offsetTopic.get(Map.of("mailbox", "Claims")).get("uidvalidity");
        assertThat(after).isNotEqualTo(before);
        assertThat(worker.offsetTopic.get(Map.of("mailbox", "Claims")).get("last_uid")).isEqualTo(2L);
        assertThat(new HashSet<>(worker.visible.stream().map(SourceRecord::key).toList()))
                .as("re-delivered mails are recognizable by their key").isEqualTo(firstKeys);
        assertThat(objects.created.get()).as("write-once: no new objects").isEqualTo(2);
    }

    @Test
    void seenFlagIsSetOnlyAfterTheRecordsAreCommitted() throws Exception {
        deliver(0, 4, "seen");
        Map<String, String> props = props(gm, "INBOX");
        props.put(ImapSourceConfig.AFTER_ACTION, "SEEN");
        FakeWorker worker = new FakeWorker(true);
        worker.start(props, objects);
        assertThat(worker.poll()).hasSize(4);
        assertThat(seen("INBOX")).as("polled, not committed: untouched").isZero();
        worker.commit();
        worker.poll(); // the task's own thread applies the action
        assertThat(seen("INBOX")).isEqualTo(4);
        worker.stop();
    }

    @Test
    void moveHappensAfterCommitAndARestartCompletesAnInterruptedMove() throws Exception {
        deliver(0, 5, "move");
        Map<String, String> props = props(gm, "INBOX");
        props.put(ImapSourceConfig.AFTER_ACTION, "MOVE");
        props.put(ImapSourceConfig.MOVE_FOLDER, "Processed");
        FakeWorker worker = new FakeWorker(true);
        worker.start(props, objects);
        assertThat(worker.poll()).hasSize(5);
        worker.commit();
        worker.task.stop(); // committed, but stopped before the next poll could move anything
        assertThat(count("INBOX")).isEqualTo(5);

        deliver(5, 7, "move");
        worker.start(props, objects);
        assertThat(worker.drain()).as("only the new mails").isEqualTo(2);
        worker.stop();
        assertThat(count("INBOX")).isZero();
        assertThat(count("Processed")).isEqualTo(7);
        assertThat(worker.visible).hasSize(7);
    }

    @Test
    void mailboxesAreSpreadOverTasksAndEachTaskReadsOnlyItsOwn() throws Exception {
        append(gm, "A", List.of(mail(1, "a"), mail(2, "a")));
        append(gm, "B", List.of(mail(1, "b")));
        append(gm, "C", List.of(mail(1, "c"), mail(2, "c"), mail(3, "c")));
        ImapSourceConnector connector = new ImapSourceConnector();
        connector.start(props(gm, "A,B,C"));
        List<Map<String, String>> configs = connector.taskConfigs(2);
        assertThat(configs).hasSize(2);
        assertThat(configs.stream().flatMap(c -> List.of(c.get(ImapSourceConfig.TASK_MAILBOXES).split(",")).stream()).toList())
                .containsExactlyInAnyOrder("A", "B", "C");
        assertThat(connector.taskConfigs(10)).as("no idle tasks").hasSize(3);

        List<SourceRecord> all = new ArrayList<>();
        for (Map<String, String> config : configs) {
            FakeWorker worker = new FakeWorker(true);
            worker.start(config, objects);
            worker.drain();
            worker.stop();
            Set<String> own = Set.of(config.get(ImapSourceConfig.TASK_MAILBOXES).split(","));
            assertThat(worker.visible).allSatisfy(r -> assertThat(own).contains((String) r.sourcePartition().get("mailbox")));
            all.addAll(worker.visible);
        }
        assertThat(all).hasSize(6);
        assertThat(all.stream().map(r -> decode(r).getSubject()).toList())
                .containsExactlyInAnyOrder("a 1", "a 2", "b 1", "c 1", "c 2", "c 3");
    }

    @Test
    void oversizedMailIsPublishedForQuarantineNotDropped() throws Exception {
        deliver(0, 1, "small");
        MimeMessage big = mail(1, "big");
        big.setText("x".repeat(5000));
        big.saveChanges();
        TestSupport.user(gm).deliver(big);
        Map<String, String> props = props(gm, "INBOX");
        props.put(ImapSourceConfig.MAX_BYTES, "2000");
        FakeWorker worker = new FakeWorker(true);
        worker.start(props, objects);
        List<SourceRecord> records = worker.poll();
        worker.stop();
        assertThat(records).hasSize(2);
        MailReceived poison = decode(records.get(1));
        assertThat(poison.getParseStatus()).isEqualTo("LIMIT_EXCEEDED");
        assertThat(poison.getParseErrors()).anyMatch(e -> e.startsWith("size "));
        assertThat(objects.objects).containsKey(poison.getRawMime().getKey());
        assertThat(decode(records.get(0)).getParseStatus()).isEqualTo("OK");
    }

    @Test
    void storageFailureReturnsNothingAndTheNextPollRetriesTheSameMails() throws Exception {
        deliver(0, 3, "retry");
        FakeWorker worker = new FakeWorker(true);
        worker.start(props(gm, "INBOX"), objects);
        objects.failing = true;
        assertThatThrownBy(worker::poll).isInstanceOf(RetriableException.class);
        objects.failing = false;
        assertThat(worker.poll()).hasSize(3);
        worker.stop();
    }

    @Test
    void declaresExactlyOnceSupportAndValidatesConfig() {
        ImapSourceConnector connector = new ImapSourceConnector();
        assertThat(connector.exactlyOnceSupport(Map.of())).isEqualTo(ExactlyOnceSupport.SUPPORTED);
        assertThat(connector.canDefineTransactionBoundaries(Map.of())).isEqualTo(ConnectorTransactionBoundaries.UNSUPPORTED);
        Map<String, String> props = props(gm, "INBOX");
        props.put(ImapSourceConfig.AFTER_ACTION, "MOVE");
        assertThatThrownBy(() -> new ImapSourceConfig(props)).isInstanceOf(ConfigException.class)
                .hasMessageContaining(ImapSourceConfig.MOVE_FOLDER);
        assertThat(connector.alterOffsets(props, Map.of(Map.of("mailbox", "INBOX"), Map.of("uidvalidity", 1, "last_uid", 0)))).isTrue();
        assertThatThrownBy(() -> connector.alterOffsets(props, Map.of(Map.of("mailbox", "INBOX"), Map.of("uid", 3))))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(connector.config().configKeys().get(ImapSourceConfig.PASSWORD).type)
                .isEqualTo(org.apache.kafka.common.config.ConfigDef.Type.PASSWORD);
    }

    private int seen(String folder) throws Exception {
        try (Store store = TestSupport.connect(gm)) {
            Folder f = store.getFolder(folder);
            f.open(Folder.READ_ONLY);
            int n = 0;
            for (Message m : f.getMessages()) {
                n += m.isSet(Flags.Flag.SEEN) ? 1 : 0;
            }
            f.close(false);
            return n;
        }
    }

    private int count(String folder) throws Exception {
        try (Store store = TestSupport.connect(gm)) {
            Folder f = store.getFolder(folder);
            if (!f.exists()) {
                return 0;
            }
            f.open(Folder.READ_ONLY);
            int n = f.getMessageCount();
            f.close(false);
            return n;
        }
    }
}
