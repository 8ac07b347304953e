package io.ieim.api.review;

import java.time.Instant;
import java.util.List;

/** What the read side returns; field names become snake_case on the wire. */
public final class ReviewViews {

    private ReviewViews() {
    }

    public record QueueSummary(String queue, int priority, int slaHours, long openItems, long unassignedItems,
                               long overdueItems, Instant nextDue) {
    }

    public record QueueItem(String messageId, String queue, int priority, Instant slaDue, Instant receivedAt,
                            int decisionVersion, String primaryIntent, List<String> intents,
                            List<String> riskFlags, String action, String identityStatus,
                            String identityCustomerId, String identityPolicyId, String identityClaimId,
                            List<String> reviewReasons, double confidence, String assignee, long lockVersion) {
    }

    public record ItemPage(List<QueueItem> items, String nextCursor) {
    }

    /** Filters of a queue listing; null means "any". */
    public record ItemFilter(String assignee, String intent, Boolean overdue) {
    }

    public record Decision(int decisionVersion, String internetMessageId, String primaryIntent, List<String> intents,
                           List<String> riskFlags, String queue, String action, String identityStatus,
                           String identityCustomerId, String identityPolicyId, String identityClaimId,
                           List<String> identityUnmatchedReferences, boolean needsReview,
                           List<String> reviewReasons, double confidence, String ruleFired, String rulesetVersion,
                           String decisionHash, Instant receivedAt) {
    }

    public record ReviewState(String assignee, Instant assignedAt, long lockVersion) {
    }

    public record AuditEntry(String eventId, String stage, Integer decisionVersion, String chainId, Long sequence,
                             String prevHash, String entryHash, String payloadHash, String correctionActionId,
                             Instant recordedAt) {
    }

    public record DraftDecision(String approver, String verdict, String actionId, Instant decidedAt) {
    }

    public record Draft(String draftId, String messageId, String body, int approvalsRequired, String status,
                        String createdBy, Instant createdAt, List<DraftDecision> decisions) {
    }

    public record ItemDetail(String messageId, Decision decision, ReviewState review, int priority, Instant slaDue,
                             List<AuditEntry> auditTrail, List<Draft> drafts,
                             @com.fasterxml.jackson.annotation.JsonIgnore ItemTag tag) {
    }
}
