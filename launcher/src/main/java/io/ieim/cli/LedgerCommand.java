package io.ieim.cli;

import io.ieim.avro.AuditAnchor;
import io.ieim.avro.AuditEvent;
import io.ieim.devstack.StackConfig;
import io.ieim.ledger.ChainEntry;
import io.ieim.ledger.ChainVerifier;
import io.ieim.ledger.SignedTreeHead;
import io.ieim.ledger.VerificationResult;
import io.ieim.spec.Topics;
import io.ieim.topology.AuditLedger;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code ieim ledger verify} (CONTRACT-V1 §6). */
@Command(name = "ledger", description = "The audit ledger.",
        subcommands = {LedgerCommand.Verify.class, LedgerCommand.Export.class, LedgerCommand.Prove.class,
                LedgerCommand.VerifyReceipt.class})
final class LedgerCommand {

    @Command(name = "export", description = "Write the ledger to a file.")
    static final class Export implements Callable<Integer> {
        @Override
        public Integer call() {
            throw new Ieim.NotAvailableYet("ledger export", "the rest of the audit ledger");
        }
    }

    @Command(name = "prove", description = "Write a receipt for a mail's audit entries.")
    static final class Prove implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--message-id", required = true)
        String messageId;

        @Override
        public Integer call() {
            throw new Ieim.NotAvailableYet("ledger prove", "the rest of the audit ledger");
        }
    }

    @Command(name = "verify-receipt", description = "Verify a receipt offline.")
    static final class VerifyReceipt implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "FILE")
        java.nio.file.Path file;

        @Override
        public Integer call() {
            throw new Ieim.NotAvailableYet("ledger verify-receipt", "the rest of the audit ledger");
        }
    }

    @Command(name = "verify", description = "Verify every audit chain link, every anchor's signature and root; exit 0 only when all hold.")
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--chains", paramLabel = "PREFIX",
                description = "Only chains whose id starts with PREFIX (e.g. one chainer application's).")
        String chains = "";

        @Override
        public Integer call() throws Exception {
            StackConfig config = StackConfig.fromEnvironment();
            long begin = System.nanoTime();
            List<ChainEntry> entries = new ArrayList<>();
            for (ConsumerRecord<String, AuditEvent> r : TopicReader.<AuditEvent>readAll(config, Topics.AUDIT.name())) {
                ChainEntry entry = r.value() == null ? null
                        : AuditLedger.entry(r.value(), r.topic() + "-" + r.partition() + "@" + r.offset());
                if (entry != null && entry.chainId().startsWith(chains)) {
                    entries.add(entry);
                }
            }
            List<SignedTreeHead> anchors = new ArrayList<>();
            for (ConsumerRecord<String, AuditAnchor> r : TopicReader.<AuditAnchor>readAll(config, Topics.AUDIT_ANCHORS.name())) {
                if (r.value() != null && r.value().getChainId().startsWith(chains)) {
                    anchors.add(AuditLedger.head(r.value()));
                }
            }
            VerificationResult result = new ChainVerifier(Topology.trustedAnchorKeys(config)).verify(entries, anchors);
            if (!result.valid()) {
                System.err.println("ieim: ledger verification failed: " + result.reason());
                return Ieim.EXIT_FAILED;
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            System.out.printf("ledger verified: %d entries in %d chains, %d anchors (%.1f s, %.0f entries/s)%n",
                    entries.size(), entries.stream().map(ChainEntry::chainId).distinct().count(), anchors.size(),
                    seconds, entries.size() / Math.max(seconds, 1e-9));
            return 0;
        }
    }
}
