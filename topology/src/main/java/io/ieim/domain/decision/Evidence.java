package io.ieim.domain.decision;

import io.ieim.spec.AuditStage;
import io.ieim.spec.TextSource;

/**
 * One piece of evidence: which rule fired on which text span. The excerpt is redacted before it
 * leaves the domain; raw personal data never travels in evidence.
 *
 * @param stage   the stage that produced it
 * @param ruleId  the rule's id in its versioned ruleset (e.g. "intent.claim_new.de.unfall")
 * @param source  the text it was found in, or null
 * @param start   span start in that text, or -1
 * @param end     span end (exclusive), or -1
 * @param excerpt redacted excerpt around the span, or null
 */
public record Evidence(AuditStage stage, String ruleId, TextSource source, int start, int end, String excerpt) {
}
