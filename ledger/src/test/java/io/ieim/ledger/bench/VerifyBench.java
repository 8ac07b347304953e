package io.ieim.ledger.bench;

import io.ieim.ledger.ChainEntry;
import io.ieim.ledger.ChainVerifier;
import io.ieim.ledger.Ed25519Keys;
import io.ieim.ledger.LedgerFile;
import io.ieim.ledger.MerkleTree;
import io.ieim.ledger.SignedTreeHead;
import io.ieim.ledger.VerificationResult;

import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Throughput of offline ledger verification ({@link ChainVerifier}, what {@code ieim ledger verify}
 * runs after reading the topics or a file): N entries of about 300 bytes (an audit event's canonical
 * JSON) in 6 chains, a signed tree head every 100 entries per chain. Also parsing the exported
 * ledger file. Median of several rounds after one warm-up round; single thread.
 *
 * <pre>
 * java -cp ledger/target/classes:ledger/target/test-classes io.ieim.ledger.bench.VerifyBench [entries] [rounds]
 * </pre>
 */
public final class VerifyBench {

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        int chains = 6;
        int every = 100;
        KeyPair key = Ed25519Keys.generate();
        List<ChainEntry> entries = new ArrayList<>(n);
        List<SignedTreeHead> heads = new ArrayList<>();
        ChainEntry[] last = new ChainEntry[chains];
        MerkleTree[] trees = new MerkleTree[chains];
        SignedTreeHead[] lastHead = new SignedTreeHead[chains];
        for (int c = 0; c < chains; c++) {
            trees[c] = new MerkleTree();
        }
        for (int i = 0; i < n; i++) {
            int c = i % chains;
            String chain = "bench/audit-" + c;
            byte[] content = ("{\"details\":{\"queue\":\"CLAIMS_INTAKE\",\"rule\":\"R8\"},\"event_id\":\"" + "%064x".formatted(i)
                    + ":1:DECIDED\",\"message_id\":\"" + "%064x".formatted(i) + "\",\"payload_hash\":\"" + "%064x".formatted(~i)
                    + "\",\"recorded_at\":1772438130000,\"stage\":\"DECIDED\"}").getBytes(StandardCharsets.UTF_8);
            last[c] = ChainEntry.next(chain, last[c], content, "audit-" + c + "@" + i / chains);
            entries.add(last[c]);
            trees[c].appendData(last[c].entryHash());
            if (trees[c].size() % every == 0) {
                lastHead[c] = Ed25519Keys.sign(chain, trees[c].size(), trees[c].root(),
                        lastHead[c] == null ? SignedTreeHead.NO_PREVIOUS : lastHead[c].anchorHash(), 1_772_438_130_000L + i, key);
                heads.add(lastHead[c]);
            }
        }
        ChainVerifier verifier = new ChainVerifier(Map.of(Ed25519Keys.keyId(key.getPublic()), key.getPublic()));
        String file = new LedgerFile(entries, heads).write();
        System.out.printf("ledger verification benchmark: %,d entries in %d chains, %,d signed tree heads, file %,d MB, %d rounds (+1 warm-up), Java %s, %d CPUs%n",
                n, chains, heads.size(), file.length() / 1_000_000, rounds, Runtime.version(), Runtime.getRuntime().availableProcessors());
        double[] verify = new double[rounds];
        double[] parseAndVerify = new double[rounds];
        for (int r = -1; r < rounds; r++) {
            long t = System.nanoTime();
            VerificationResult result = verifier.verify(entries, heads);
            double s1 = (System.nanoTime() - t) / 1e9;
            if (!result.valid()) {
                throw new IllegalStateException(result.reason());
            }
            t = System.nanoTime();
            LedgerFile parsed = LedgerFile.parse(file);
            if (!verifier.verify(parsed.entries(), parsed.heads()).valid()) {
                throw new IllegalStateException("parsed ledger does not verify");
            }
            double s2 = (System.nanoTime() - t) / 1e9;
            if (r >= 0) {
                verify[r] = n / s1;
                parseAndVerify[r] = n / s2;
            }
        }
        Arrays.sort(verify);
        Arrays.sort(parseAndVerify);
        System.out.printf("verify (entries and anchors in memory):  median %,.0f entries/s (min %,.0f, max %,.0f)%n",
                verify[rounds / 2], verify[0], verify[rounds - 1]);
        System.out.printf("parse the exported file, then verify:    median %,.0f entries/s (min %,.0f, max %,.0f)%n",
                parseAndVerify[rounds / 2], parseAndVerify[0], parseAndVerify[rounds - 1]);
    }
}
