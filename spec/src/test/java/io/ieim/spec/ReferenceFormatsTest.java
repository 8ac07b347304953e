package io.ieim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.ieim.spec.ReferenceFormats.ReferenceMatch;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferenceFormatsTest {

    /** Every variant written in contract §2 is found and canonicalized to the bullet's canonical example. */
    @ParameterizedTest
    @CsvSource({"Policy number, POLICY", "Claim number, CLAIM", "Customer number, CUSTOMER"})
    void everyContractVariantCanonicalizes(String bullet, ReferenceKind kind) {
        Optional<Path> file = TestPaths.contract();
        assumeTrue(file.isPresent(), "CONTRACT-V1.md not found beside the repository");
        List<String> examples = Contract.read(file.get()).referenceExamples(bullet);
        String canonical = examples.getFirst();
        assertThat(kind.isCanonical(canonical)).as("%s is canonical for %s", canonical, kind).isTrue();
        for (String written : examples) {
            List<ReferenceMatch> found = ReferenceFormats.findAll(written);
            assertThat(found).as("references in '%s'", written).hasSize(1);
            assertThat(found.getFirst().kind()).isEqualTo(kind);
            assertThat(found.getFirst().canonical()).as("canonical form of '%s'", written).isEqualTo(canonical);
            assertThat(ReferenceFormats.canonicalize(kind, written)).contains(canonical);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '=', value = {
            "KF 2048 1234 = KF-20481234",
            "kf-20481234 = KF-20481234",
            "policy no. KF 20481234 = KF-20481234",
            "Vertragsnummer: RS-2048-1234 = RS-20481234",
            "SC2026004512 = SC-2026-004512",
            "sc 2026 004512 = SC-2026-004512",
            "Schaden-Nr. SC-2026-004512 = SC-2026-004512",
            "Kundennummer 1002345 = CU-1002345",
            "Kunden-Nr.: 1002345 = CU-1002345",
            "Customer ID #1002345 = CU-1002345",
            "cu1002345 = CU-1002345"})
    void writtenVariantsCanonicalize(String written, String canonical) {
        List<ReferenceMatch> found = ReferenceFormats.findAll(written);
        assertThat(found).extracting(ReferenceMatch::canonical).containsExactly(canonical);
        assertThat(found.getFirst().kind().isCanonical(canonical)).isTrue();
    }

    /** Near misses: wrong line code or prefix, wrong digit count, implausible year, bare numbers. */
    @ParameterizedTest
    @ValueSource(strings = {
            "XX-20481234", "KZ-20481234", "KF-2048123", "KF-204812345", "KF 2048 12345", "KF--20481234",
            "AKF-20481234", "KF_20481234",
            "SC-2026-04512", "SC-2026-0045123", "SX-2026-004512", "SC-26-004512", "SC-3026-004512",
            "CU-100234", "CU-10023456", "CX-1002345", "Kundennummer 100234", "Kundennummer 10023456",
            "20481234", "2026004512", "1002345", "Telefon 1002345"})
    void nearMissesAreRejected(String written) {
        assertThat(ReferenceFormats.findAll(written)).as("references in '%s'", written).isEmpty();
    }

    @Test
    void findsEveryReferenceOfAMailInOrder() {
        String text = "Betreff: Schaden SC 2026 004512 zu Vertrag kf 2048 1234, Kundennummer 1002345";
        List<ReferenceMatch> found = ReferenceFormats.findAll(text);
        assertThat(found).extracting(ReferenceMatch::kind)
                .containsExactly(ReferenceKind.CLAIM, ReferenceKind.POLICY, ReferenceKind.CUSTOMER);
        assertThat(found).extracting(ReferenceMatch::canonical)
                .containsExactly("SC-2026-004512", "KF-20481234", "CU-1002345");
        ReferenceMatch claim = found.getFirst();
        assertThat(text.substring(claim.start(), claim.end())).isEqualTo("SC 2026 004512");
        assertThat(found.get(2).patternId()).isEqualTo("CUSTOMER_NUMBER_KEYWORD");
    }

    @Test
    void overlappingFindsOfTheSameReferenceAreReportedOnce() {
        List<ReferencePattern> twice = List.of(ReferencePatterns.CUSTOMER_NUMBER,
                new ReferencePattern("CU_AGAIN", ReferenceKind.CUSTOMER, "CU-(?<digits>\\d{7})", "CU-{digits}", List.of()));
        assertThat(ReferenceFormats.findAll("see CU-1002345 and CU 7654321", twice))
                .extracting(ReferenceMatch::canonical).containsExactly("CU-1002345", "CU-7654321");
    }

    @Test
    void canonicalizeOfAnotherKindIsEmpty() {
        assertThat(ReferenceFormats.canonicalize(ReferenceKind.CLAIM, "KF-20481234")).isEmpty();
        assertThat(ReferenceFormats.canonicalize(ReferenceKind.POLICY, "no reference here")).isEmpty();
    }

    @Test
    void everySpecExampleCanonicalizesToItsKind() {
        for (ReferencePattern p : ReferencePatterns.ALL) {
            assertThat(p.examples()).as("examples of %s", p.id()).isNotEmpty();
            for (String example : p.examples()) {
                assertThat(ReferenceFormats.canonicalize(p.kind(), example))
                        .as("%s example '%s'", p.id(), example)
                        .hasValueSatisfying(c -> assertThat(p.kind().isCanonical(c)).isTrue());
            }
        }
        for (ReferenceKind kind : ReferenceKind.values()) {
            assertThat(kind.isCanonical(kind.example())).isTrue();
            assertThat(ReferenceFormats.canonicalize(kind, kind.example())).contains(kind.example());
        }
    }

    @Test
    void policyPatternCoversEveryLineCode() {
        for (LineCode code : LineCode.values()) {
            assertThat(ReferenceFormats.canonicalize(ReferenceKind.POLICY, code.name().toLowerCase() + " 1234 5678"))
                    .contains(code.name() + "-12345678");
        }
    }
}
