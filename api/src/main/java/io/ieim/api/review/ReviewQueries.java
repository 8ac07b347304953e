package io.ieim.api.review;

import io.ieim.api.review.ReviewViews.AuditEntry;
import io.ieim.api.review.ReviewViews.Decision;
import io.ieim.api.review.ReviewViews.Draft;
import io.ieim.api.review.ReviewViews.DraftDecision;
import io.ieim.api.review.ReviewViews.ItemDetail;
import io.ieim.api.review.ReviewViews.ItemFilter;
import io.ieim.api.review.ReviewViews.ItemPage;
import io.ieim.api.review.ReviewViews.QueueItem;
import io.ieim.api.review.ReviewViews.QueueSummary;
import io.ieim.api.review.ReviewViews.ReviewState;
import io.ieim.api.security.Caller;
import io.ieim.api.web.ApiException;
import io.ieim.spec.Intent;
import io.ieim.spec.Queue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The read side: queues, queue listings and item details, as the caller may see them. */
@Service
@Transactional(readOnly = true)
public class ReviewQueries {

    public static final int MAX_LIMIT = 200;

    private final JdbcClient db;

    public ReviewQueries(JdbcClient db) {
        this.db = db;
    }

    /** Every queue with its service level and counts; PRIVACY only for those who may see its items. */
    public List<QueueSummary> queues(Caller caller) {
        return db.sql("""
                        SELECT queue, priority, sla_hours, open_items, unassigned_items, overdue_items, next_due
                        FROM ieim_review.review_queue_summary ORDER BY priority, queue""")
                .query((rs, n) -> new QueueSummary(rs.getString("queue"), rs.getInt("priority"),
                        rs.getInt("sla_hours"), rs.getLong("open_items"), rs.getLong("unassigned_items"),
                        rs.getLong("overdue_items"), Rows.instant(rs, "next_due")))
                .list().stream()
                .filter(q -> caller.seesPrivacyItems() || !Queue.PRIVACY.name().equals(q.queue()))
                .toList();
    }

    /** Open items of a queue, oldest first, by keyset pagination on (received_at, message_id). */
    public ItemPage items(Caller caller, String queueLabel, ItemFilter filter, int limit, String cursor) {
        Queue queue = Labels.parse(Queue.class, "queue", queueLabel);
        if (queue == Queue.PRIVACY && !caller.seesPrivacyItems()) {
            throw ApiException.notFound("queue");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ApiException.invalidField("limit", "limit must be between 1 and " + MAX_LIMIT);
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM ieim_review.review_queue_items WHERE queue = :queue");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("queue", queue.name());
        if (filter.assignee() != null) {
            sql.append(" AND assignee = :assignee");
            params.put("assignee", filter.assignee());
        }
        if (filter.intent() != null) {
            Intent intent = Labels.parse(Intent.class, "intent", filter.intent());
            sql.append(" AND (primary_intent = :intent OR :intent = ANY(intents))");
            params.put("intent", intent.name());
        }
        if (filter.overdue() != null) {
            sql.append(filter.overdue() ? " AND sla_due < now()" : " AND NOT (sla_due < now())");
        }
        if (cursor != null && !cursor.isBlank()) {
            ItemCursor after = ItemCursor.decode(cursor);
            params.put("after_id", after.messageId());
            if (after.receivedAt() == null) {
                // items without a receive time sort last; past the cursor only those with a greater id
                sql.append(" AND received_at IS NULL AND message_id > :after_id");
            } else {
                sql.append(" AND ((received_at, message_id) > (:after_at, :after_id) OR received_at IS NULL)");
                params.put("after_at", Timestamp.from(after.receivedAt()));
            }
        }
        sql.append(" ORDER BY received_at ASC NULLS LAST, message_id ASC LIMIT :limit");
        params.put("limit", limit + 1);
        List<QueueItem> rows = new ArrayList<>(db.sql(sql.toString()).params(params)
                .query((rs, n) -> queueItem(rs)).list());
        String next = null;
        if (rows.size() > limit) {
            rows.remove(rows.size() - 1);
            QueueItem last = rows.get(rows.size() - 1);
            next = new ItemCursor(last.receivedAt(), last.messageId()).encode();
        }
        return new ItemPage(List.copyOf(rows), next);
    }

    /** The item with its decision, review state, audit trail and drafts; 404 when the caller may not see it. */
    public ItemDetail item(Caller caller, String messageId) {
        ItemDetail detail = db.sql("""
                        SELECT d.*, coalesce(l.priority, 9) AS priority,
                               d.received_at + make_interval(hours => coalesce(l.sla_hours, 24)) AS sla_due,
                               s.assignee, s.assigned_at, coalesce(s.lock_version, 0) AS lock_version
                        FROM ieim_review.decision_projection d
                        LEFT JOIN ieim_review.queue_service_level l ON l.queue = d.queue
                        LEFT JOIN ieim_review.review_item_state s ON s.message_id = d.message_id
                        WHERE d.message_id = :id""")
                .param("id", messageId)
                .query((rs, n) -> {
                    Decision decision = decision(rs);
                    ReviewState state = new ReviewState(rs.getString("assignee"), Rows.instant(rs, "assigned_at"),
                            rs.getLong("lock_version"));
                    return new ItemDetail(messageId, decision, state, rs.getInt("priority"), Rows.instant(rs, "sla_due"),
                            List.of(), List.of(), new ItemTag(decision.decisionVersion(), state.lockVersion()));
                })
                .optional()
                .orElseThrow(() -> ApiException.notFound("item"));
        if (Queue.PRIVACY.name().equals(detail.decision().queue()) && !caller.seesPrivacyItems()) {
            throw ApiException.notFound("item"); // 404, not 403: the item's existence is itself private
        }
        return new ItemDetail(detail.messageId(), detail.decision(), detail.review(), detail.priority(),
                detail.slaDue(), auditTrail(messageId), drafts(messageId), detail.tag());
    }

    private List<AuditEntry> auditTrail(String messageId) {
        return db.sql("""
                        SELECT * FROM ieim_review.audit_index WHERE message_id = :id
                        ORDER BY recorded_at, chain_id, sequence""")
                .param("id", messageId)
                .query((rs, n) -> new AuditEntry(rs.getString("event_id"), rs.getString("stage"),
                        Rows.integer(rs, "decision_version"), rs.getString("chain_id"), Rows.longValue(rs, "sequence"),
                        rs.getString("prev_hash"), rs.getString("entry_hash"), rs.getString("payload_hash"),
                        rs.getString("correction_action_id"), Rows.instant(rs, "recorded_at")))
                .list();
    }

    private List<Draft> drafts(String messageId) {
        Map<String, List<DraftDecision>> decisions = new LinkedHashMap<>();
        db.sql("""
                        SELECT dd.* FROM ieim_review.draft_decision dd
                        JOIN ieim_review.reply_draft d ON d.draft_id = dd.draft_id
                        WHERE d.message_id = :id ORDER BY dd.decided_at, dd.approver""")
                .param("id", messageId)
                .query((ResultSet rs) -> {
                    decisions.computeIfAbsent(rs.getString("draft_id"), k -> new ArrayList<>())
                            .add(new DraftDecision(rs.getString("approver"), rs.getString("verdict"),
                                    rs.getString("action_id"), Rows.instant(rs, "decided_at")));
                });
        return db.sql("SELECT * FROM ieim_review.reply_draft WHERE message_id = :id ORDER BY created_at, draft_id")
                .param("id", messageId)
                .query((rs, n) -> new Draft(rs.getString("draft_id"), rs.getString("message_id"), rs.getString("body"),
                        rs.getInt("approvals_required"), rs.getString("status"), rs.getString("created_by"),
                        Rows.instant(rs, "created_at"),
                        List.copyOf(decisions.getOrDefault(rs.getString("draft_id"), List.of()))))
                .list();
    }

    private static QueueItem queueItem(ResultSet rs) throws SQLException {
        return new QueueItem(rs.getString("message_id"), rs.getString("queue"), rs.getInt("priority"),
                Rows.instant(rs, "sla_due"), Rows.instant(rs, "received_at"), rs.getInt("decision_version"),
                rs.getString("primary_intent"), Rows.texts(rs, "intents"), Rows.texts(rs, "risk_flags"),
                rs.getString("action"), rs.getString("identity_status"), rs.getString("identity_customer_id"),
                rs.getString("identity_policy_id"), rs.getString("identity_claim_id"),
                Rows.texts(rs, "review_reasons"), rs.getDouble("confidence"), rs.getString("assignee"),
                rs.getLong("lock_version"));
    }

    private static Decision decision(ResultSet rs) throws SQLException {
        return new Decision(rs.getInt("decision_version"), rs.getString("internet_message_id"),
                rs.getString("primary_intent"), Rows.texts(rs, "intents"), Rows.texts(rs, "risk_flags"),
                rs.getString("queue"), rs.getString("action"), rs.getString("identity_status"),
                rs.getString("identity_customer_id"), rs.getString("identity_policy_id"),
                rs.getString("identity_claim_id"), Rows.texts(rs, "identity_unmatched_references"),
                rs.getBoolean("needs_review"), Rows.texts(rs, "review_reasons"), rs.getDouble("confidence"),
                rs.getString("rule_fired"), rs.getString("ruleset_version"), rs.getString("decision_hash"),
                Rows.instant(rs, "received_at"));
    }
}
