package io.ieim.ledger.bench;

import io.ieim.ledger.MerkleHash;
import io.ieim.ledger.MerkleProofs;
import io.ieim.ledger.MerkleTree;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * Throughput of the Merkle tree with the in-memory node store: appends, proof generation and proof
 * verification, for a tree of a million leaves (or the count given as the first argument). Each
 * figure is the median of several rounds after one warm-up round; single thread.
 *
 * <pre>
 * java -cp ledger/target/classes:ledger/target/test-classes io.ieim.ledger.bench.MerkleBench [leaves] [rounds]
 * </pre>
 */
public final class MerkleBench {

    private static final int PROOFS = 100_000;

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        System.out.printf("Merkle tree benchmark: %,d leaves, %d rounds (+1 warm-up), %,d proofs per round, "
                + "Java %s, %d CPUs%n", n, rounds, PROOFS, Runtime.version(), Runtime.getRuntime().availableProcessors());

        byte[][] data = new byte[n][];
        byte[][] leafHashes = new byte[n][];
        for (int i = 0; i < n; i++) {
            data[i] = ByteBuffer.allocate(64).putLong(i).putLong(~i).array(); // a 64-byte entry
            leafHashes[i] = MerkleHash.leafHash(data[i]);
        }

        double[] append = new double[rounds];
        double[] appendData = new double[rounds];
        double[] proveIncl = new double[rounds];
        double[] verifyIncl = new double[rounds];
        double[] proveCons = new double[rounds];
        double[] verifyCons = new double[rounds];
        MerkleTree tree = null;
        for (int r = -1; r < rounds; r++) {
            // appends of ready leaf hashes
            MerkleTree t = new MerkleTree();
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                t.append(leafHashes[i]);
            }
            double a = rate(n, start);
            // appends of entries, leaf hashing included
            MerkleTree t2 = new MerkleTree();
            start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                t2.appendData(data[i]);
            }
            double ad = rate(n, start);
            if (!Arrays.equals(t.root(), t2.root())) {
                throw new AssertionError("roots differ");
            }
            tree = t;
            byte[] root = tree.root();

            Random random = new Random(42 + r);
            long[] indices = new long[PROOFS];
            List<List<byte[]>> proofs = new ArrayList<>(PROOFS);
            start = System.nanoTime();
            for (int k = 0; k < PROOFS; k++) {
                indices[k] = random.nextInt(n);
                proofs.add(tree.inclusionProof(indices[k], n));
            }
            double pi = rate(PROOFS, start);
            start = System.nanoTime();
            for (int k = 0; k < PROOFS; k++) {
                long i = indices[k];
                if (!MerkleProofs.verifyInclusion(i, n, leafHashes[(int) i], proofs.get(k), root).valid()) {
                    throw new AssertionError("inclusion proof of " + i + " failed");
                }
            }
            double vi = rate(PROOFS, start);

            long[] sizes = new long[PROOFS];
            byte[][] oldRoots = new byte[PROOFS][];
            proofs.clear();
            for (int k = 0; k < PROOFS; k++) { // old roots are the verifier's input: not timed
                sizes[k] = 1 + random.nextInt(n);
                oldRoots[k] = tree.root(sizes[k]);
            }
            start = System.nanoTime();
            for (int k = 0; k < PROOFS; k++) {
                proofs.add(tree.consistencyProof(sizes[k], n));
            }
            double pc = rate(PROOFS, start);
            start = System.nanoTime();
            for (int k = 0; k < PROOFS; k++) {
                if (!MerkleProofs.verifyConsistency(sizes[k], n, oldRoots[k], root, proofs.get(k)).valid()) {
                    throw new AssertionError("consistency proof from " + sizes[k] + " failed");
                }
            }
            double vc = rate(PROOFS, start);
            if (r >= 0) {
                append[r] = a;
                appendData[r] = ad;
                proveIncl[r] = pi;
                verifyIncl[r] = vi;
                proveCons[r] = pc;
                verifyCons[r] = vc;
            }
            System.out.printf("  round %s: append %,.0f/s, appendData %,.0f/s, inclusion prove %,.0f/s verify %,.0f/s, "
                    + "consistency prove %,.0f/s verify %,.0f/s%n", r < 0 ? "warm-up" : String.valueOf(r + 1),
                    a, ad, pi, vi, pc, vc);
        }
        System.out.printf("median of %d rounds at %,d leaves:%n", rounds, n);
        System.out.printf("  appends (leaf hash given)      %,12.0f /s%n", median(append));
        System.out.printf("  appends (entry, hashed)        %,12.0f /s%n", median(appendData));
        System.out.printf("  inclusion proofs built         %,12.0f /s%n", median(proveIncl));
        System.out.printf("  inclusion proofs verified      %,12.0f /s%n", median(verifyIncl));
        System.out.printf("  consistency proofs built      %,12.0f /s%n", median(proveCons));
        System.out.printf("  consistency proofs verified    %,12.0f /s%n", median(verifyCons));
        System.out.printf("  root %s%n", MerkleHash.toHex(tree.root()));
    }

    private static double rate(long count, long startNanos) {
        return count / ((System.nanoTime() - startNanos) / 1e9);
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
