package io.ieim.domain.routing;

import io.ieim.domain.routing.RoutingRuleset.ActionRule;
import io.ieim.domain.routing.RoutingRuleset.ReasonRule;
import io.ieim.domain.routing.RoutingRuleset.Rule;
import io.ieim.spec.Action;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import io.ieim.spec.ReviewReason;

import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Routing per contract §5, driven by a {@link RoutingRuleset}: the first matching rule gives the queue
 * (and the action, or the action rules decide it from the primary intent); then the review policy
 * decides {@code needs_review} and the review reasons. Stateless, deterministic and thread-safe.
 */
public final class Router {

    private final RoutingRuleset ruleset;

    public Router(RoutingRuleset ruleset) {
        this.ruleset = Objects.requireNonNull(ruleset, "ruleset");
    }

    public RoutingRuleset ruleset() {
        return ruleset;
    }

    public Route route(RoutingInput in) {
        Objects.requireNonNull(in, "in");
        if (!in.parseFailed()) {
            // only a mail that could not be read has no primary intent (rule 1 quarantines it first)
            Objects.requireNonNull(in.primaryIntent(), "primaryIntent");
        }
        Objects.requireNonNull(in.identityStatus(), "identityStatus");
        // the primary intent is always among the mail's intents (contract §5: "primary or not")
        Set<Intent> all = EnumSet.noneOf(Intent.class);
        if (in.primaryIntent() != null) {
            all.add(in.primaryIntent());
        }
        all.addAll(in.intents());
        for (Rule rule : ruleset.rules()) {
            if (!matches(rule, in, all)) {
                continue;
            }
            Queue queue = rule.queue() != null ? rule.queue() : rule.queueByPrimaryIntent().get(in.primaryIntent());
            Action action = rule.fixedAction() != null ? rule.fixedAction() : actionByPrimaryIntent(in, all);
            return review(in, all, queue, action, rule.id());
        }
        // unreachable: load() checks that the last rule routes every mail
        throw new IllegalStateException("routing ruleset " + ruleset.version() + " routes no rule for this mail");
    }

    /**
     * The review policy alone, for a queue and action that were not found by the rules (a reviewer's
     * correction): {@code needs_review} and the review reasons exactly as a routed mail would get them,
     * so a corrected decision is held to the same contract (§5) as a routed one.
     */
    public Route review(RoutingInput in, Queue queue, Action action, String ruleFired) {
        Objects.requireNonNull(in, "in");
        Objects.requireNonNull(queue, "queue");
        Objects.requireNonNull(action, "action");
        Set<Intent> all = EnumSet.noneOf(Intent.class);
        if (in.primaryIntent() != null) {
            all.add(in.primaryIntent());
        }
        all.addAll(in.intents());
        return review(in, all, queue, action, ruleFired);
    }

    private Route review(RoutingInput in, Set<Intent> all, Queue queue, Action action, String ruleFired) {
        boolean needsReview = ruleset.review().actions().contains(action) || ruleset.review().queues().contains(queue);
        List<ReviewReason> reasons = needsReview ? reasons(in, all, action, queue) : List.of();
        return new Route(queue, action, needsReview, reasons, ruleFired);
    }

    private boolean matches(Rule rule, RoutingInput in, Set<Intent> all) {
        if (rule.queueByPrimaryIntent() != null
                && (in.primaryIntent() == null || !rule.queueByPrimaryIntent().containsKey(in.primaryIntent()))) {
            return false;
        }
        return rule.whenAny() == null
                || rule.whenAny().stream().anyMatch(c -> c.holds(in, all, ruleset.contractIntents(), null, null));
    }

    private Action actionByPrimaryIntent(RoutingInput in, Set<Intent> all) {
        for (ActionRule rule : ruleset.actionRules()) {
            if (rule.when() == null || rule.when().holds(in, all, ruleset.contractIntents(), null, null)) {
                return rule.action();
            }
        }
        throw new IllegalStateException("unreachable: the last action rule has no condition");
    }

    private List<ReviewReason> reasons(RoutingInput in, Set<Intent> all, Action action, Queue queue) {
        return ruleset.review().reasons().stream()
                .filter(r -> r.when().holds(in, all, ruleset.contractIntents(), action, queue))
                .map(ReasonRule::reason)
                .sorted(Comparator.comparing(Enum::name))
                .toList();
    }
}
