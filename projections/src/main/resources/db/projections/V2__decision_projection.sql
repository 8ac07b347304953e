-- Latest decision per mail, written by the Debezium JDBC sink (connect/connectors/
-- ieim-decision-projection-sink.json) from the compacted decisions topic: upsert by message id,
-- delete on tombstone. Columns are the sink's flattened field names (identity.status ->
-- identity_status); nested evidence and candidates stay in the topic and the audit trail.
CREATE TABLE ieim_review.decision_projection (
    message_id                    varchar(128)     PRIMARY KEY,
    internet_message_id           text,
    decision_version              integer          NOT NULL,
    primary_intent                varchar(32)      NOT NULL,
    intents                       text[]           NOT NULL,
    risk_flags                    text[]           NOT NULL,
    queue                         varchar(40)      NOT NULL,
    action                        varchar(32)      NOT NULL,
    identity_status               varchar(16)      NOT NULL,
    identity_customer_id          varchar(64),
    identity_policy_id            varchar(64),
    identity_claim_id             varchar(64),
    identity_unmatched_references text[]           NOT NULL,
    needs_review                  boolean          NOT NULL,
    review_reasons                text[]           NOT NULL,
    confidence                    double precision NOT NULL,
    rule_fired                    text             NOT NULL,
    ruleset_version               text             NOT NULL,
    decision_hash                 varchar(64)      NOT NULL,
    received_at                   timestamptz
);

CREATE INDEX decision_projection_queue ON ieim_review.decision_projection (queue) WHERE needs_review;
