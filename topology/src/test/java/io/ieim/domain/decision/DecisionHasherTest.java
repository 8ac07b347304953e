package io.ieim.domain.decision;

import io.ieim.domain.classification.Classification;
import io.ieim.domain.identity.IdentityResolution;
import io.ieim.domain.routing.Route;
import io.ieim.spec.Action;
import io.ieim.spec.AuditStage;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;
import io.ieim.spec.TextSource;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DecisionHasherTest {

    private static final String INPUT = Digests.sha256Hex("raw mime".getBytes(StandardCharsets.UTF_8));
    private static final String SNAPSHOT = Digests.sha256Hex("identity records");

    private final DecisionHasher hasher = new DecisionHasher();

    static DecisionHashInput base() {
        return new DecisionHashInput(INPUT, SNAPSHOT, "classification-v1.0.0+routing-v1.0.0",
                ConfigHash.of(Map.of("limits.max_body_bytes", "10485760")),
                Intent.CLAIM_UPDATE, List.of(Intent.CLAIM_UPDATE, Intent.COMPLAINT),
                List.of(RiskFlag.URGENT, RiskFlag.PII_SENSITIVE),
                Queue.COMPLAINTS, Action.ATTACH_TO_CLAIM, IdentityStatus.CONFIRMED,
                "CU-1002345", "KF-20481234", "SC-2026-004512", List.of("KF-99999999", "HR-00000001"),
                false, List.of(), 0.8125, "R5-complaints", 1, null);
    }

    @Test
    void canonicalJsonHasSortedSnakeCaseKeysNoWhitespaceAndExplicitNull() {
        String json = hasher.canonicalJson(base());
        assertThat(json).startsWith("{\"action\":\"ATTACH_TO_CLAIM\",\"claim_id\":\"SC-2026-004512\",\"confidence\":0.8125,\"config_hash\":")
                .contains("\"correction_ref\":null,")
                .contains("\"intents\":[\"CLAIM_UPDATE\",\"COMPLAINT\"]")
                .contains("\"risk_flags\":[\"PII_SENSITIVE\",\"URGENT\"]")
                .contains("\"unmatched_references\":[\"HR-00000001\",\"KF-99999999\"]")
                .contains("\"confidence\":0.8125,")
                .contains("\"needs_review\":false,")
                .contains("\"decision_version\":1,")
                .doesNotContain(" ").doesNotContain("\n");
        List<String> keys = new ArrayList<>();
        var m = java.util.regex.Pattern.compile("\"([a-z_]+)\":").matcher(json);
        while (m.find()) {
            keys.add(m.group(1));
        }
        assertThat(keys).isSorted().hasSize(20);
    }

    @Test
    void hashIsLowercaseHexSha256OfTheCanonicalJson() {
        DecisionHashInput in = base();
        String hash = hasher.hash(in);
        assertThat(hash).matches("[0-9a-f]{64}")
                .isEqualTo(Digests.sha256Hex(hasher.canonicalJson(in).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void sameInputGivesTheSameHash() {
        assertThat(hasher.hash(base())).isEqualTo(hasher.hash(base())).isEqualTo(new DecisionHasher().hash(base()));
    }

    @Test
    void knownAnswer() {
        // pins the hash format: if this changes, every stored decision hash changes (a new decision hash version)
        DecisionHashInput in = new DecisionHashInput("a".repeat(64), null, "v", "c", Intent.SPAM, List.of(Intent.SPAM),
                List.of(), Queue.NO_ACTION, Action.NO_ACTION, IdentityStatus.NOT_FOUND, null, null, null, List.of(),
                false, List.of(), 1.0, "R2-no-action", 1, null);
        String expectedJson = "{\"action\":\"NO_ACTION\",\"claim_id\":null,\"confidence\":1,\"config_hash\":\"c\","
                + "\"correction_ref\":null,\"customer_id\":null,\"decision_version\":1,\"identity_snapshot_digest\":null,"
                + "\"identity_status\":\"NOT_FOUND\",\"input_digest\":\"" + "a".repeat(64) + "\",\"intents\":[\"SPAM\"],"
                + "\"needs_review\":false,\"policy_id\":null,\"primary_intent\":\"SPAM\",\"queue\":\"NO_ACTION\","
                + "\"review_reasons\":[],\"risk_flags\":[],\"rule_fired\":\"R2-no-action\",\"ruleset_version\":\"v\","
                + "\"unmatched_references\":[]}";
        assertThat(hasher.canonicalJson(in)).isEqualTo(expectedJson);
        assertThat(hasher.hash(in)).isEqualTo(Digests.sha256Hex(expectedJson));
    }

    @Test
    void everyOutputChangeChangesTheHash() {
        String original = hasher.hash(base());
        List<UnaryOperator<DecisionHashInput>> changes = List.of(
                d -> with(d, 0, Digests.sha256Hex("other mime")),
                d -> with(d, 1, Digests.sha256Hex("other identity records")),
                d -> with(d, 2, "classification-v1.0.1+routing-v1.0.0"),
                d -> with(d, 3, ConfigHash.of(Map.of("limits.max_body_bytes", "20971520"))),
                d -> with(d, 4, Intent.COMPLAINT),
                d -> with(d, 5, List.of(Intent.CLAIM_UPDATE)),
                d -> with(d, 5, List.of(Intent.CLAIM_UPDATE, Intent.COMPLAINT, Intent.BILLING)),
                d -> with(d, 6, List.of(RiskFlag.URGENT)),
                d -> with(d, 7, Queue.CLAIMS_HANDLING),
                d -> with(d, 8, Action.CREATE_CASE),
                d -> with(d, 9, IdentityStatus.PROBABLE),
                d -> with(d, 10, "CU-1002346"),
                d -> with(d, 11, null),
                d -> with(d, 12, "SC-2026-004513"),
                d -> with(d, 13, List.of("KF-99999999")),
                d -> with(d, 14, true),
                d -> with(d, 15, List.of(ReviewReason.LOW_CONFIDENCE)),
                d -> with(d, 16, 0.8126),
                d -> with(d, 17, "R8-intent-queue"),
                d -> with(d, 18, 2),
                d -> with(d, 19, "review-action-42"));
        List<String> hashes = new ArrayList<>();
        for (UnaryOperator<DecisionHashInput> change : changes) {
            String hash = hasher.hash(change.apply(base()));
            assertThat(hash).isNotEqualTo(original);
            hashes.add(hash);
        }
        assertThat(hashes).doesNotHaveDuplicates();
    }

    @Test
    void orderOfSetsDoesNotMatterButIntentOrderDoes() {
        DecisionHashInput shuffled = with(with(with(base(),
                6, List.of(RiskFlag.PII_SENSITIVE, RiskFlag.URGENT, RiskFlag.URGENT)),
                13, List.of("HR-00000001", "KF-99999999", "HR-00000001")),
                15, List.of());
        assertThat(hasher.hash(shuffled)).isEqualTo(hasher.hash(base()));

        DecisionHashInput a = with(with(base(), 14, true), 15, List.of(ReviewReason.LOW_CONFIDENCE, ReviewReason.IDENTITY_AMBIGUOUS));
        DecisionHashInput b = with(with(base(), 14, true), 15, List.of(ReviewReason.IDENTITY_AMBIGUOUS, ReviewReason.LOW_CONFIDENCE));
        assertThat(hasher.hash(a)).isEqualTo(hasher.hash(b));
        assertThat(a.reviewReasons()).containsExactly(ReviewReason.IDENTITY_AMBIGUOUS, ReviewReason.LOW_CONFIDENCE);

        // intents are ranked (primary first, then by score): their order is part of the output
        DecisionHashInput reordered = with(base(), 5, List.of(Intent.COMPLAINT, Intent.CLAIM_UPDATE));
        assertThat(hasher.hash(reordered)).isNotEqualTo(hasher.hash(base()));
    }

    @Test
    void enumSetsAreSortedByNameNotByDeclarationOrder() {
        // declaration order: LEGAL_THREAT, ..., URGENT, MALWARE_SUSPECT; by name MALWARE_SUSPECT < URGENT
        DecisionHashInput in = with(base(), 6, List.of(RiskFlag.URGENT, RiskFlag.MALWARE_SUSPECT, RiskFlag.LEGAL_THREAT));
        assertThat(in.riskFlags()).containsExactly(RiskFlag.LEGAL_THREAT, RiskFlag.MALWARE_SUSPECT, RiskFlag.URGENT);
    }

    @Test
    void numbersAreWrittenTheRfc8785Way() {
        assertThat(hasher.canonicalJson(with(base(), 16, 1.0))).contains("\"confidence\":1,");
        assertThat(hasher.canonicalJson(with(base(), 16, 0.0))).contains("\"confidence\":0,");
        assertThat(hasher.canonicalJson(with(base(), 16, 0.5))).contains("\"confidence\":0.5,");
        assertThat(hasher.canonicalJson(with(base(), 16, 1e-7))).contains("\"confidence\":1e-7,");
        assertThat(hasher.canonicalJson(with(base(), 16, 0.1 + 0.2))).contains("\"confidence\":0.30000000000000004,");
        // 1.0 and 1 are the same number, hence the same hash
        assertThat(hasher.hash(with(base(), 16, 1.0))).isEqualTo(hasher.hash(with(base(), 16, 1)));

        Map<String, Object> numbers = new LinkedHashMap<>();
        numbers.put("big", 1e21);
        numbers.put("below", 1e20);
        numbers.put("int", 100L);
        numbers.put("neg", -0.0);
        numbers.put("small", 0.000001);
        numbers.put("tiny", 5e-324);
        assertThat(CanonicalJson.canonicalize(numbers))
                .isEqualTo("{\"below\":100000000000000000000,\"big\":1e+21,\"int\":100,\"neg\":0,\"small\":0.000001,\"tiny\":5e-324}");
    }

    @Test
    void stringsUseOnlyTheMandatoryEscapes() {
        String text = "Müller € \u0001 \" \\ / \n\t \uD83D\uDE00 \u2028";
        DecisionHashInput in = with(base(), 10, text);
        assertThat(hasher.canonicalJson(in))
                .contains("\"customer_id\":\"Müller € \\u0001 \\\" \\\\ / \\n\\t \uD83D\uDE00 \u2028\"");
        // Jackson escaping non-ASCII or not makes no difference to the canonical form
        assertThat(CanonicalJson.canonicalizeJson("{\"k\":\"M\\u00fcller \\u20ac\"}")).isEqualTo("{\"k\":\"Müller €\"}");
    }

    @Test
    void keysAreSortedByUtf16CodeUnits() {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put("\u20ac", "euro");
        map.put("\r", "cr");
        map.put("1", "one");
        map.put("\uD83D\uDE00", "emoji"); // surrogate pair D83D sorts below U+FB33
        map.put("\uFB33", "hebrew");
        map.put("\u0080", "ctrl");
        map.put("\u00f6", "o-umlaut");
        assertThat(CanonicalJson.canonicalize(map))
                .isEqualTo("{\"\\r\":\"cr\",\"1\":\"one\",\"\u0080\":\"ctrl\",\"\u00f6\":\"o-umlaut\",\"\u20ac\":\"euro\","
                        + "\"\uD83D\uDE00\":\"emoji\",\"\uFB33\":\"hebrew\"}");
    }

    @Test
    void rejectsValuesThatHaveNoCanonicalForm() {
        assertThatThrownBy(() -> with(base(), 16, Double.NaN)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with(base(), 16, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> with(base(), 18, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void builtFromTheStageOutputs() {
        Classification c = new Classification(Intent.CLAIM_UPDATE, List.of(Intent.CLAIM_UPDATE, Intent.COMPLAINT),
                List.of(RiskFlag.PII_SENSITIVE, RiskFlag.URGENT), 0.8125, false, false,
                List.of(new Evidence(AuditStage.CLASSIFIED, "intent.claim_update.de.sachstand", TextSource.SUBJECT, 0, 9, "Sachstand")));
        IdentityResolution id = new IdentityResolution(IdentityStatus.CONFIRMED, "CU-1002345", "KF-20481234",
                "SC-2026-004512", List.of("KF-99999999", "HR-00000001"), List.of(), "claim-reference", SNAPSHOT);
        Route r = new Route(Queue.COMPLAINTS, Action.ATTACH_TO_CLAIM, false, List.of(), "R5-complaints");
        DecisionHashInput in = DecisionHashInput.of(INPUT, "classification-v1.0.0+routing-v1.0.0",
                ConfigHash.of(Map.of("limits.max_body_bytes", "10485760")), c, id, r, 1, null);
        assertThat(in).isEqualTo(base());
        // evidence is not part of the hash: excerpts are redacted differently per configuration, the outputs are not
        assertThat(hasher.canonicalJson(in)).doesNotContain("Sachstand");
    }

    @Test
    void rulesetVersionJoinsTheVersionsOfBothRulesets() {
        assertThat(DecisionHashInput.joinRulesetVersions("classification-v1.0.0", "routing-v1.0.0"))
                .isEqualTo("classification-v1.0.0+routing-v1.0.0");
        assertThatThrownBy(() -> DecisionHashInput.joinRulesetVersions()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DecisionHashInput.joinRulesetVersions("a+b")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void configHashIgnoresMapOrderAndSeesEveryValue() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("b", "2");
        a.put("a", "1");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("a", "1");
        b.put("b", "2");
        assertThat(ConfigHash.of(a)).isEqualTo(ConfigHash.of(b))
                .isEqualTo(Digests.sha256Hex("{\"a\":\"1\",\"b\":\"2\"}"))
                .isNotEqualTo(ConfigHash.of(Map.of("a", "1", "b", "3")))
                .isNotEqualTo(ConfigHash.of(Map.of("a", "1")));
        assertThat(ConfigHash.of(Map.of())).isEqualTo(Digests.sha256Hex("{}"));
    }

    @Test
    void digestsAreLowercaseHexSha256() {
        assertThat(Digests.sha256Hex(new byte[0]))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(Digests.sha256Hex("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }

    /** A copy of the input with component {@code index} replaced. */
    @SuppressWarnings("unchecked")
    static DecisionHashInput with(DecisionHashInput d, int index, Object value) {
        Object[] v = {d.inputDigest(), d.identitySnapshotDigest(), d.rulesetVersion(), d.configHash(), d.primaryIntent(),
                d.intents(), d.riskFlags(), d.queue(), d.action(), d.identityStatus(), d.customerId(), d.policyId(),
                d.claimId(), d.unmatchedReferences(), d.needsReview(), d.reviewReasons(), d.confidence(), d.ruleFired(),
                d.decisionVersion(), d.correctionRef()};
        v[index] = value instanceof Integer i && index == 16 ? i.doubleValue() : value;
        return new DecisionHashInput((String) v[0], (String) v[1], (String) v[2], (String) v[3], (Intent) v[4],
                (List<Intent>) v[5], (List<RiskFlag>) v[6], (Queue) v[7], (Action) v[8], (IdentityStatus) v[9],
                (String) v[10], (String) v[11], (String) v[12], (List<String>) v[13], (boolean) v[14],
                (List<ReviewReason>) v[15], (double) v[16], (String) v[17], (int) v[18], (String) v[19]);
    }
}
