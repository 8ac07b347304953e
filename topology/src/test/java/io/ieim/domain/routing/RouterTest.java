package io.ieim.domain.routing;

import io.ieim.domain.TestFiles;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Contract §5 through the real ruleset spec/rules/routing-v1.yaml: every rule, every rule-8 intent, each action branch, precedence. */
class RouterTest {

    private static Router router;

    @BeforeAll
    static void load() {
        router = new Router(RoutingRuleset.load(TestFiles.rules("routing-v1.yaml")));
    }

    @Test
    void everyRuleIsCoveredByTheTable() {
        Set<String> fired = new TreeSet<>();
        TABLE.lines().filter(l -> !l.isBlank() && !l.strip().startsWith("#"))
                .forEach(l -> fired.add(l.substring(l.lastIndexOf('|') + 1).strip()));
        assertThat(fired).containsExactlyInAnyOrderElementsOf(router.ruleset().ruleIds());
    }

    static final String TABLE = """
            # rule 1
            unparseable mail                            | true  | GENERAL_INQUIRY  | -                    | -                         | NOT_FOUND | false | true  | false | SECURITY_QUARANTINE   | QUARANTINE      | true  | QUARANTINED                                    | R1-quarantine
            malware on a confirmed new claim            | false | CLAIM_NEW        | -                    | MALWARE_SUSPECT           | CONFIRMED | true  | false | false | SECURITY_QUARANTINE   | QUARANTINE      | true  | QUARANTINED                                    | R1-quarantine
            malware beats spam (rule 1 before 2)        | false | SPAM             | -                    | MALWARE_SUSPECT           | NOT_FOUND | false | false | false | SECURITY_QUARANTINE   | QUARANTINE      | true  | QUARANTINED                                    | R1-quarantine
            malware beats legal (rule 1 before 3)       | false | LEGAL            | -                    | MALWARE_SUSPECT URGENT    | AMBIGUOUS | false | true  | false | SECURITY_QUARANTINE   | QUARANTINE      | true  | QUARANTINED                                    | R1-quarantine
            # rule 2
            auto reply                                  | false | AUTO_REPLY       | -                    | -                         | NOT_FOUND | false | false | false | NO_ACTION             | NO_ACTION       | false | -                                              | R2-no-action
            spam primary with legal secondary           | false | SPAM             | LEGAL                | LEGAL_THREAT              | NOT_FOUND | false | false | false | NO_ACTION             | NO_ACTION       | false | -                                              | R2-no-action
            spam beats ambiguous and low confidence     | false | SPAM             | COMPLAINT            | REGULATOR_ESCALATION      | AMBIGUOUS | false | true  | true  | NO_ACTION             | NO_ACTION       | false | -                                              | R2-no-action
            auto reply with privacy secondary           | false | AUTO_REPLY       | PRIVACY_REQUEST      | -                         | CONFIRMED | false | false | false | NO_ACTION             | NO_ACTION       | false | -                                              | R2-no-action
            # rule 3
            legal primary, not found                    | false | LEGAL            | -                    | -                         | NOT_FOUND | false | false | false | LEGAL                 | CREATE_CASE     | true  | LEGAL_MATTER                                   | R3-legal
            legal threat flag on a confirmed claim      | false | CLAIM_UPDATE     | -                    | LEGAL_THREAT              | CONFIRMED | true  | false | false | LEGAL                 | ATTACH_TO_CLAIM | true  | LEGAL_MATTER                                   | R3-legal
            legal secondary, billing without contract   | false | BILLING          | LEGAL                | -                         | NOT_FOUND | false | false | false | LEGAL                 | REQUEST_INFO    | true  | CONTRACT_UNKNOWN LEGAL_MATTER                  | R3-legal
            legal with ambiguous identity               | false | LEGAL            | -                    | -                         | AMBIGUOUS | false | false | false | LEGAL                 | CREATE_CASE     | true  | LEGAL_MATTER                                   | R3-legal
            legal beats privacy (rule 3 before 4)       | false | PRIVACY_REQUEST  | LEGAL                | -                         | PROBABLE  | false | false | false | LEGAL                 | CREATE_CASE     | true  | LEGAL_MATTER                                   | R3-legal
            legal threat beats complaint and regulator  | false | COMPLAINT        | -                    | LEGAL_THREAT REGULATOR_ESCALATION | CONFIRMED | false | false | false | LEGAL         | CREATE_CASE     | true  | LEGAL_MATTER                                   | R3-legal
            legal beats low confidence and conflict     | false | CANCELLATION     | QUOTE_REQUEST LEGAL  | -                         | CONFIRMED | false | true  | true  | LEGAL                 | CREATE_CASE     | true  | LEGAL_MATTER                                   | R3-legal
            # rule 4
            privacy primary, not found                  | false | PRIVACY_REQUEST  | -                    | -                         | NOT_FOUND | false | false | false | PRIVACY               | CREATE_CASE     | true  | PRIVACY_MATTER                                 | R4-privacy
            privacy secondary, change without contract  | false | POLICY_CHANGE    | PRIVACY_REQUEST      | -                         | NOT_FOUND | false | false | false | PRIVACY               | REQUEST_INFO    | true  | CONTRACT_UNKNOWN PRIVACY_MATTER                | R4-privacy
            privacy beats complaint (rule 4 before 5)   | false | COMPLAINT        | PRIVACY_REQUEST      | REGULATOR_ESCALATION      | CONFIRMED | false | false | false | PRIVACY               | CREATE_CASE     | true  | PRIVACY_MATTER                                 | R4-privacy
            privacy with ambiguous identity             | false | PRIVACY_REQUEST  | -                    | -                         | AMBIGUOUS | false | false | false | PRIVACY               | CREATE_CASE     | true  | PRIVACY_MATTER                                 | R4-privacy
            # rule 5
            complaint primary                           | false | COMPLAINT        | -                    | -                         | PROBABLE  | false | false | false | COMPLAINTS            | CREATE_CASE     | false | -                                              | R5-complaints
            complaint with ambiguous identity           | false | COMPLAINT        | -                    | -                         | AMBIGUOUS | false | false | false | COMPLAINTS            | CREATE_CASE     | false | -                                              | R5-complaints
            regulator flag on a confirmed claim update  | false | CLAIM_UPDATE     | -                    | REGULATOR_ESCALATION      | CONFIRMED | true  | false | false | COMPLAINTS            | ATTACH_TO_CLAIM | false | -                                              | R5-complaints
            complaint secondary, cancellation unknown   | false | CANCELLATION     | COMPLAINT            | -                         | NOT_FOUND | false | false | false | COMPLAINTS            | REQUEST_INFO    | true  | CONTRACT_UNKNOWN                               | R5-complaints
            complaint beats low confidence and conflict | false | CLAIM_NEW        | CANCELLATION COMPLAINT | URGENT                  | CONFIRMED | false | true  | true  | COMPLAINTS            | CREATE_CASE     | false | -                                              | R5-complaints
            # rule 6
            ambiguous new claim                         | false | CLAIM_NEW        | -                    | -                         | AMBIGUOUS | false | false | false | REVIEW_IDENTITY       | REVIEW          | true  | IDENTITY_AMBIGUOUS                             | R6-review-identity
            ambiguous and low confidence                | false | GENERAL_INQUIRY  | -                    | -                         | AMBIGUOUS | false | true  | false | REVIEW_IDENTITY       | REVIEW          | true  | IDENTITY_AMBIGUOUS LOW_CONFIDENCE              | R6-review-identity
            ambiguous, conflict and low confidence      | false | CANCELLATION     | CLAIM_NEW            | -                         | AMBIGUOUS | false | true  | true  | REVIEW_IDENTITY       | REVIEW          | true  | IDENTITY_AMBIGUOUS INTENT_CONFLICT LOW_CONFIDENCE | R6-review-identity
            ambiguous claim update with a claim         | false | CLAIM_UPDATE     | -                    | URGENT                    | AMBIGUOUS | true  | false | false | REVIEW_IDENTITY       | REVIEW          | true  | IDENTITY_AMBIGUOUS                             | R6-review-identity
            # rule 7
            low confidence                              | false | CLAIM_NEW        | -                    | -                         | CONFIRMED | false | true  | false | REVIEW_CLASSIFICATION | REVIEW          | true  | LOW_CONFIDENCE                                 | R7-review-classification
            conflict                                    | false | CANCELLATION     | QUOTE_REQUEST        | -                         | CONFIRMED | false | false | true  | REVIEW_CLASSIFICATION | REVIEW          | true  | INTENT_CONFLICT                                | R7-review-classification
            conflict and low confidence, not found      | false | CLAIM_NEW        | CANCELLATION         | -                         | NOT_FOUND | false | true  | true  | REVIEW_CLASSIFICATION | REVIEW          | true  | INTENT_CONFLICT LOW_CONFIDENCE                 | R7-review-classification
            no signal: general inquiry, low confidence  | false | GENERAL_INQUIRY  | -                    | -                         | NOT_FOUND | false | true  | false | REVIEW_CLASSIFICATION | REVIEW          | true  | LOW_CONFIDENCE                                 | R7-review-classification
            # rule 8, every intent and action branch
            new claim, not found                        | false | CLAIM_NEW        | -                    | -                         | NOT_FOUND | false | false | false | CLAIMS_INTAKE         | CREATE_CASE     | false | -                                              | R8-intent-queue
            new claim with a claim: still a case        | false | CLAIM_NEW        | -                    | URGENT PII_SENSITIVE      | CONFIRMED | true  | false | false | CLAIMS_INTAKE         | CREATE_CASE     | false | -                                              | R8-intent-queue
            claim update with a confirmed claim         | false | CLAIM_UPDATE     | -                    | -                         | CONFIRMED | true  | false | false | CLAIMS_HANDLING       | ATTACH_TO_CLAIM | false | -                                              | R8-intent-queue
            claim update, policy confirmed, no claim    | false | CLAIM_UPDATE     | -                    | -                         | CONFIRMED | false | false | false | CLAIMS_HANDLING       | CREATE_CASE     | false | -                                              | R8-intent-queue
            claim update, probable sender               | false | CLAIM_UPDATE     | -                    | -                         | PROBABLE  | false | false | false | CLAIMS_HANDLING       | CREATE_CASE     | false | -                                              | R8-intent-queue
            claim update, not found                     | false | CLAIM_UPDATE     | -                    | -                         | NOT_FOUND | false | false | false | CLAIMS_HANDLING       | REQUEST_INFO    | true  | CONTRACT_UNKNOWN                               | R8-intent-queue
            policy change, confirmed                    | false | POLICY_CHANGE    | -                    | -                         | CONFIRMED | false | false | false | POLICY_SERVICE        | CREATE_CASE     | false | -                                              | R8-intent-queue
            policy change, not found                    | false | POLICY_CHANGE    | -                    | -                         | NOT_FOUND | false | false | false | POLICY_SERVICE        | REQUEST_INFO    | true  | CONTRACT_UNKNOWN                               | R8-intent-queue
            document request, probable                  | false | DOCUMENT_REQUEST | -                    | -                         | PROBABLE  | false | false | false | POLICY_SERVICE        | CREATE_CASE     | false | -                                              | R8-intent-queue
            document request, not found                 | false | DOCUMENT_REQUEST | -                    | -                         | NOT_FOUND | false | false | false | POLICY_SERVICE        | REQUEST_INFO    | true  | CONTRACT_UNKNOWN                               | R8-intent-queue
            cancellation, confirmed                     | false | CANCELLATION     | -                    | -                         | CONFIRMED | false | false | false | CANCELLATIONS         | CREATE_CASE     | false | -                                              | R8-intent-queue
            cancellation, not found                     | false | CANCELLATION     | -                    | -                         | NOT_FOUND | false | false | false | CANCELLATIONS         | REQUEST_INFO    | true  | CONTRACT_UNKNOWN                               | R8-intent-queue
            billing, probable                           | false | BILLING          | -                    | -                         | PROBABLE  | false | false | false | BILLING               | CREATE_CASE     | false | -                                              | R8-intent-queue
            billing, not found                          | false | BILLING          | -                    | -                         | NOT_FOUND | false | false | false | BILLING               | REQUEST_INFO    | true  | CONTRACT_UNKNOWN                               | R8-intent-queue
            quote request, not found: no contract needed| false | QUOTE_REQUEST    | -                    | -                         | NOT_FOUND | false | false | false | SALES                 | CREATE_CASE     | false | -                                              | R8-intent-queue
            general inquiry, not found                  | false | GENERAL_INQUIRY  | -                    | -                         | NOT_FOUND | false | false | false | GENERAL               | CREATE_CASE     | false | -                                              | R8-intent-queue
            action by primary, not by secondary intent  | false | QUOTE_REQUEST    | CLAIM_UPDATE         | -                         | NOT_FOUND | true  | false | false | SALES                 | CREATE_CASE     | false | -                                              | R8-intent-queue
            secondary auto reply does not stop a claim  | false | CLAIM_NEW        | AUTO_REPLY SPAM      | VULNERABLE_CUSTOMER FRAUD_INDICATOR | PROBABLE | false | false | false | CLAIMS_INTAKE | CREATE_CASE     | false | -                                              | R8-intent-queue
            """;

    // columns: case | parse failed | primary | other intents | flags | identity | claim confirmed | below threshold | conflict
    //          || queue | action | needs review | review reasons | rule fired
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = TABLE)
    void routesPerContract(String name, boolean parseFailed, Intent primary, String otherIntents, String flags,
                           IdentityStatus identity, boolean claimConfirmed, boolean belowThreshold, boolean conflict,
                           Queue queue, Action action, boolean needsReview, String reasons, String ruleFired) {
        List<Intent> intents = new ArrayList<>();
        intents.add(primary);
        labels(otherIntents, Intent.class).forEach(intents::add);
        RoutingInput in = new RoutingInput(parseFailed, primary, intents, Set.copyOf(labels(flags, RiskFlag.class)),
                identity, claimConfirmed, belowThreshold, conflict);

        Route route = router.route(in);

        assertThat(route).isEqualTo(new Route(queue, action, needsReview, labels(reasons, ReviewReason.class), ruleFired));
    }

    @Test
    void needsReviewExactlyForReviewActionsAndLegalOrPrivacy() {
        // every combination of the inputs that matter: needs_review follows action and queue, never anything else
        for (Intent primary : Intent.values()) {
            for (IdentityStatus identity : IdentityStatus.values()) {
                for (int bits = 0; bits < 32; bits++) {
                    Set<RiskFlag> flags = EnumSet.noneOf(RiskFlag.class);
                    if ((bits & 1) != 0) {
                        flags.add(RiskFlag.LEGAL_THREAT);
                    }
                    if ((bits & 2) != 0) {
                        flags.add(RiskFlag.REGULATOR_ESCALATION);
                    }
                    RoutingInput in = new RoutingInput(false, primary, List.of(primary), flags, identity,
                            (bits & 4) != 0, (bits & 8) != 0, (bits & 16) != 0);
                    Route route = router.route(in);
                    boolean expected = route.action() == Action.REVIEW || route.action() == Action.REQUEST_INFO
                            || route.action() == Action.QUARANTINE || route.queue() == Queue.LEGAL
                            || route.queue() == Queue.PRIVACY;
                    assertThat(route.needsReview()).as(in.toString()).isEqualTo(expected);
                    assertThat(route.reviewReasons().isEmpty()).as(in.toString()).isEqualTo(!expected);
                    assertThat(route.reviewReasons()).as("sorted by name")
                            .isSortedAccordingTo((a, b) -> a.name().compareTo(b.name()));
                    assertThat(route).as("deterministic").isEqualTo(router.route(in));
                    // the review policy alone (used for reviewers' corrections) agrees with routing
                    assertThat(router.review(in, route.queue(), route.action(), route.ruleFired())).as(in.toString())
                            .isEqualTo(route);
                }
            }
        }
    }

    @Test
    void primaryIntentCountsAsAnIntentEvenWhenTheListOmitsIt() {
        RoutingInput in = new RoutingInput(false, Intent.LEGAL, List.of(), Set.of(), IdentityStatus.CONFIRMED,
                false, false, false);
        assertThat(router.route(in).queue()).isEqualTo(Queue.LEGAL);
    }

    @Test
    void inputFromTheClassificationAndIdentityResolution() {
        var classification = new io.ieim.domain.classification.Classification(Intent.CLAIM_UPDATE,
                List.of(Intent.CLAIM_UPDATE, Intent.COMPLAINT), List.of(RiskFlag.URGENT), 0.8, false, false, List.of());
        var identity = new io.ieim.domain.identity.IdentityResolution(IdentityStatus.CONFIRMED, "CU-1002345",
                "KF-20481234", "SC-2026-004512", List.of(), List.of(), "claim-reference", "0".repeat(64));
        RoutingInput in = RoutingInput.of(false, classification, identity);
        assertThat(in).isEqualTo(new RoutingInput(false, Intent.CLAIM_UPDATE, List.of(Intent.CLAIM_UPDATE, Intent.COMPLAINT),
                Set.of(RiskFlag.URGENT), IdentityStatus.CONFIRMED, true, false, false));
        assertThat(router.route(in)).isEqualTo(new Route(Queue.COMPLAINTS, Action.ATTACH_TO_CLAIM, false, List.of(),
                "R5-complaints"));
        var policyOnly = new io.ieim.domain.identity.IdentityResolution(IdentityStatus.CONFIRMED, "CU-1002345",
                "KF-20481234", null, List.of(), List.of(), "policy-reference", "0".repeat(64));
        assertThat(RoutingInput.of(false, classification, policyOnly).claimConfirmed()).isFalse();
    }

    @Test
    void rejectsInputWithoutPrimaryIntent() {
        RoutingInput in = new RoutingInput(false, null, List.of(), Set.of(), IdentityStatus.CONFIRMED, false, false, false);
        assertThatThrownBy(() -> router.route(in)).isInstanceOf(NullPointerException.class).hasMessageContaining("primaryIntent");
    }

    static <E extends Enum<E>> List<E> labels(String spaceSeparated, Class<E> type) {
        if (spaceSeparated == null || spaceSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(spaceSeparated.trim().split("\\s+")).map(s -> Enum.valueOf(type, s)).toList();
    }
}
