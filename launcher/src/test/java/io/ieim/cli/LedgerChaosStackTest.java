package io.ieim.cli;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.Decision;
import io.ieim.spec.Topics;
import io.ieim.devstack.ManagedProcess;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.ledger.ChainEntry;
import io.ieim.ledger.Ed25519Keys;
import io.ieim.ledger.LedgerFile;
import io.ieim.ledger.ReceiptVerifier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chaos: the topology process is killed with SIGKILL several times while mails flow. Afterwards every
 * mail has its decision, every chain verifies without gap or duplicate, and receipts verify offline.
 */
@StackTest
class LedgerChaosStackTest {

    private StackConfig stack;

    @AfterEach
    void stop() {
        CliOnStack.release(stack);
    }

    private static byte[] mail(String id, int i) {
        return ("From: chaos" + i + "@example.org\r\nTo: service@versicherung.example\r\nSubject: Frage zu meinem Vertrag "
                + id + "\r\nMessage-ID: <" + id + "@example.org>\r\nDate: Mon, 2 Mar 2026 08:15:30 +0100\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nGuten Tag, bitte senden Sie mir "
                + "eine Kopie meines Versicherungsscheins. Danke, Nr. " + i + "\r\n").getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void killedMidStreamTheLedgerHasNoGapNoDuplicateAndReceiptsVerify(StackConfig stack, @TempDir Path temp) throws Exception {
        this.stack = stack;
        CliOnStack.pointAt(stack);
        Map<String, String> env = Map.of("IEIM_ANCHOR_EVERY", "7", "IEIM_ANCHOR_INTERVAL_SECONDS", "2");
        ManagedProcess topology = Topology.process(stack);
        MailNormalizer normalizer = new MailNormalizer();
        List<String> ids = new ArrayList<>();
        long[] pauses = {400, 1200, 800};
        for (int round = 0; round < 3; round++) {
            Path dir = Files.createDirectories(temp.resolve("round-" + round));
            for (int i = 0; i < 40; i++) {
                byte[] raw = mail(UUID.randomUUID().toString(), round * 100 + i);
                Files.write(dir.resolve(i + ".eml"), raw);
                ids.add(normalizer.normalize(raw).messageId());
            }
            Topology.ensureRunning(stack, Duration.ofSeconds(120), env);
            assertThat(Ieim.run("ingest", dir.toString())).isZero();
            Thread.sleep(pauses[round]);
            ProcessHandle handle = topology.running().orElseThrow();
            handle.destroyForcibly(); // SIGKILL: no clean shutdown, open transactions are aborted
            handle.onExit().get(30, TimeUnit.SECONDS);
        }
        Topology.ensureRunning(stack, Duration.ofSeconds(120), env);

        Instant deadline = Instant.now().plusSeconds(180);
        Map<String, Decision> decisions = Map.of();
        while (Instant.now().isBefore(deadline)) {
            decisions = DecisionsCommand.latestDecisions(stack);
            if (decisions.keySet().containsAll(ids)) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(decisions.keySet()).as("every mail decided despite the kills").containsAll(ids);
        Thread.sleep(5000); // the timer anchors the chains' last entries

        String chains = Topology.APPLICATION_ID + "/";
        LedgerFile ledger = LedgerCommand.read(stack, chains);
        Map<String, List<Long>> sequences = new HashMap<>();
        for (ChainEntry e : ledger.entries()) {
            sequences.computeIfAbsent(e.chainId(), k -> new ArrayList<>()).add(e.sequence());
        }
        for (Map.Entry<String, List<Long>> chain : sequences.entrySet()) {
            List<Long> seq = chain.getValue();
            for (int i = 0; i < seq.size(); i++) {
                assertThat(seq.get(i)).as(chain.getKey() + " has no gap and no duplicate").isEqualTo((long) i);
            }
        }
        // no event chained twice: every audit event of these mails sits in exactly one place, and each mail
        // has all its stages chained (other tests' mails on the shared stack may share the chains)
        int stages = 7; // INGESTED .. DECIDED
        Map<String, Integer> eventsPerMail = new HashMap<>();
        Instant chainedBy = Instant.now().plusSeconds(120);
        do {
            eventsPerMail.clear();
            Map<String, String> placeOfEvent = new HashMap<>();
            for (var r : TopicReader.<AuditEvent>readAll(stack, Topics.AUDIT.name())) {
                AuditEvent e = r.value();
                if (e == null || e.getChainId() == null || !e.getChainId().startsWith(chains) || !ids.contains(e.getMessageId())) {
                    continue;
                }
                String place = e.getChainId() + "#" + e.getSequence();
                assertThat(placeOfEvent.putIfAbsent(e.getEventId(), place)).as("event " + e.getEventId() + " chained once").isNull();
                eventsPerMail.merge(e.getMessageId(), 1, Integer::sum);
            }
            if (eventsPerMail.size() == ids.size() && eventsPerMail.values().stream().allMatch(n -> n == stages)) {
                break;
            }
            Thread.sleep(2000); // the chainer runs behind the decisions, more so after a kill
        } while (Instant.now().isBefore(chainedBy));
        assertThat(eventsPerMail.keySet()).containsExactlyInAnyOrderElementsOf(ids);
        assertThat(new java.util.HashSet<>(eventsPerMail.values())).as("every stage of every mail chained").containsExactly(stages);
        Thread.sleep(3000); // the timer anchors the chains' last entries
        assertThat(Ieim.run("ledger", "verify", "--chains", chains)).isZero();

        // receipts verify offline with the public key alone (a sample: each prove reads the whole ledger)
        String publicKey = Ed25519Keys.encode(Topology.anchorKey(stack).getPublic());
        for (String id : List.of(ids.get(0), ids.get(45), ids.get(90), ids.get(ids.size() - 1))) {
            Path receipt = temp.resolve(id + ".receipt");
            assertThat(Ieim.run("ledger", "prove", "--message-id", id, "--out", receipt.toString())).isZero();
            assertThat(ReceiptVerifier.run(receipt.toString(), "--public-key", publicKey)).isZero();
        }
    }
}
