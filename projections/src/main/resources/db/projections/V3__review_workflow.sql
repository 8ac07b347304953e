-- The reviewers' side of the review schema: what the sinks project from the topics (audit index),
-- what the reviewer API owns (item state, actions, drafts, idempotency), and the queue views the
-- API reads. Projected tables are written only by the Debezium JDBC sink; the API never writes them.

-- One row per audit chain entry, written by connect/connectors/ieim-audit-index-sink.json from the
-- audit topic (upsert by the record key chain:sequence). The chain itself stays in the topic; this
-- index answers "the audit trail of a mail" without reading the whole topic.
CREATE TABLE ieim_review.audit_index (
    entry_key            varchar(300) PRIMARY KEY,
    event_id             varchar(200) NOT NULL,
    message_id           varchar(128),
    stage                varchar(32)  NOT NULL,
    decision_version     integer,
    chain_id             varchar(255),
    sequence             bigint,
    prev_hash            varchar(64),
    entry_hash           varchar(64),
    payload_hash         varchar(64)  NOT NULL,
    correction_action_id varchar(64),
    recorded_at          timestamptz  NOT NULL
);
CREATE INDEX audit_index_message ON ieim_review.audit_index (message_id, recorded_at);

-- Priority and SLA per queue, from spec/rules/review-service-levels-v1.yaml (repeatable migration).
CREATE TABLE ieim_review.queue_service_level (
    queue     varchar(40) PRIMARY KEY,
    priority  smallint    NOT NULL CHECK (priority BETWEEN 1 AND 9),
    sla_hours integer     NOT NULL CHECK (sla_hours > 0),
    ruleset   text        NOT NULL
);

-- The API's state of an item: who holds it and its optimistic-lock version (the ETag). An item
-- without a row is open and unassigned; the row is created on the first mutation.
CREATE TABLE ieim_review.review_item_state (
    message_id   varchar(128) PRIMARY KEY,
    assignee     varchar(255),
    assigned_at  timestamptz,
    lock_version bigint       NOT NULL DEFAULT 0,
    updated_at   timestamptz  NOT NULL DEFAULT now()
);

-- Every reviewer action, immutable: the same row goes out through the outbox as a ReviewAction.
CREATE TABLE ieim_review.reviewer_action (
    action_id                 uuid         PRIMARY KEY,
    message_id                varchar(128) NOT NULL,
    kind                      varchar(32)  NOT NULL,
    reviewer                  varchar(255) NOT NULL,
    based_on_decision_version integer,
    overrides                 jsonb        NOT NULL DEFAULT '{}'::jsonb,
    draft_id                  uuid,
    reason                    text,
    created_at                timestamptz  NOT NULL
);
CREATE INDEX reviewer_action_message ON ieim_review.reviewer_action (message_id, created_at);
CREATE FUNCTION ieim_review.refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'ieim_review.% is append-only', TG_TABLE_NAME;
END $$;
CREATE TRIGGER reviewer_action_append_only BEFORE UPDATE OR DELETE ON ieim_review.reviewer_action
    FOR EACH ROW EXECUTE FUNCTION ieim_review.refuse_change();

-- REQUEST_INFO reply drafts and their approvals; LEGAL and PRIVACY items need two different approvers.
CREATE TABLE ieim_review.reply_draft (
    draft_id           uuid         PRIMARY KEY,
    message_id         varchar(128) NOT NULL,
    body               text         NOT NULL,
    approvals_required smallint     NOT NULL CHECK (approvals_required IN (1, 2)),
    status             varchar(16)  NOT NULL DEFAULT 'PENDING' CHECK (status IN ('PENDING', 'APPROVED', 'REJECTED')),
    created_by         varchar(255) NOT NULL,
    created_at         timestamptz  NOT NULL,
    lock_version       bigint       NOT NULL DEFAULT 0
);
CREATE INDEX reply_draft_message ON ieim_review.reply_draft (message_id);

CREATE TABLE ieim_review.draft_decision (
    draft_id   uuid         NOT NULL REFERENCES ieim_review.reply_draft (draft_id),
    approver   varchar(255) NOT NULL,
    verdict    varchar(8)   NOT NULL CHECK (verdict IN ('APPROVE', 'REJECT')),
    action_id  uuid         NOT NULL REFERENCES ieim_review.reviewer_action (action_id),
    decided_at timestamptz  NOT NULL,
    PRIMARY KEY (draft_id, approver)
);

-- Idempotency-Key: the first result of a mutation per (caller, key), returned again for a repeat.
CREATE TABLE ieim_review.idempotent_request (
    subject         varchar(255) NOT NULL,
    idempotency_key varchar(255) NOT NULL,
    request_hash    varchar(64)  NOT NULL,
    status_code     smallint     NOT NULL,
    response_body   jsonb,
    response_etag   varchar(100),
    created_at      timestamptz  NOT NULL DEFAULT now(),
    PRIMARY KEY (subject, idempotency_key)
);

-- Open review items: the latest decision of every mail that needs review, with its queue's
-- priority and SLA due time. Within a queue the order by sla_due equals the order by received_at,
-- which the partial index serves for keyset pagination.
CREATE INDEX decision_projection_open_items
    ON ieim_review.decision_projection (queue, received_at, message_id) WHERE needs_review;

CREATE VIEW ieim_review.review_queue_items AS
SELECT d.message_id,
       d.queue,
       coalesce(l.priority, 9)                                          AS priority,
       d.received_at + make_interval(hours => coalesce(l.sla_hours, 24)) AS sla_due,
       d.received_at,
       d.decision_version,
       d.primary_intent,
       d.intents,
       d.risk_flags,
       d.action,
       d.identity_status,
       d.identity_customer_id,
       d.identity_policy_id,
       d.identity_claim_id,
       d.review_reasons,
       d.confidence,
       d.rule_fired,
       d.decision_hash,
       s.assignee,
       s.assigned_at,
       coalesce(s.lock_version, 0)                                      AS lock_version
FROM ieim_review.decision_projection d
LEFT JOIN ieim_review.queue_service_level l ON l.queue = d.queue
LEFT JOIN ieim_review.review_item_state s ON s.message_id = d.message_id
WHERE d.needs_review;

-- Per queue: open and unassigned items, overdue items (as of the query's now()), the next due time.
CREATE VIEW ieim_review.review_queue_summary AS
SELECT q.queue,
       q.priority,
       q.sla_hours,
       count(i.message_id)                                   AS open_items,
       count(i.message_id) FILTER (WHERE i.assignee IS NULL) AS unassigned_items,
       count(i.message_id) FILTER (WHERE i.sla_due < now())  AS overdue_items,
       min(i.sla_due)                                        AS next_due
FROM ieim_review.queue_service_level q
LEFT JOIN ieim_review.review_queue_items i ON i.queue = q.queue
GROUP BY q.queue, q.priority, q.sla_hours;
