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

    @Command(name = "export", description = "Write the whole ledger (chains and anchors) to a file.")
    static final class Export implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--out", required = true, paramLabel = "FILE")
        java.nio.file.Path out;

        @picocli.CommandLine.Option(names = "--chains", paramLabel = "PREFIX", description = "Only chains whose id starts with PREFIX.")
        String chains = "";

        @Override
        public Integer call() throws Exception {
            io.ieim.ledger.LedgerFile ledger = read(StackConfig.fromEnvironment(), chains);
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(out.toAbsolutePath().getParent(), ".ledger", ".tmp");
            java.nio.file.Files.writeString(tmp, ledger.write());
            java.nio.file.Files.move(tmp, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            System.err.println("ieim: exported " + ledger.entries().size() + " entries and " + ledger.heads().size()
                    + " tree heads to " + out);
            return 0;
        }
    }

    /** The audit chains and anchors from the topics, entries in log order. */
    static io.ieim.ledger.LedgerFile read(StackConfig config, String chains) throws java.io.IOException {
        return read(config, chains, new java.util.HashMap<>());
    }

    /** ... and each entry's recorded_at (epoch ms) per chain, in chain order, for the anchor lag. */
    static io.ieim.ledger.LedgerFile read(StackConfig config, String chains, java.util.Map<String, List<Long>> recordedAt)
            throws java.io.IOException {
        List<ChainEntry> entries = new ArrayList<>();
        for (ConsumerRecord<String, AuditEvent> r : TopicReader.<AuditEvent>readAll(config, Topics.AUDIT.name())) {
            ChainEntry entry = r.value() == null ? null
                    : AuditLedger.entry(r.value(), r.topic() + "-" + r.partition() + "@" + r.offset());
            if (entry != null && entry.chainId().startsWith(chains)) {
                entries.add(entry);
                recordedAt.computeIfAbsent(entry.chainId(), k -> new ArrayList<>()).add(r.value().getRecordedAt().toEpochMilli());
            }
        }
        List<SignedTreeHead> anchors = new ArrayList<>();
        for (ConsumerRecord<String, AuditAnchor> r : TopicReader.<AuditAnchor>readAll(config, Topics.AUDIT_ANCHORS.name())) {
            if (r.value() != null && r.value().getChainId().startsWith(chains)) {
                anchors.add(AuditLedger.head(r.value()));
            }
        }
        return new io.ieim.ledger.LedgerFile(entries, anchors);
    }

    @Command(name = "prove", description = "Write a receipt: the mail's audit entries with inclusion proofs to signed tree heads.")
    static final class Prove implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--message-id", required = true)
        String messageId;

        @picocli.CommandLine.Option(names = "--out", paramLabel = "FILE", description = "Receipt file (default: standard output).")
        java.nio.file.Path out;

        @Override
        public Integer call() throws Exception {
            StackConfig config = StackConfig.fromEnvironment();
            java.util.Map<String, List<ChainEntry>> chains = new java.util.LinkedHashMap<>();
            java.util.Map<String, List<Long>> wanted = new java.util.TreeMap<>();
            for (ConsumerRecord<String, AuditEvent> r : TopicReader.<AuditEvent>readAll(config, Topics.AUDIT.name())) {
                if (r.value() == null || r.value().getChainId() == null) {
                    continue;
                }
                ChainEntry entry = AuditLedger.entry(r.value(), r.topic() + "-" + r.partition() + "@" + r.offset());
                chains.computeIfAbsent(entry.chainId(), k -> new ArrayList<>()).add(entry);
                if (messageId.equals(r.value().getMessageId())) {
                    wanted.computeIfAbsent(entry.chainId(), k -> new ArrayList<>()).add(entry.sequence());
                }
            }
            if (wanted.isEmpty()) {
                throw new Ieim.BadInput("no audit entries for message " + messageId);
            }
            java.util.Map<String, SignedTreeHead> latest = new java.util.HashMap<>();
            for (ConsumerRecord<String, AuditAnchor> r : TopicReader.<AuditAnchor>readAll(config, Topics.AUDIT_ANCHORS.name())) {
                if (r.value() != null) {
                    SignedTreeHead head = AuditLedger.head(r.value());
                    latest.merge(head.chainId(), head, (a, b) -> a.treeSize() >= b.treeSize() ? a : b);
                }
            }
            List<SignedTreeHead> heads = new ArrayList<>();
            List<io.ieim.ledger.Receipt.Item> items = new ArrayList<>();
            for (var chain : wanted.entrySet()) {
                SignedTreeHead head = latest.get(chain.getKey());
                long needed = chain.getValue().stream().mapToLong(Long::longValue).max().orElse(0) + 1;
                if (head == null || head.treeSize() < needed) {
                    throw new IllegalStateException("audit entries of " + messageId + " in " + chain.getKey()
                            + " are not anchored yet (try again after the next tree head)");
                }
                io.ieim.ledger.MerkleTree tree = new io.ieim.ledger.MerkleTree();
                List<ChainEntry> entries = chains.get(chain.getKey());
                for (int i = 0; i < head.treeSize(); i++) {
                    tree.appendData(entries.get(i).entryHash());
                }
                // never issue a receipt for a ledger that does not match its own anchor
                if (!java.util.Arrays.equals(tree.root(), head.rootHash())) {
                    throw new IllegalStateException("the ledger of " + chain.getKey() + " does not match its tree head: run ieim ledger verify");
                }
                heads.add(head);
                for (long seq : chain.getValue()) {
                    items.add(new io.ieim.ledger.Receipt.Item(entries.get((int) seq), tree.inclusionProof(seq, head.treeSize())));
                }
            }
            String receipt = new io.ieim.ledger.Receipt(messageId, heads, items).write();
            if (out == null) {
                System.out.print(receipt);
            } else {
                java.nio.file.Files.writeString(out, receipt);
                System.err.println("ieim: receipt of " + items.size() + " audit entries written to " + out);
            }
            return 0;
        }
    }

    @Command(name = "verify-receipt", description = "Verify a receipt offline (the ledger jar alone does the same: java -jar ieim-ledger.jar FILE --public-key KEY).")
    static final class VerifyReceipt implements Callable<Integer> {
        @picocli.CommandLine.Parameters(paramLabel = "FILE")
        java.nio.file.Path file;

        @picocli.CommandLine.Option(names = "--public-key", required = true, paramLabel = "KEY", description = "Base64 Ed25519 public key, or a file holding it.")
        String publicKey;

        @Override
        public Integer call() {
            return io.ieim.ledger.ReceiptVerifier.run(file.toString(), "--public-key", publicKey);
        }
    }

    @Command(name = "verify", description = "Verify every audit chain link, every anchor's signature and root; exit 0 only when all hold.")
    static final class Verify implements Callable<Integer> {
        @picocli.CommandLine.Option(names = "--chains", paramLabel = "PREFIX",
                description = "Only chains whose id starts with PREFIX (e.g. one chainer application's).")
        String chains = "";

        @picocli.CommandLine.Option(names = "--file", paramLabel = "FILE", description = "Verify an exported ledger file instead of the topics.")
        java.nio.file.Path file;

        @picocli.CommandLine.Option(names = "--metrics-file", paramLabel = "FILE",
                description = "Also write the outcome as Prometheus text (for node-exporter's textfile collector); "
                        + "the failure counter carries over from the file's previous content.")
        java.nio.file.Path metricsFile;

        @Override
        public Integer call() throws Exception {
            StackConfig config = StackConfig.fromEnvironment();
            long begin = System.nanoTime();
            io.ieim.ledger.LedgerFile ledger;
            java.util.Map<String, List<Long>> recordedAt = new java.util.HashMap<>();
            if (file == null) {
                ledger = read(config, chains, recordedAt);
            } else {
                try {
                    ledger = io.ieim.ledger.LedgerFile.parse(java.nio.file.Files.readString(file));
                } catch (IllegalArgumentException | java.io.IOException e) {
                    throw new Ieim.BadInput(file + ": " + e.getMessage());
                }
            }
            List<ChainEntry> entries = ledger.entries();
            List<SignedTreeHead> anchors = ledger.heads();
            VerificationResult result = new ChainVerifier(Topology.trustedAnchorKeys(config)).verify(entries, anchors);
            long unarchived = -1;
            if (result.valid() && file == null) {
                // the write-once copies in object storage must agree with the topic
                io.ieim.ledger.AnchorObject.ArchiveCheck check = io.ieim.ledger.AnchorObject.compare(anchors, archivedAnchors(config, chains));
                result = check.result();
                unarchived = check.unarchived();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            if (metricsFile != null) {
                writeMetrics(result.valid(), entries.size(), anchors.size(), unarchived, seconds);
            }
            if (!result.valid()) {
                System.err.println("ieim: ledger verification failed: " + result.reason());
                return Ieim.EXIT_FAILED;
            }
            System.out.printf("ledger verified: %d entries in %d chains, %d anchors (%.1f s, %.0f entries/s)%s%n",
                    entries.size(), entries.stream().map(ChainEntry::chainId).distinct().count(), anchors.size(),
                    seconds, entries.size() / Math.max(seconds, 1e-9),
                    unarchived < 0 ? "" : "; write-once copies agree, " + unarchived + " not archived yet");
            if (!recordedAt.isEmpty()) {
                System.out.println(anchorLag(recordedAt, anchors));
            }
            return 0;
        }

        /**
         * From an event's recorded_at to the signing of the first tree head that covers it: how long
         * until a mail's audit trail can be proven with a receipt.
         */
        static String anchorLag(java.util.Map<String, List<Long>> recordedAt, List<SignedTreeHead> anchors) {
            java.util.Map<String, List<SignedTreeHead>> heads = new java.util.HashMap<>();
            anchors.forEach(a -> heads.computeIfAbsent(a.chainId(), k -> new ArrayList<>()).add(a));
            heads.values().forEach(l -> l.sort(java.util.Comparator.comparingLong(SignedTreeHead::treeSize)));
            List<Long> lags = new ArrayList<>();
            long unanchored = 0;
            for (var chain : recordedAt.entrySet()) {
                List<SignedTreeHead> own = heads.getOrDefault(chain.getKey(), List.of());
                int h = 0;
                for (int seq = 0; seq < chain.getValue().size(); seq++) {
                    while (h < own.size() && own.get(h).treeSize() <= seq) {
                        h++;
                    }
                    if (h == own.size()) {
                        unanchored++;
                    } else {
                        lags.add(Math.max(0, own.get(h).signedAtMillis() - chain.getValue().get(seq)));
                    }
                }
            }
            if (lags.isEmpty()) {
                return "anchor lag: no anchored entries (" + unanchored + " not anchored yet)";
            }
            lags.sort(null);
            return String.format(java.util.Locale.ROOT,
                    "anchor lag (recorded_at to the signing of the covering tree head): median %.1f s, p95 %.1f s, max %.1f s over %d entries; %d not anchored yet",
                    lags.get(lags.size() / 2) / 1000.0, lags.get((int) Math.min(lags.size() - 1, Math.ceil(lags.size() * 0.95) - 1)) / 1000.0,
                    lags.get(lags.size() - 1) / 1000.0, lags.size(), unanchored);
        }

        private static java.util.Map<String, byte[]> archivedAnchors(StackConfig config, String chains) throws java.io.IOException {
            io.ieim.storage.WriteOnceObjects archive = Topology.anchorArchive(config);
            java.util.Map<String, byte[]> objects = new java.util.HashMap<>();
            for (String key : archive.list(io.ieim.ledger.AnchorObject.PREFIX + chains)) {
                objects.put(key, archive.read(key));
            }
            return objects;
        }

        private void writeMetrics(boolean valid, long entries, long anchors, long unarchived, double seconds) throws java.io.IOException {
            long failures = previousFailures() + (valid ? 0 : 1);
            String text = String.join("\n",
                    "# HELP ieim_ledger_verify_failures_total Ledger verifications that failed.",
                    "# TYPE ieim_ledger_verify_failures_total counter",
                    "ieim_ledger_verify_failures_total " + failures,
                    "# HELP ieim_ledger_verify_success 1 if the last verification passed.",
                    "# TYPE ieim_ledger_verify_success gauge",
                    "ieim_ledger_verify_success " + (valid ? 1 : 0),
                    "# HELP ieim_ledger_verify_entries Entries read by the last verification.",
                    "# TYPE ieim_ledger_verify_entries gauge",
                    "ieim_ledger_verify_entries " + entries,
                    "# HELP ieim_ledger_verify_anchors Anchors read by the last verification.",
                    "# TYPE ieim_ledger_verify_anchors gauge",
                    "ieim_ledger_verify_anchors " + anchors,
                    "# HELP ieim_ledger_verify_unarchived_anchors Anchors without a write-once copy yet (-1: not checked).",
                    "# TYPE ieim_ledger_verify_unarchived_anchors gauge",
                    "ieim_ledger_verify_unarchived_anchors " + unarchived,
                    "# HELP ieim_ledger_verify_duration_seconds Duration of the last verification.",
                    "# TYPE ieim_ledger_verify_duration_seconds gauge",
                    "ieim_ledger_verify_duration_seconds " + String.format(java.util.Locale.ROOT, "%.3f", seconds),
                    "# HELP ieim_ledger_verify_last_run_timestamp_seconds When the last verification ended.",
                    "# TYPE ieim_ledger_verify_last_run_timestamp_seconds gauge",
                    "ieim_ledger_verify_last_run_timestamp_seconds " + java.time.Instant.now().getEpochSecond(), "");
            java.nio.file.Path target = metricsFile.toAbsolutePath();
            java.nio.file.Path tmp = java.nio.file.Files.createTempFile(target.getParent(), ".verify", ".tmp");
            java.nio.file.Files.writeString(tmp, text);
            java.nio.file.Files.move(tmp, target, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        }

        private long previousFailures() throws java.io.IOException {
            if (!java.nio.file.Files.exists(metricsFile)) {
                return 0;
            }
            for (String line : java.nio.file.Files.readAllLines(metricsFile)) {
                if (line.startsWith("ieim_ledger_verify_failures_total ")) {
                    try {
                        return Long.parseLong(line.substring(line.indexOf(' ') + 1).strip());
                    } catch (NumberFormatException e) {
                        return 0;
                    }
                }
            }
            return 0;
        }
    }
}
