package io.ieim.cli;

import io.ieim.ledger.Ed25519Keys;
import io.ieim.ledger.MerkleHash;
import io.ieim.ledger.SignedTreeHead;
import org.junit.jupiter.api.Test;

import java.security.KeyPair;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AnchorLagTest {

    private static final KeyPair KEY = Ed25519Keys.generate();

    private static SignedTreeHead head(long size, long signedAt) {
        return Ed25519Keys.sign("c/audit-0", size, MerkleHash.leafHash(new byte[] {(byte) size}), SignedTreeHead.NO_PREVIOUS, signedAt, KEY);
    }

    @Test
    void eachEntryCountsFromItsRecordedTimeToTheFirstHeadThatCoversIt() {
        // entries recorded at 0, 1, 2, 3, 4 s; heads at size 2 (signed 2 s) and 4 (signed 10 s); entry 4 unanchored
        Map<String, List<Long>> recorded = Map.of("c/audit-0", List.of(0L, 1000L, 2000L, 3000L, 4000L));
        String line = LedgerCommand.Verify.anchorLag(recorded, List.of(head(4, 10_000), head(2, 2_000)));
        // lags: 2, 1, 8, 7 s -> sorted 1, 2, 7, 8: median (index 2) 7 s, p95 8 s, max 8 s
        assertThat(line).isEqualTo("anchor lag (recorded_at to the signing of the covering tree head): median 7.0 s, p95 8.0 s,"
                + " max 8.0 s over 4 entries; 1 not anchored yet");
        assertThat(LedgerCommand.Verify.anchorLag(recorded, List.of())).isEqualTo("anchor lag: no anchored entries (5 not anchored yet)");
    }
}
