package io.ieim.cli;

import io.ieim.avro.Decision;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizedMail;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Wild mail through the running product: the malformed messages of data/wild-mail are ingested while
 * the topology runs; every one is decided or quarantined with a reason, and the topology keeps running.
 */
@StackTest
class WildMailStackTest {

    private StackConfig stack;

    @AfterEach
    void stop() {
        CliOnStack.release(stack);
    }

    @Test
    void everyWildMailIsDecidedOrQuarantinedAndTheTopologyKeepsRunning(StackConfig stack) throws Exception {
        this.stack = stack;
        CliOnStack.pointAt(stack);
        Path wild = Path.of(System.getProperty("ieim.home")).resolve("data/wild-mail");
        Map<String, NormalizedMail> mails = new HashMap<>();
        try (Stream<Path> files = Files.list(wild)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".eml")).sorted().toList()) {
                NormalizedMail mail = new MailNormalizer().normalize(Files.readAllBytes(file));
                mails.put(mail.messageId(), mail);
            }
        }
        assertThat(mails).hasSizeGreaterThanOrEqualTo(30);
        Topology.ensureRunning(stack, Duration.ofSeconds(120), Map.of());
        assertThat(Ieim.run("ingest", wild.toString())).isZero();

        Instant deadline = Instant.now().plusSeconds(120);
        Map<String, Decision> decisions = Map.of();
        while (Instant.now().isBefore(deadline)) {
            decisions = DecisionsCommand.latestDecisions(stack);
            if (decisions.keySet().containsAll(mails.keySet())) {
                break;
            }
            Thread.sleep(1000);
        }
        assertThat(decisions.keySet()).as("every wild mail decided").containsAll(mails.keySet());
        int quarantined = 0;
        for (var mail : mails.entrySet()) {
            Decision d = decisions.get(mail.getKey());
            assertThat(d.getDecisionHash()).hasSize(64);
            if (mail.getValue().parseFailed()) {
                // fail closed: a mail that could not be read is held, with the reason recorded
                assertThat(d.getQueue()).as(mail.getKey()).isEqualTo("SECURITY_QUARANTINE");
                assertThat(d.getReviewReasons()).contains("QUARANTINED");
                quarantined++;
            }
        }
        assertThat(Topology.healthy(stack)).as("the topology still runs").isTrue();
        System.out.printf("wild mail: %d mails, %d decided normally, %d quarantined%n", mails.size(), mails.size() - quarantined, quarantined);
        assertThat(quarantined).isPositive().isLessThan(mails.size());
        List<String> queues = decisions.entrySet().stream().filter(e -> mails.containsKey(e.getKey()))
                .map(e -> e.getValue().getQueue()).distinct().toList();
        assertThat(queues).hasSizeGreaterThan(1);
    }
}
