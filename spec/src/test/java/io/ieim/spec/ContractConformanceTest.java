package io.ieim.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The spec encodes CONTRACT-V1 exactly: every label the contract names exists in the generated enums (the
 * spec may add, never rename or drop), with the contract's meaning where the contract gives one. The contract
 * is read at test time, so a changed contract fails here until the spec follows.
 */
class ContractConformanceTest {

    private static Contract contract;

    @BeforeAll
    static void readContract() {
        Optional<Path> file = TestPaths.contract();
        assumeTrue(file.isPresent(), "CONTRACT-V1.md not found beside the repository (../shared/domain); "
                + "conformance cannot be checked on this checkout");
        contract = Contract.read(file.get());
    }

    @Test
    void everyContractIntentExistsWithItsMeaning() {
        Map<String, String> intents = contract.table(1, "intent");
        assertThat(intents).hasSizeGreaterThanOrEqualTo(13);
        Map<String, Intent> spec = byName(Intent.values());
        assertThat(spec).containsKeys(intents.keySet().toArray(String[]::new));
        intents.forEach((label, meaning) ->
                assertThat(spec.get(label).description()).as("meaning of intent %s", label).contains(meaning));
    }

    @Test
    void everyContractRiskFlagExistsWithItsExplanation() {
        Map<String, String> flags = contract.labelList(1, "Risk flags");
        assertThat(flags).hasSizeGreaterThanOrEqualTo(7);
        Map<String, RiskFlag> spec = byName(RiskFlag.values());
        assertThat(spec).containsKeys(flags.keySet().toArray(String[]::new));
        flags.forEach((label, explanation) ->
                assertThat(spec.get(label).description()).as("meaning of risk flag %s", label).contains(explanation));
    }

    @Test
    void everyContractQueueExists() {
        assertContains(contract.labelList(1, "Queues:").keySet(), Queue.values(), "queue");
    }

    @Test
    void everyContractActionExists() {
        assertContains(contract.labelList(1, "Actions:").keySet(), Action.values(), "action");
    }

    @Test
    void everyContractIdentityStatusExists() {
        assertContains(contract.labelList(1, "Identity status:").keySet(), IdentityStatus.values(), "identity status");
    }

    @Test
    void everyContractLineCodeExistsWithItsLine() {
        Map<String, String> codes = contract.lineCodes();
        assertThat(codes).hasSize(8);
        Map<String, LineCode> spec = byName(LineCode.values());
        codes.forEach((code, line) -> {
            assertThat(spec).as("line code %s", code).containsKey(code);
            assertThat(spec.get(code).description()).as("line of %s", code).isEqualTo(line);
        });
    }

    @Test
    void everyContractPolicyAndClaimStatusExists() {
        assertContains(contract.statuses("policies:"), PolicyStatus.values(), "policy status");
        assertContains(contract.statuses("claims:"), ClaimStatus.values(), "claim status");
    }

    @Test
    void everyContractReferenceKindExists() {
        // the section-2 bullets the reference tests rely on are all present
        assertThat(contract.referenceExamples("Policy number")).isNotEmpty();
        assertThat(contract.referenceExamples("Claim number")).isNotEmpty();
        assertThat(contract.referenceExamples("Customer number")).isNotEmpty();
        assertThat(ReferenceKind.values()).extracting(Enum::name).contains("POLICY", "CLAIM", "CUSTOMER");
    }

    private static void assertContains(java.util.Collection<String> contractLabels, CanonicalLabel[] spec, String what) {
        assertThat(contractLabels).as("contract %s labels", what).isNotEmpty();
        List<String> names = Arrays.stream(spec).map(CanonicalLabel::name).toList();
        assertThat(names).as("spec %s labels", what).containsAll(contractLabels);
    }

    private static <E extends CanonicalLabel> Map<String, E> byName(E[] values) {
        return Arrays.stream(values).collect(Collectors.toMap(CanonicalLabel::name, Function.identity()));
    }
}
