package io.ieim.domain.routing;

import io.ieim.domain.TestFiles;
import io.ieim.domain.routing.RoutingRuleset.Condition;
import io.ieim.domain.routing.RoutingRuleset.Rule;
import io.ieim.domain.rules.RulesFormatException;
import io.ieim.spec.Action;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The versioned routing ruleset: it encodes contract §5 in the contract's order, and bad files fail loudly. */
class RoutingRulesetTest {

    private static final Pattern LABEL = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");

    private static String yaml;
    private static RoutingRuleset ruleset;

    @BeforeAll
    static void load() throws IOException {
        yaml = Files.readString(TestFiles.rules("routing-v1.yaml"));
        ruleset = RoutingRuleset.load(TestFiles.rules("routing-v1.yaml"));
    }

    @Test
    void rulesAreTheEightContractRulesInOrder() {
        assertThat(ruleset.version()).isEqualTo("routing-v1.0.0");
        assertThat(ruleset.ruleIds()).containsExactly("R1-quarantine", "R2-no-action", "R3-legal", "R4-privacy",
                "R5-complaints", "R6-review-identity", "R7-review-classification", "R8-intent-queue");
        for (int i = 0; i < ruleset.rules().size(); i++) {
            assertThat(ruleset.rules().get(i).contractRule()).isEqualTo(i + 1);
        }
    }

    /** Reads contract §5 itself and compares each numbered rule with the YAML rule of the same position. */
    @Test
    void yamlRuleOrderAndTargetsMatchTheContract() throws IOException {
        Optional<Path> contract = TestFiles.contract();
        Assumptions.assumeTrue(contract.isPresent(), "no CONTRACT-V1.md beside the repository");
        String section = section5(Files.readString(contract.get()));
        Map<Integer, String> items = numberedItems(section);
        assertThat(items.keySet()).containsExactly(1, 2, 3, 4, 5, 6, 7, 8);
        assertThat(ruleset.rules()).hasSize(8);

        for (int n = 1; n <= 7; n++) {
            String text = items.get(n);
            Rule rule = ruleset.rules().get(n - 1);
            int colon = text.lastIndexOf(": ");
            String condition = text.substring(0, colon);
            String target = text.substring(colon + 2);
            List<String> targetLabels = labels(target);
            assertThat(rule.queue()).as("rule %d queue", n).isEqualTo(Queue.valueOf(targetLabels.getFirst()));
            Matcher action = Pattern.compile("action ([A-Z_]+)").matcher(target);
            if (action.find()) {
                assertThat(rule.action()).as("rule %d action", n).isEqualTo(action.group(1));
            } else {
                assertThat(rule.action()).as("rule %d action", n).isEqualTo(RoutingRuleset.BY_PRIMARY_INTENT);
            }
            assertThat(conditionLabels(rule)).as("rule %d condition labels", n)
                    .isEqualTo(new TreeSet<>(labels(condition)));
            assertThat(rule.whenAny().stream().anyMatch(c -> c.parseFailed() != null))
                    .as("rule %d tests parsing", n).isEqualTo(condition.contains("parsed"));
            assertThat(rule.whenAny().stream().anyMatch(c -> c.belowThreshold() != null))
                    .as("rule %d tests the threshold", n).isEqualTo(condition.contains("threshold"));
            assertThat(rule.whenAny().stream().anyMatch(c -> c.conflict() != null))
                    .as("rule %d tests conflict", n).isEqualTo(condition.contains("conflict"));
            if (n >= 3 && n <= 5) {
                // "Rules 3-5 apply when the intent is among the mail's intents, primary or not."
                assertThat(rule.whenAny()).allSatisfy(c -> assertThat(c.primaryIntentIn()).isNull());
            }
        }

        Map<Intent, Queue> rule8 = new EnumMap<>(Intent.class);
        for (String sentence : items.get(8).split("\\.\\s*")) {
            if (sentence.isBlank()) {
                continue;
            }
            String[] parts = sentence.split(":\\s*");
            Queue queue = Queue.valueOf(parts[1].strip());
            for (String intent : labels(parts[0])) {
                rule8.put(Intent.valueOf(intent), queue);
            }
        }
        Rule last = ruleset.rules().get(7);
        assertThat(last.queueByPrimaryIntent()).isEqualTo(rule8);
        assertThat(last.whenAny()).isNull();
        assertThat(last.action()).isEqualTo(RoutingRuleset.BY_PRIMARY_INTENT);

        Matcher needs = Pattern.compile("needs a known contract \\(([^)]*)\\)").matcher(section.replaceAll("\\s+", " "));
        assertThat(needs.find()).isTrue();
        assertThat(ruleset.contractIntents()).containsExactlyInAnyOrderElementsOf(
                labels(needs.group(1)).stream().map(Intent::valueOf).toList());

        Matcher review = Pattern.compile("`needs_review` is true for actions (.*?), and for every mail in ([^.]*)\\.")
                .matcher(section.replaceAll("\\s+", " "));
        assertThat(review.find()).isTrue();
        assertThat(ruleset.review().actions()).containsExactlyInAnyOrderElementsOf(
                labels(review.group(1)).stream().map(Action::valueOf).toList());
        assertThat(ruleset.review().queues()).containsExactlyInAnyOrderElementsOf(
                labels(review.group(2)).stream().map(Queue::valueOf).toList());
    }

    @Test
    void actionRulesFollowTheContractOrder() {
        assertThat(ruleset.actionRules()).extracting(RoutingRuleset.ActionRule::action)
                .containsExactly(Action.ATTACH_TO_CLAIM, Action.REQUEST_INFO, Action.CREATE_CASE);
        assertThat(ruleset.actionRules().getLast().when()).isNull();
    }

    // --- validation ---

    @Test
    void unknownIntentFailsWithItsLine() {
        String broken = yaml.replace("- {intent_in: [PRIVACY_REQUEST]}", "- {intent_in: [PRIVACY_REQUESTS]}");
        int line = lineOf(broken, "PRIVACY_REQUESTS");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + line + ":")
                .hasMessageContaining("unknown Intent 'PRIVACY_REQUESTS'");
    }

    @Test
    void unknownQueueInTheRule8MapFailsWithItsLine() {
        String broken = yaml.replace("GENERAL_INQUIRY: GENERAL", "GENERAL_INQUIRY: GENERAL_QUEUE");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + lineOf(broken, "GENERAL_QUEUE") + ":")
                .hasMessageContaining("unknown Queue 'GENERAL_QUEUE'");
    }

    @Test
    void unknownKeyFailsWithItsLine() {
        String broken = yaml.replace("- {risk_flag_in: [LEGAL_THREAT]}", "- {risk_flags_in: [LEGAL_THREAT]}");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + lineOf(broken, "risk_flags_in") + ":")
                .hasMessageContaining("unknown key 'risk_flags_in'");
    }

    @Test
    void unknownActionFailsWithTheRuleId() {
        String broken = yaml.replace("action: QUARANTINE\n", "action: QUARANTEEN\n");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule R1-quarantine: unknown action 'QUARANTEEN'");
    }

    @Test
    void rulesOutOfContractOrderFail() {
        String broken = yaml.replace("contract_rule: 4", "contract_rule: 5");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule R4-privacy: contract_rule must be 4");
    }

    @Test
    void anIntentNoRuleRoutesFails() {
        String broken = yaml.replace("      QUOTE_REQUEST: SALES\n", "");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule R8-intent-queue: no queue for primary intent(s) [QUOTE_REQUEST]");
    }

    @Test
    void aReviewReasonWithoutConditionFails() {
        String broken = yaml.replace("    - reason: INTENT_CONFLICT\n      when: {action_in: [REVIEW], conflict: true}\n", "");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("review reason INTENT_CONFLICT has no condition");
    }

    @Test
    void outcomeConditionsAreOnlyForReviewReasons() {
        String broken = yaml.replace("- {identity_status_in: [AMBIGUOUS]}", "- {queue_in: [LEGAL]}");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule R6-review-identity: action_in/queue_in are only for review reasons");
    }

    @Test
    void syntaxErrorFailsWithItsLine() {
        String broken = yaml.replace("contract_intents: [CLAIM_UPDATE,", "contract_intents: [CLAIM_UPDATE,,: {");
        assertThatThrownBy(() -> load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageStartingWith("routing rules: line ");
    }

    private static RoutingRuleset load(String text) {
        return RoutingRuleset.load(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static int lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        assertThat(index).as(needle).isNotNegative();
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }

    private static Set<String> conditionLabels(Rule rule) {
        Set<String> labels = new TreeSet<>();
        for (Condition c : rule.whenAny()) {
            for (Set<? extends Enum<?>> set : List.of(nullToEmpty(c.primaryIntentIn()), nullToEmpty(c.intentIn()),
                    nullToEmpty(c.riskFlagIn()), nullToEmpty(c.identityStatusIn()))) {
                set.forEach(e -> labels.add(e.name()));
            }
        }
        return labels;
    }

    private static <E> Set<E> nullToEmpty(Set<E> set) {
        return set == null ? Set.of() : set;
    }

    private static String section5(String contract) {
        int start = contract.indexOf("## 5.");
        int end = contract.indexOf("\n## ", start + 1);
        assertThat(start).as("contract has §5").isNotNegative();
        return contract.substring(start, end < 0 ? contract.length() : end);
    }

    /** The numbered list of §5, each item's lines joined. */
    private static Map<Integer, String> numberedItems(String section) {
        Map<Integer, String> items = new LinkedHashMap<>();
        Integer current = null;
        StringBuilder text = new StringBuilder();
        for (String line : section.split("\n")) {
            Matcher m = Pattern.compile("^(\\d+)\\. (.*)$").matcher(line);
            if (m.matches()) {
                if (current != null) {
                    items.put(current, text.toString().strip());
                }
                current = Integer.parseInt(m.group(1));
                text.setLength(0);
                text.append(m.group(2));
            } else if (current != null && line.startsWith("   ") && !line.isBlank()) {
                text.append(' ').append(line.strip());
            } else if (current != null) {
                items.put(current, text.toString().strip());
                current = null;
            }
        }
        if (current != null) {
            items.put(current, text.toString().strip());
        }
        return items;
    }

    private static List<String> labels(String text) {
        List<String> labels = new ArrayList<>();
        Matcher m = LABEL.matcher(text);
        while (m.find()) {
            labels.add(m.group());
        }
        return labels;
    }
}
