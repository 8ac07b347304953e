package io.ieim.domain.routing;

import io.ieim.domain.rules.RulesFormatException;
import io.ieim.domain.rules.RulesYaml;
import io.ieim.spec.Action;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;
import io.ieim.spec.RiskFlag;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The versioned routing ruleset (spec/rules/routing-v1.yaml): contract §5 as data. See the file's
 * header for the format. {@link #load(InputStream)} validates it completely, so a loaded ruleset can
 * route every input: unknown labels fail with their line, semantic errors with the rule id.
 *
 * @param version         the ruleset version recorded in every decision
 * @param contract        the contract section it encodes (documentation)
 * @param contractIntents intents that need a known contract (REQUEST_INFO when identity is NOT_FOUND)
 * @param actionRules     how rules with {@code action: by-primary-intent} choose the action; first match wins
 * @param review          when a route needs review, and which reasons it lists
 * @param rules           the routing rules in contract order; first match wins
 */
public record RoutingRuleset(String version, String contract, Set<Intent> contractIntents, List<ActionRule> actionRules,
                             Review review, List<Rule> rules) {

    /** The value of a rule's {@code action} that delegates to the action rules. */
    public static final String BY_PRIMARY_INTENT = "by-primary-intent";

    private static final String WHAT = "routing rules";
    private static final Pattern RULE_ID = Pattern.compile("R[1-9][0-9]*-[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern ACTION_RULE_ID = Pattern.compile("A[1-9][0-9]*-[a-z0-9]+(?:-[a-z0-9]+)*");

    public RoutingRuleset {
        contractIntents = enumSet(contractIntents, Intent.class);
        actionRules = actionRules == null ? List.of() : List.copyOf(actionRules);
        rules = rules == null ? List.of() : List.copyOf(rules);
    }

    /** Reads and validates a ruleset. */
    public static RoutingRuleset load(InputStream in) {
        RoutingRuleset ruleset = RulesYaml.read(in, RoutingRuleset.class, WHAT);
        ruleset.validate();
        return ruleset;
    }

    /** Reads and validates a ruleset file. */
    public static RoutingRuleset load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return load(in);
        } catch (IOException e) {
            throw new RulesFormatException(WHAT + ": cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** The rule with the id, if any. */
    public Rule rule(String id) {
        return rules.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no routing rule " + id));
    }

    /**
     * A routing rule. It matches when any clause of {@code whenAny} holds (an absent list always holds)
     * and, for a rule with {@code queueByPrimaryIntent}, the primary intent has a queue there.
     *
     * @param id                   e.g. "R1-quarantine"; recorded as the decision's rule fired
     * @param contractRule         the number of the rule in contract §5
     * @param description          what the contract says (documentation)
     * @param whenAny              clauses, any of which makes the rule match
     * @param queue                fixed target queue, or null when {@code queueByPrimaryIntent} is given
     * @param queueByPrimaryIntent target queue by primary intent (rule 8)
     * @param action               a fixed action name, or {@value #BY_PRIMARY_INTENT}
     */
    public record Rule(String id, Integer contractRule, String description, List<Condition> whenAny, Queue queue,
                       Map<Intent, Queue> queueByPrimaryIntent, String action) {
        public Rule {
            whenAny = whenAny == null ? null : List.copyOf(whenAny);
            queueByPrimaryIntent = queueByPrimaryIntent == null || queueByPrimaryIntent.isEmpty() ? null
                    : Collections.unmodifiableMap(new EnumMap<>(queueByPrimaryIntent));
        }

        /** The fixed action, or null when the action rules decide. */
        public Action fixedAction() {
            return BY_PRIMARY_INTENT.equals(action) ? null : Action.valueOf(action);
        }
    }

    /** An action rule: the first whose condition holds gives the action of rules 3-5 and 8. */
    public record ActionRule(String id, Condition when, Action action) {
    }

    /**
     * Review policy.
     *
     * @param actions actions that always need review
     * @param queues  queues whose every mail needs review
     * @param reasons reasons listed (sorted by name) on a route that needs review, each when its condition holds
     */
    public record Review(Set<Action> actions, Set<Queue> queues, List<ReasonRule> reasons) {
        public Review {
            actions = enumSet(actions, Action.class);
            queues = enumSet(queues, Queue.class);
            reasons = reasons == null ? List.of() : List.copyOf(reasons);
        }
    }

    /** A review reason and when it applies. */
    public record ReasonRule(ReviewReason reason, Condition when) {
    }

    /**
     * A conjunction of facts; an absent field is not checked, so an empty condition always holds.
     * {@code actionIn} and {@code queueIn} look at the route's outcome and are only allowed in review
     * reasons.
     */
    public record Condition(Boolean parseFailed, Set<Intent> primaryIntentIn, Set<Intent> intentIn,
                            Set<RiskFlag> riskFlagIn, Set<IdentityStatus> identityStatusIn, Boolean claimConfirmed,
                            Boolean belowThreshold, Boolean conflict, Boolean primaryIntentNeedsContract,
                            Set<Action> actionIn, Set<Queue> queueIn) {

        boolean holds(RoutingInput in, Set<Intent> allIntents, Set<Intent> contractIntents, Action action, Queue queue) {
            return (parseFailed == null || parseFailed == in.parseFailed())
                    && (primaryIntentIn == null || in.primaryIntent() != null && primaryIntentIn.contains(in.primaryIntent()))
                    && (intentIn == null || intentIn.stream().anyMatch(allIntents::contains))
                    && (riskFlagIn == null || riskFlagIn.stream().anyMatch(in.riskFlags()::contains))
                    && (identityStatusIn == null || identityStatusIn.contains(in.identityStatus()))
                    && (claimConfirmed == null || claimConfirmed == in.claimConfirmed())
                    && (belowThreshold == null || belowThreshold == in.belowThreshold())
                    && (conflict == null || conflict == in.conflict())
                    && (primaryIntentNeedsContract == null
                        || primaryIntentNeedsContract == (in.primaryIntent() != null && contractIntents.contains(in.primaryIntent())))
                    && (actionIn == null || actionIn.contains(action))
                    && (queueIn == null || queueIn.contains(queue));
        }

        boolean looksAtOutcome() {
            return actionIn != null || queueIn != null;
        }

        /** The intents this clause alone routes, whatever else holds (only an intent test, nothing else). */
        Set<Intent> intentsAlwaysCaught() {
            boolean onlyIntent = parseFailed == null && riskFlagIn == null && identityStatusIn == null
                    && claimConfirmed == null && belowThreshold == null && conflict == null
                    && primaryIntentNeedsContract == null && actionIn == null && queueIn == null;
            if (!onlyIntent || (primaryIntentIn != null && intentIn != null)) {
                return Set.of();
            }
            Set<Intent> caught = new HashSet<>();
            if (primaryIntentIn != null) {
                caught.addAll(primaryIntentIn);
            }
            if (intentIn != null) {
                caught.addAll(intentIn);
            }
            return caught;
        }
    }

    private void validate() {
        if (version == null || version.isBlank()) {
            throw new RulesFormatException(WHAT + ": missing 'version'");
        }
        if (contractIntents.isEmpty()) {
            throw new RulesFormatException(WHAT + ": missing 'contract_intents'");
        }
        validateActionRules();
        validateReview();
        validateRules();
    }

    private void validateActionRules() {
        if (actionRules.isEmpty()) {
            throw new RulesFormatException(WHAT + ": missing 'action_rules'");
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < actionRules.size(); i++) {
            ActionRule r = actionRules.get(i);
            String id = r.id() == null ? "action_rules[" + i + "]" : r.id();
            if (r.id() == null || !ACTION_RULE_ID.matcher(r.id()).matches()) {
                throw new RulesFormatException(WHAT + ": action rule " + id + ": id must look like A1-attach-to-claim");
            }
            if (!ids.add(r.id())) {
                throw new RulesFormatException(WHAT + ": action rule " + id + ": duplicate id");
            }
            if (r.action() == null) {
                throw new RulesFormatException(WHAT + ": action rule " + id + ": missing 'action'");
            }
            if (r.when() != null && r.when().looksAtOutcome()) {
                throw new RulesFormatException(WHAT + ": action rule " + id + ": action_in/queue_in are only for review reasons");
            }
        }
        ActionRule last = actionRules.getLast();
        if (last.when() != null && !last.when().equals(emptyCondition())) {
            throw new RulesFormatException(WHAT + ": action rule " + last.id()
                    + ": the last action rule must have no condition (it is the default)");
        }
    }

    private void validateReview() {
        if (review == null) {
            throw new RulesFormatException(WHAT + ": missing 'review'");
        }
        Set<ReviewReason> seen = EnumSet.noneOf(ReviewReason.class);
        for (ReasonRule r : review.reasons()) {
            if (r.reason() == null || r.when() == null) {
                throw new RulesFormatException(WHAT + ": review reason needs 'reason' and 'when'");
            }
            if (!seen.add(r.reason())) {
                throw new RulesFormatException(WHAT + ": review reason " + r.reason() + " listed twice");
            }
        }
        for (ReviewReason reason : ReviewReason.values()) {
            if (!seen.contains(reason)) {
                throw new RulesFormatException(WHAT + ": review reason " + reason + " has no condition");
            }
        }
    }

    private void validateRules() {
        if (rules.isEmpty()) {
            throw new RulesFormatException(WHAT + ": missing 'rules'");
        }
        Set<String> ids = new HashSet<>();
        Set<Intent> caughtBefore = EnumSet.noneOf(Intent.class);
        boolean complete = false;
        for (int i = 0; i < rules.size(); i++) {
            Rule r = rules.get(i);
            String id = r.id() == null ? "rules[" + i + "]" : r.id();
            if (r.id() == null || !RULE_ID.matcher(r.id()).matches()) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": id must look like R1-quarantine");
            }
            if (!ids.add(r.id())) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": duplicate id");
            }
            if (!r.id().startsWith("R" + (i + 1) + "-")) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": is rule " + (i + 1) + " of the file");
            }
            if (r.contractRule() == null || r.contractRule() != i + 1) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": contract_rule must be " + (i + 1)
                        + " (rules are listed in contract order)");
            }
            if (complete) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": unreachable, every mail is routed by an earlier rule");
            }
            if ((r.queue() == null) == (r.queueByPrimaryIntent() == null)) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": needs exactly one of 'queue' and 'queue_by_primary_intent'");
            }
            if (r.action() == null) {
                throw new RulesFormatException(WHAT + ": rule " + id + ": missing 'action'");
            }
            if (!BY_PRIMARY_INTENT.equals(r.action())) {
                try {
                    Action.valueOf(r.action());
                } catch (IllegalArgumentException e) {
                    throw new RulesFormatException(WHAT + ": rule " + id + ": unknown action '" + r.action()
                            + "' (an Action or " + BY_PRIMARY_INTENT + ")");
                }
            }
            if (r.whenAny() != null) {
                if (r.whenAny().isEmpty()) {
                    throw new RulesFormatException(WHAT + ": rule " + id + ": empty 'when_any' (omit it for a rule that always applies)");
                }
                for (Condition c : r.whenAny()) {
                    if (c == null) {
                        throw new RulesFormatException(WHAT + ": rule " + id + ": empty clause in 'when_any'");
                    }
                    if (c.looksAtOutcome()) {
                        throw new RulesFormatException(WHAT + ": rule " + id + ": action_in/queue_in are only for review reasons");
                    }
                }
            }
            if (r.queueByPrimaryIntent() != null) {
                // every intent must be routed: either here or always caught by an earlier rule
                Set<Intent> missing = EnumSet.allOf(Intent.class);
                missing.removeAll(caughtBefore);
                missing.removeAll(r.queueByPrimaryIntent().keySet());
                if (!missing.isEmpty()) {
                    throw new RulesFormatException(WHAT + ": rule " + id + ": no queue for primary intent(s) " + missing
                            + " that no earlier rule routes");
                }
                complete = r.whenAny() == null;
            } else if (r.whenAny() == null) {
                complete = true;
            } else {
                for (Condition c : r.whenAny()) {
                    caughtBefore.addAll(c.intentsAlwaysCaught());
                }
            }
        }
        if (!complete) {
            throw new RulesFormatException(WHAT + ": the last rule must route every remaining mail");
        }
    }

    private static Condition emptyCondition() {
        return new Condition(null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Ids of the rules in order (for documentation and tests). */
    public List<String> ruleIds() {
        List<String> ids = new ArrayList<>();
        rules.forEach(r -> ids.add(r.id()));
        return List.copyOf(ids);
    }

    private static <E extends Enum<E>> Set<E> enumSet(Set<E> values, Class<E> type) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (values != null) {
            set.addAll(values);
        }
        return Collections.unmodifiableSet(set);
    }
}
