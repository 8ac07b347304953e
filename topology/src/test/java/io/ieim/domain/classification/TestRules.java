package io.ieim.domain.classification;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

/** A small, hand-checkable ruleset for the mechanics tests (independent of the vocabulary of the real file). */
final class TestRules {

    static final String YAML = """
            version: "test-1"
            scoring:
              source_weights: {SUBJECT: 2.0, NEW_TEXT: 1.0, ATTACHMENT_NAME: 1.0, QUOTED_TEXT: 0.2, SENDER: 1.0}
              default_sources: [SUBJECT, NEW_TEXT, QUOTED_TEXT, ATTACHMENT_NAME]
              default_flag_sources: [SUBJECT, NEW_TEXT]
              language_mismatch_factor: 0.5
              min_intent_score: 1.5
              strength_scale: 2.5
              margin_weight: 0.5
              margin_excludes: [GENERAL_INQUIRY]
              conflict_margin: 0.34
              no_signal_intent: GENERAL_INQUIRY
              no_signal_confidence: 0.1
              max_scan_chars: 200
              excerpt_context: 10
            primary_intents: [LEGAL, PRIVACY_REQUEST, COMPLAINT, AUTO_REPLY, SPAM, CANCELLATION, CLAIM_UPDATE, CLAIM_NEW,
                              POLICY_CHANGE, BILLING, DOCUMENT_REQUEST, QUOTE_REQUEST, GENERAL_INQUIRY]
            conflict_pairs:
              - [CLAIM_NEW, CANCELLATION]
            intents:
              CLAIM_NEW:
                threshold: 0.5
                patterns:
                  - {id: de.unfall, weight: 3, terms: ["Unfall", "*unfall"]}
                  - {id: en.accident, weight: 3, terms: ["accident"]}
                negative:
                  - {id: any.claim_ref, weight: 3, regex: 'SC-\\d{4}-\\d{6}', sources: [SUBJECT, NEW_TEXT]}
              CLAIM_UPDATE: {threshold: 0.5, patterns: [{id: any.claim_ref, weight: 3, regex: 'SC-\\d{4}-\\d{6}'}]}
              POLICY_CHANGE: {threshold: 0.5}
              CANCELLATION:
                threshold: 0.5
                patterns: [{id: de.kuendigung, weight: 3, terms: ["kündig*", "*kündigung"]}]
              BILLING: {threshold: 0.5, patterns: [{id: de.rechnung, weight: 3, terms: ["Rechnung"]}]}
              QUOTE_REQUEST: {threshold: 0.5, patterns: [{id: de.angebot, weight: 3, terms: ["Angebot"]}]}
              DOCUMENT_REQUEST: {threshold: 0.5, patterns: [{id: de.bestaetigung, weight: 3, terms: ["Bestätigung"]}]}
              COMPLAINT: {threshold: 0.5, patterns: [{id: de.beschwerde, weight: 3, terms: ["Beschwerde"]}]}
              PRIVACY_REQUEST: {threshold: 0.5}
              LEGAL: {threshold: 0.5}
              GENERAL_INQUIRY: {threshold: 0.4, min_score: 1.0, patterns: [{id: de.frage, weight: 1, terms: ["Frage"]}]}
              AUTO_REPLY: {threshold: 0.5}
              SPAM: {threshold: 0.9, patterns: [{id: any.casino, weight: 3, terms: ["casino"]}]}
            risk_flags:
              LEGAL_THREAT: {threshold: 3}
              REGULATOR_ESCALATION: {threshold: 3}
              FRAUD_INDICATOR: {threshold: 3}
              VULNERABLE_CUSTOMER: {threshold: 3}
              URGENT: {threshold: 2, patterns: [{id: de.dringend, weight: 2, terms: ["dringend"]}]}
              MALWARE_SUSPECT: {threshold: 3}
              PII_SENSITIVE:
                threshold: 2
                sources: [SUBJECT, NEW_TEXT, ATTACHMENT_NAME]
                patterns: [{id: de.attest, weight: 3, terms: ["Attest"]}]
            headers:
              - {id: auto_submitted, header: auto-submitted, regex: '^\\s*auto-(?:replied|generated)', intent: AUTO_REPLY, weight: 10}
              - {id: x_autoreply, header: x-autoreply, intent: AUTO_REPLY, weight: 10}
            attachments:
              - {id: executable, flag: MALWARE_SUSPECT, weight: 10, extensions: [exe, docm]}
              - {id: double_extension, flag: MALWARE_SUSPECT, weight: 10, name_regex: '\\.pdf\\s*\\.exe$'}
              - {id: rtl_override, flag: MALWARE_SUSPECT, weight: 10, name_regex: '[\\u202E]'}
              - {id: sniffed, flag: MALWARE_SUSPECT, weight: 10, media_types: [application/x-dosexec]}
              - {id: known_sha256, flag: MALWARE_SUSPECT, weight: 10,
                 sha256: [275a021bbfb6489e54d471899f7db9d1663fc695ec2fe2a2c4538aabf651fd0f]}
            """;

    private TestRules() {
    }

    static ClassificationRules load(String yaml) {
        return ClassificationRules.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8)));
    }

    static Classifier classifier() {
        return new Classifier(load(YAML));
    }
}
