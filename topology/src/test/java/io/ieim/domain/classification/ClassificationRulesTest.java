package io.ieim.domain.classification;

import io.ieim.domain.TestFiles;
import io.ieim.domain.rules.RulesFormatException;
import io.ieim.spec.Intent;
import io.ieim.spec.RiskFlag;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Loading and validating classification rules: the real file, and every kind of broken file. */
class ClassificationRulesTest {

    @Test
    void theRealRulesLoadAndCoverEveryLabel() throws IOException {
        ClassificationRules rules = ClassificationRules.load(TestFiles.rules("classification-v1.yaml"));
        assertThat(rules.version()).isEqualTo("classification-v1.1.0");
        assertThat(rules.primaryIntents()).containsExactlyInAnyOrder(Intent.values());
        assertThat(rules.primaryIntents().getLast()).isEqualTo(Intent.GENERAL_INQUIRY);
        for (Intent intent : Intent.values()) {
            assertThat(rules.threshold(intent)).as(intent.name()).isBetween(0.3, 0.9);
        }
        for (RiskFlag flag : RiskFlag.values()) {
            assertThat(rules.flagThreshold(flag)).as(flag.name()).isPositive();
        }
        // the conflict pairs of the brief; COMPLAINT, LEGAL and PRIVACY_REQUEST route by rules 3-5, never a conflict
        assertThat(rules.conflictPairs()).contains(Set.of(Intent.CLAIM_NEW, Intent.CANCELLATION),
                Set.of(Intent.QUOTE_REQUEST, Intent.CANCELLATION));
        assertThat(rules.conflictPairs()).allSatisfy(pair -> assertThat(pair)
                .doesNotContain(Intent.COMPLAINT, Intent.LEGAL, Intent.PRIVACY_REQUEST));
        // every intent except the catch-all has rules, every flag has rules
        List<String> ids = rules.ruleIds();
        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        for (Intent intent : Intent.values()) {
            assertThat(ids).as(intent.name()).anyMatch(id -> id.startsWith("intent." + intent.name().toLowerCase() + ".")
                    || (intent == Intent.AUTO_REPLY && id.startsWith("header.")));
        }
        for (RiskFlag flag : RiskFlag.values()) {
            assertThat(ids).as(flag.name()).anyMatch(id -> id.startsWith("flag." + flag.name().toLowerCase() + "."));
        }
        assertThat(ids).contains("header.auto_submitted", "header.x_autoreply", "header.x_autorespond", "header.precedence",
                "header.delivery_report", "attachment.executable_extension", "attachment.double_extension",
                "attachment.executable_media_type", "attachment.macro_media_type");
        // the formula is documented where the rules are
        String text = Files.readString(TestFiles.rules("classification-v1.yaml"));
        assertThat(text).contains("confidence = strength × (1 - margin_weight × (1 - margin))");
    }

    @Test
    void unknownIntentFailsWithItsLine() {
        String broken = TestRules.YAML.replace("  POLICY_CHANGE: {threshold: 0.5}", "  POLICY_CHANGES: {threshold: 0.5}");
        assertThatThrownBy(() -> TestRules.load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("classification rules: line " + lineOf(broken, "POLICY_CHANGES") + ":")
                .hasMessageContaining("unknown Intent 'POLICY_CHANGES'");
    }

    @Test
    void unknownRiskFlagFailsWithItsLine() {
        String broken = TestRules.YAML.replace("  URGENT: {threshold: 2", "  URGENTLY: {threshold: 2");
        assertThatThrownBy(() -> TestRules.load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + lineOf(broken, "URGENTLY") + ":")
                .hasMessageContaining("unknown RiskFlag 'URGENTLY'");
    }

    @Test
    void unknownIntentInAListFailsWithItsLine() {
        String broken = TestRules.YAML.replace("  - [CLAIM_NEW, CANCELLATION]", "  - [CLAIM_NEW, CANCELATION]");
        assertThatThrownBy(() -> TestRules.load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + lineOf(broken, "CANCELATION]") + ":")
                .hasMessageContaining("unknown Intent 'CANCELATION'");
    }

    @Test
    void unknownTextSourceAndUnknownKeyFailWithTheirLine() {
        String source = TestRules.YAML.replace("sources: [SUBJECT, NEW_TEXT]}", "sources: [SUBJECT, BODY]}");
        assertThatThrownBy(() -> TestRules.load(source)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + lineOf(source, "BODY]") + ":").hasMessageContaining("unknown TextSource 'BODY'");
        String key = TestRules.YAML.replace("{id: de.angebot, weight: 3,", "{id: de.angebot, wieght: 3,");
        assertThatThrownBy(() -> TestRules.load(key)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("line " + lineOf(key, "wieght") + ":").hasMessageContaining("unknown key 'wieght'");
    }

    @Test
    void regexThatDoesNotCompileFailsWithTheRuleId() {
        String broken = TestRules.YAML.replace("regex: 'SC-\\d{4}-\\d{6}'}]}", "regex: 'SC-(\\d{4}'}]}");
        assertThatThrownBy(() -> TestRules.load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule intent.claim_update.any.claim_ref: regex does not compile");
    }

    @Test
    void regexMatchingEmptyTextFailsWithTheRuleId() {
        String broken = TestRules.YAML.replace("terms: [\"casino\"]", "regex: 'casino|'");
        assertThatThrownBy(() -> TestRules.load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule intent.spam.any.casino: regex matches the empty text");
    }

    @Test
    void malformedTermFailsWithTheRuleId() {
        String broken = TestRules.YAML.replace("\"kündig*\"", "\"kün*dig\"");
        assertThatThrownBy(() -> TestRules.load(broken)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule intent.cancellation.de.kuendigung: malformed term 'kün*dig'");
    }

    @Test
    void everyIntentAndFlagNeedsAnEntry() {
        String noIntent = TestRules.YAML.replace("  POLICY_CHANGE: {threshold: 0.5}\n", "");
        assertThatThrownBy(() -> TestRules.load(noIntent)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("intent POLICY_CHANGE has no entry");
        String noFlag = TestRules.YAML.replace("  FRAUD_INDICATOR: {threshold: 3}\n", "");
        assertThatThrownBy(() -> TestRules.load(noFlag)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("risk flag FRAUD_INDICATOR has no entry");
    }

    @Test
    void patternNeedsExactlyOneOfTermsAndRegexAndAWellFormedUniqueId() {
        String both = TestRules.YAML.replace("terms: [\"casino\"]", "terms: [\"casino\"], regex: 'poker'");
        assertThatThrownBy(() -> TestRules.load(both)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule intent.spam.any.casino: needs exactly one of 'terms' and 'regex'");
        String duplicate = TestRules.YAML.replace("{id: en.accident,", "{id: de.unfall,");
        assertThatThrownBy(() -> TestRules.load(duplicate)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule intent.claim_new.de.unfall: duplicate id");
        String badId = TestRules.YAML.replace("{id: en.accident,", "{id: fr.accident,");
        assertThatThrownBy(() -> TestRules.load(badId)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("id 'fr.accident' must match");
        String zero = TestRules.YAML.replace("{id: en.accident, weight: 3,", "{id: en.accident, weight: 0,");
        assertThatThrownBy(() -> TestRules.load(zero)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("intent.claim_new.en.accident.weight must be a positive number");
    }

    @Test
    void thresholdsAndPairsAreChecked() {
        String threshold = TestRules.YAML.replace("  POLICY_CHANGE: {threshold: 0.5}", "  POLICY_CHANGE: {threshold: 1.5}");
        assertThatThrownBy(() -> TestRules.load(threshold)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("intent.policy_change.threshold must be in [0, 1]");
        String pair = TestRules.YAML.replace("  - [CLAIM_NEW, CANCELLATION]", "  - [CLAIM_NEW, CLAIM_NEW]");
        assertThatThrownBy(() -> TestRules.load(pair)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("conflict pair [CLAIM_NEW, CLAIM_NEW]: needs two different intents");
        String notPrimary = TestRules.YAML.replace("POLICY_CHANGE, BILLING, DOCUMENT_REQUEST", "BILLING, DOCUMENT_REQUEST")
                .replace("  - [CLAIM_NEW, CANCELLATION]", "  - [POLICY_CHANGE, CANCELLATION]");
        assertThatThrownBy(() -> TestRules.load(notPrimary)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("both intents must be in primary_intents");
    }

    @Test
    void headerAndAttachmentRulesAreChecked() {
        String upper = TestRules.YAML.replace("header: x-autoreply,", "header: X-Autoreply,");
        assertThatThrownBy(() -> TestRules.load(upper)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule header.x_autoreply: 'header' must be a lower-case header name");
        String twoTargets = TestRules.YAML.replace("header: x-autoreply, intent: AUTO_REPLY,",
                "header: x-autoreply, intent: AUTO_REPLY, flag: URGENT,");
        assertThatThrownBy(() -> TestRules.load(twoTargets)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule header.x_autoreply: needs exactly one of 'intent' and 'flag'");
        String sha = TestRules.YAML.replace("sha256: [275a021b", "sha256: [xx5a021b");
        assertThatThrownBy(() -> TestRules.load(sha)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule attachment.known_sha256:").hasMessageContaining("is not a hex SHA-256");
        String ext = TestRules.YAML.replace("extensions: [exe, docm]", "extensions: [.exe, docm]");
        assertThatThrownBy(() -> TestRules.load(ext)).isInstanceOf(RulesFormatException.class)
                .hasMessageContaining("rule attachment.executable: extension '.exe' must be letters and digits");
    }

    @Test
    void syntaxErrorsAndEmptyFilesFail() {
        assertThatThrownBy(() -> TestRules.load("version: [unclosed\n")).isInstanceOf(RulesFormatException.class)
                .hasMessageStartingWith("classification rules: line ");
        assertThatThrownBy(() -> TestRules.load("")).isInstanceOf(RulesFormatException.class);
        assertThatThrownBy(() -> TestRules.load(TestRules.YAML.replace("version: \"test-1\"", "version: \"\"")))
                .isInstanceOf(RulesFormatException.class).hasMessageContaining("missing 'version'");
    }

    private static int lineOf(String text, String needle) {
        int index = text.indexOf(needle);
        assertThat(index).as(needle).isNotNegative();
        return (int) text.substring(0, index).chars().filter(c -> c == '\n').count() + 1;
    }
}
