package io.ieim.connect.imap;

import com.icegreen.greenmail.util.GreenMail;
import io.ieim.connect.imap.TestSupport.FakeWorker;
import io.ieim.ingest.RawMailStore;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static io.ieim.connect.imap.TestSupport.decode;
import static io.ieim.connect.imap.TestSupport.props;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * 1,000 mails in one mailbox, the task killed after producing a batch but before the offset commit,
 * restarted; every mail must end up exactly once (EOS) or exactly once per key (without EOS).
 */
class ThousandMailsAcceptanceTest {

    private static final int MAILS = 1000;
    private static GreenMail gm;

    @BeforeAll
    static void fill() {
        gm = TestSupport.greenMail();
        for (int i = 0; i < MAILS; i++) {
            TestSupport.user(gm).deliver(TestSupport.mail(i, "bulk"));
        }
    }

    @AfterAll
    static void stop() {
        gm.stop();
    }

    /** Polls n batches, committing each, then polls one more and crashes before its commit. */
    private static void runAndCrash(FakeWorker worker, InMemoryObjects objects, int committedBatches) throws Exception {
        worker.start(props(gm, "INBOX"), objects);
        for (int i = 0; i < committedBatches; i++) {
            assertThat(worker.poll()).hasSize(100);
            worker.commit();
        }
        assertThat(worker.poll()).as("produced, never committed").hasSize(100);
        worker.crash();
    }

    @Test
    void withExactlyOnceEveryMailIsDeliveredExactlyOnceAcrossACrash() throws Exception {
        InMemoryObjects objects = new InMemoryObjects();
        FakeWorker worker = new FakeWorker(true);
        runAndCrash(worker, objects, 4);
        assertThat(worker.visible).as("the aborted transaction is invisible").hasSize(400);

        worker.start(props(gm, "INBOX"), objects);
        assertThat(worker.drain()).isEqualTo(600);
        worker.stop();

        assertExactlyOnce(worker.visible, objects);
        assertThat(worker.visible).hasSize(MAILS);
        // the crashed batch's 100 raw objects had been written before the crash: written once, found again
        assertThat(objects.alreadyPresent.get()).isEqualTo(100);
    }

    @Test
    void withoutExactlyOnceTheRedeliveredMailsCarryTheSameKeyAndBytes() throws Exception {
        InMemoryObjects objects = new InMemoryObjects();
        FakeWorker worker = new FakeWorker(false);
        runAndCrash(worker, objects, 4);
        assertThat(worker.visible).as("produced records stay").hasSize(500);
        List<SourceRecord> crashedBatch = new ArrayList<>(worker.visible.subList(400, 500));

        worker.start(props(gm, "INBOX"), objects);
        assertThat(worker.drain()).isEqualTo(600);
        worker.stop();

        assertThat(worker.visible).as("at least once: the uncommitted batch twice").hasSize(MAILS + 100);
        Map<Object, byte[]> firstByKey = new HashMap<>();
        for (SourceRecord r : crashedBatch) {
            firstByKey.put(r.key(), (byte[]) r.value());
        }
        List<SourceRecord> again = worker.visible.subList(500, 600);
        assertThat(again).allSatisfy(r -> assertThat((byte[]) r.value())
                .as("re-delivered value identical").isEqualTo(firstByKey.get(r.key())));
        // a consumer that keeps the first record per message_id sees every mail once
        Map<Object, SourceRecord> deduped = new LinkedHashMap<>();
        worker.visible.forEach(r -> deduped.putIfAbsent(r.key(), r));
        assertExactlyOnce(new ArrayList<>(deduped.values()), objects);
    }

    private static void assertExactlyOnce(List<SourceRecord> records, InMemoryObjects objects) {
        assertThat(records.stream().map(r -> decode(r).getSubject()).sorted().toList())
                .isEqualTo(IntStream.range(0, MAILS).mapToObj(i -> "bulk " + i).sorted().toList());
        assertThat(records.stream().map(SourceRecord::key).distinct().count()).isEqualTo(MAILS);
        assertThat(objects.objects).hasSize(MAILS);
        assertThat(objects.created.get()).isEqualTo(MAILS);
        assertThat(records).allSatisfy(r -> assertThat(objects.objects).containsKey(RawMailStore.objectKey((String) r.key())));
    }

    /** Full ingest of the 1,000 mails by a fresh task: median of 3 runs, printed for the README. */
    @Test
    void throughput() throws Exception {
        double[] rates = new double[3];
        for (int run = 0; run < 3; run++) {
            InMemoryObjects objects = new InMemoryObjects();
            FakeWorker worker = new FakeWorker(true);
            long start = System.nanoTime();
            worker.start(props(gm, "INBOX"), objects);
            int n = 0;
            for (List<SourceRecord> batch = worker.poll(); !batch.isEmpty(); batch = worker.poll()) {
                n += batch.size();
                worker.commit();
                if (n == MAILS) {
                    break;
                }
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            worker.stop();
            assertThat(n).isEqualTo(MAILS);
            rates[run] = MAILS / seconds;
        }
        Arrays.sort(rates);
        System.out.printf("IMAP source throughput, 1000 mails (GreenMail, in-memory object store, plain Avro): "
                + "median %.0f mails/s (runs: %s)%n", rates[1],
                Arrays.stream(rates).mapToObj(r -> String.format("%.0f", r)).collect(Collectors.joining(", ")));
        assertThat(rates[1]).isPositive();
    }
}
