package io.ieim.domain.redaction;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RedactionPolicyTest {

    static final String ALL_MASK = "{EMAIL: MASK, IBAN: MASK, PAYMENT_CARD: MASK, SSN_US: MASK, TAX_ID_DE: MASK, "
            + "DATE_OF_BIRTH: MASK, PHONE: MASK, HEALTH_TERM: MASK}";

    static RedactionPolicy policy(String yaml) {
        return RedactionPolicy.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shippedPolicyCoversEveryFieldAndDetector() {
        RedactionPolicy policy = RedactionPolicy.loadDefault();

        assertThat(policy.version()).isEqualTo("redaction-v1");
        assertThat(policy.fields()).contains("subject", "body_excerpt", "evidence_excerpt", "sender", "attachment_name");
        for (String field : policy.fields()) {
            for (Detector d : Detector.values()) {
                assertThat(policy.mode(field, d)).as(field + "/" + d).isNotNull();
            }
        }
        assertThat(policy.mode("sender", Detector.EMAIL)).isEqualTo(RedactionMode.HASH);
        assertThat(policy.mode("subject", Detector.IBAN)).isEqualTo(RedactionMode.MASK);
        assertThat(policy.healthTerms()).contains("*krebs*", "hiv", "diabet*", "cancer*", "pregnan*");
        assertThat(policy.contentHash()).matches("[0-9a-f]{64}");
    }

    @Test
    void theClasspathCopyIsTheFileInSpecRules() throws Exception {
        Path file = Path.of(System.getProperty("ieim.home", ".."), "spec", "rules", "redaction-v1.yaml");
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(RedactionPolicy.load(in).contentHash()).isEqualTo(RedactionPolicy.loadDefault().contentHash());
        }
    }

    @Test
    void everyFieldMustNameEveryDetector() {
        assertThatThrownBy(() -> policy("version: v\nfields:\n  subject: {EMAIL: MASK}\nhealth_terms: [hiv]\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("field 'subject' has no mode for")
                .hasMessageContaining("IBAN");
    }

    @Test
    void unknownDetectorModeAndKeysAreRejected() {
        assertThatThrownBy(() -> policy("version: v\nfields:\n  subject: {EMAIL: MASK, NAME: MASK}\nhealth_terms: [hiv]\n"))
                .hasMessageContaining("unknown detector 'NAME'");
        assertThatThrownBy(() -> policy("version: v\nfields:\n  subject: {EMAIL: BLUR}\nhealth_terms: [hiv]\n"))
                .hasMessageContaining("unknown mode 'BLUR'");
        assertThatThrownBy(() -> policy("version: v\nfields:\n  subject: " + ALL_MASK + "\nhealth_terms: [hiv]\nextra: 1\n"))
                .hasMessageContaining("unknown key 'extra'");
    }

    @Test
    void versionAndHealthTermsAreRequired() {
        assertThatThrownBy(() -> policy("fields:\n  subject: " + ALL_MASK + "\nhealth_terms: [hiv]\n"))
                .hasMessageContaining("'version'");
        assertThatThrownBy(() -> policy("version: v\nfields:\n  subject: " + ALL_MASK + "\n"))
                .hasMessageContaining("'health_terms'");
        assertThatThrownBy(() -> policy("version: v\nfields:\n  subject: " + ALL_MASK + "\nhealth_terms: [\"a*b\"]\n"))
                .hasMessageContaining("bad health term 'a*b'");
    }

    @Test
    void notYamlIsRejected() {
        assertThatThrownBy(() -> policy("version: [unclosed\n"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("redaction policy is not valid YAML");
    }

    @Test
    void unknownFieldIsAnError() {
        RedactionPolicy policy = policy("version: v\nfields:\n  subject: " + ALL_MASK + "\nhealth_terms: [hiv]\n");

        assertThatThrownBy(() -> policy.mode("body", Detector.EMAIL))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no field 'body'");
    }
}
