package io.ieim.domain.review;

import io.ieim.domain.decision.DecisionHasher;
import io.ieim.domain.decision.Digests;
import io.ieim.domain.routing.Route;
import io.ieim.domain.routing.Router;
import io.ieim.domain.routing.RoutingInput;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReferenceKind;
import io.ieim.spec.ReviewActionKind;
import io.ieim.spec.ReviewReason;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Applies a reviewer's action to a mail's latest decision (issue 5): a CORRECT becomes the next decision
 * version with the overrides, {@code needs_review} recomputed by the routing ruleset's review policy
 * (contract §5) and a new decision hash over the corrected outputs and the {@link Correction}; the other
 * kinds are recorded only. Anything doubtful is refused, never half-applied: an unknown mail, a stale
 * version, a label outside the spec, a correction without reason, identity ids that contradict their
 * status. A pure function of the decision and the action (no clock), so a replay gives the same hash.
 */
public final class CorrectionApplier {

    /** The {@code rule_fired} of a decision whose queue or action a reviewer set. */
    public static final String RULE_ID = "C1-reviewer-correction";

    private static final Set<IdentityStatus> IDENTIFIED = EnumSet.of(IdentityStatus.CONFIRMED, IdentityStatus.PROBABLE);

    private final Router router;
    private final DecisionHasher hasher;

    public CorrectionApplier(Router router, DecisionHasher hasher) {
        this.router = Objects.requireNonNull(router, "router");
        this.hasher = Objects.requireNonNull(hasher, "hasher");
    }

    /**
     * @param current the mail's latest decision, or null when none is known
     * @param action  the reviewer's action
     */
    public ReviewOutcome apply(DecisionSnapshot current, ReviewActionView action) {
        Objects.requireNonNull(action, "action");
        ReviewActionKind kind = label(ReviewActionKind.class, action.kind());
        if (kind == null) {
            return refuse(Refusal.INVALID_LABEL, "kind is not a review-action-kind label", null);
        }
        if (current == null) {
            return refuse(Refusal.UNKNOWN_MAIL, "no decision for this mail", kind);
        }
        if (!current.messageId().equals(action.messageId())) {
            return refuse(Refusal.WRONG_MAIL, "action is about another mail than its decision", kind);
        }
        if (action.reviewer() == null || action.reviewer().isBlank()) {
            return refuse(Refusal.MISSING_REVIEWER, "no reviewer subject", kind);
        }
        return switch (kind) {
            case ASSIGN -> new ReviewOutcome.Recorded(kind, current.decisionVersion());
            case APPROVE_DRAFT, REJECT_DRAFT -> draft(current, action, kind);
            case CORRECT -> correct(current, action);
        };
    }

    /** A draft decision about a superseded version must not release (or withdraw) a reply: same version check. */
    private ReviewOutcome draft(DecisionSnapshot current, ReviewActionView action, ReviewActionKind kind) {
        if (action.draftId() == null || action.draftId().isBlank()) {
            return refuse(Refusal.MISSING_DRAFT, "no draft_id", kind);
        }
        ReviewOutcome.Refused stale = staleness(current, action, kind);
        return stale != null ? stale : new ReviewOutcome.Recorded(kind, current.decisionVersion());
    }

    private static ReviewOutcome.Refused staleness(DecisionSnapshot current, ReviewActionView action, ReviewActionKind kind) {
        if (action.basedOnDecisionVersion() == null) {
            return refuse(Refusal.MISSING_BASE_VERSION, "no based_on_decision_version", kind);
        }
        if (action.basedOnDecisionVersion() != current.decisionVersion()) {
            return refuse(Refusal.STALE_VERSION, "based on decision version " + action.basedOnDecisionVersion()
                    + ", latest is " + current.decisionVersion(), kind);
        }
        return null;
    }

    private ReviewOutcome correct(DecisionSnapshot current, ReviewActionView a) {
        ReviewActionKind kind = ReviewActionKind.CORRECT;
        if (a.reason() == null || a.reason().isBlank()) {
            return refuse(Refusal.MISSING_REASON, "a correction needs a reason", kind);
        }
        ReviewOutcome.Refused stale = staleness(current, a, kind);
        if (stale != null) {
            return stale;
        }
        if (!a.overridesSomething()) {
            return refuse(Refusal.NO_CHANGE, "the correction overrides nothing", kind);
        }

        // labels: every one must be in the spec, or nothing is applied
        Intent primaryOverride = label(Intent.class, a.primaryIntent());
        Queue queueOverride = label(Queue.class, a.queue());
        Action actionOverride = label(Action.class, a.action());
        IdentityStatus statusOverride = label(IdentityStatus.class, a.identityStatus());
        List<Intent> intentsOverride = null;
        if (a.intents() != null) {
            intentsOverride = new ArrayList<>();
            for (String s : a.intents()) {
                Intent intent = label(Intent.class, s);
                if (intent == null) {
                    return refuse(Refusal.INVALID_LABEL, "intents_override holds a label that is not an intent", kind);
                }
                intentsOverride.add(intent);
            }
        }
        String invalid = a.primaryIntent() != null && primaryOverride == null ? "primary_intent_override"
                : a.queue() != null && queueOverride == null ? "queue_override"
                : a.action() != null && actionOverride == null ? "action_override"
                : a.identityStatus() != null && statusOverride == null ? "identity_status_override" : null;
        if (invalid != null) {
            return refuse(Refusal.INVALID_LABEL, invalid + " is not a label of the spec", kind);
        }
        invalid = !canonical(ReferenceKind.CUSTOMER, a.customerId()) ? "customer_id_override"
                : !canonical(ReferenceKind.POLICY, a.policyId()) ? "policy_id_override"
                : !canonical(ReferenceKind.CLAIM, a.claimId()) ? "claim_id_override" : null;
        if (invalid != null) {
            return refuse(Refusal.INVALID_REFERENCE, invalid + " is not in canonical form", kind);
        }

        // intents: the primary first, then the others in their given order (contract: primary included)
        Intent primary = primaryOverride != null ? primaryOverride : current.primaryIntent();
        if (intentsOverride != null && primary != null && !intentsOverride.contains(primary)) {
            return refuse(Refusal.INCONSISTENT_INTENTS, "intents_override lacks the primary intent " + primary, kind);
        }
        LinkedHashSet<Intent> intents = new LinkedHashSet<>();
        if (primary != null) {
            intents.add(primary);
        }
        intents.addAll(intentsOverride != null ? intentsOverride : current.intents());

        // identity: never keep a customer link the reviewer did not stand behind
        IdentityStatus status = statusOverride != null ? statusOverride : current.identityStatus();
        String customer;
        String policy;
        String claim;
        if (IDENTIFIED.contains(status)) {
            customer = a.customerId() != null ? a.customerId() : current.customerId();
            boolean otherCustomer = a.customerId() != null && !a.customerId().equals(current.customerId());
            // another customer: the old policy and claim belonged to the old one, so only what the reviewer gives
            policy = a.policyId() != null ? a.policyId() : otherCustomer ? null : current.policyId();
            claim = a.claimId() != null ? a.claimId() : otherCustomer ? null : current.claimId();
            if (customer == null) {
                return refuse(Refusal.INCONSISTENT_IDENTITY, "identity " + status + " without a customer", kind);
            }
        } else {
            if (a.customerId() != null || a.policyId() != null || a.claimId() != null) {
                return refuse(Refusal.INCONSISTENT_IDENTITY, "identity " + status + " with customer, policy or claim ids", kind);
            }
            customer = null;
            policy = null;
            claim = null;
        }

        Queue queue = queueOverride != null ? queueOverride : current.queue();
        Action routedAction = actionOverride != null ? actionOverride : current.action();
        // the classifier's doubts (rule 7) stand only while the reviewer left the intents as they were
        boolean intentsCorrected = primaryOverride != null || intentsOverride != null;
        boolean belowThreshold = !intentsCorrected && current.reviewReasons().contains(ReviewReason.LOW_CONFIDENCE);
        boolean conflict = !intentsCorrected && current.reviewReasons().contains(ReviewReason.INTENT_CONFLICT);
        List<Intent> intentList = List.copyOf(intents);
        boolean routeChanged = queue != current.queue() || routedAction != current.action();
        Route review = router.review(new RoutingInput(primary == null, primary, intentList, Set.copyOf(current.riskFlags()),
                        status, status == IdentityStatus.CONFIRMED && claim != null, belowThreshold, conflict),
                queue, routedAction, routeChanged ? RULE_ID : current.ruleFired());

        int version = current.decisionVersion() + 1;
        Correction correction = new Correction(a.actionId(), a.reviewer(), current.decisionVersion(), current.decisionHash());
        DecisionSnapshot unhashed = new DecisionSnapshot(current.messageId(), version, primary, intentList,
                current.riskFlags(), queue, routedAction, status, customer, policy, claim, current.unmatchedReferences(),
                current.identitySnapshotDigest(), review.needsReview(), review.reviewReasons(), current.confidence(),
                review.ruleFired(), current.rulesetVersion(), current.configHash(), current.inputDigest(),
                current.decisionHash());
        if (unhashed.sameOutcomeAs(current)) {
            return refuse(Refusal.NO_CHANGE, "the overrides equal the current decision", kind);
        }
        String hash = hasher.hash(unhashed.hashInput(correction.canonicalRef()));
        DecisionSnapshot corrected = new DecisionSnapshot(current.messageId(), version, primary, intentList,
                current.riskFlags(), queue, routedAction, status, customer, policy, claim, current.unmatchedReferences(),
                current.identitySnapshotDigest(), review.needsReview(), review.reviewReasons(), current.confidence(),
                review.ruleFired(), current.rulesetVersion(), current.configHash(), current.inputDigest(), hash);
        return new ReviewOutcome.Corrected(corrected, correction, changed(current, corrected),
                Digests.sha256Hex(a.reason()));
    }

    private static List<String> changed(DecisionSnapshot before, DecisionSnapshot after) {
        TreeSet<String> changed = new TreeSet<>();
        if (!Objects.equals(before.primaryIntent(), after.primaryIntent())) {
            changed.add("primary_intent");
        }
        if (!before.intents().equals(after.intents())) {
            changed.add("intents");
        }
        if (before.queue() != after.queue()) {
            changed.add("queue");
        }
        if (before.action() != after.action()) {
            changed.add("action");
        }
        if (before.identityStatus() != after.identityStatus()) {
            changed.add("identity_status");
        }
        if (!Objects.equals(before.customerId(), after.customerId())) {
            changed.add("customer_id");
        }
        if (!Objects.equals(before.policyId(), after.policyId())) {
            changed.add("policy_id");
        }
        if (!Objects.equals(before.claimId(), after.claimId())) {
            changed.add("claim_id");
        }
        if (before.needsReview() != after.needsReview()) {
            changed.add("needs_review");
        }
        if (!before.reviewReasons().equals(after.reviewReasons())) {
            changed.add("review_reasons");
        }
        return List.copyOf(changed);
    }

    private static boolean canonical(ReferenceKind kind, String value) {
        return value == null || kind.isCanonical(value);
    }

    /** The enum constant of a label, or null when the text is not one (never an exception: fail closed). */
    private static <E extends Enum<E>> E label(Class<E> type, String text) {
        if (text == null) {
            return null;
        }
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(text)) {
                return e;
            }
        }
        return null;
    }

    private static ReviewOutcome.Refused refuse(Refusal refusal, String detail, ReviewActionKind kind) {
        return new ReviewOutcome.Refused(refusal, detail, kind);
    }
}
