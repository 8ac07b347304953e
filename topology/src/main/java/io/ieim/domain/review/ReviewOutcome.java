package io.ieim.domain.review;

import io.ieim.spec.ReviewActionKind;

import java.util.List;
import java.util.Objects;

/** What a reviewer action does to a mail's decision: a new version, a record only, or a refusal. */
public sealed interface ReviewOutcome {

    /**
     * A correction applied: the next decision version.
     *
     * @param decision     the corrected decision, version + 1, with its new hash
     * @param correction   the reference it carries
     * @param changed      names of the outputs that changed (sorted), for the audit event
     * @param reasonSha256 hex SHA-256 of the reviewer's reason: the audit log proves the reason without holding it
     */
    record Corrected(DecisionSnapshot decision, Correction correction, List<String> changed, String reasonSha256)
            implements ReviewOutcome {
        public Corrected {
            changed = List.copyOf(changed);
        }
    }

    /** An action that makes no new version (assignment, draft approval or rejection): recorded in the audit log. */
    record Recorded(ReviewActionKind kind, int decisionVersion) implements ReviewOutcome {
    }

    /**
     * A refused action.
     *
     * @param refusal the reason code
     * @param detail  one line for operators: field names, versions and labels, never the reviewer's free text
     * @param kind    the action's kind when it is a known label, else null
     */
    record Refused(Refusal refusal, String detail, ReviewActionKind kind) implements ReviewOutcome {
        public Refused {
            Objects.requireNonNull(refusal, "refusal");
            Objects.requireNonNull(detail, "detail");
        }
    }
}
