-- Review schema ieim_review (Flyway creates it), owned by these migrations: the Debezium JDBC
-- sink writes rows, never DDL.

-- Transactional outbox in the Debezium outbox layout. The reviewer API inserts an action and its
-- outbox row in one transaction (and deletes the row again in it: Debezium reads the insert from
-- the WAL, and the table stays empty). The payload is the Avro-encoded ReviewAction as the
-- registry's serde writes it, so the EventRouter passes it through with the ByteArrayConverter.
CREATE TABLE ieim_review.outbox (
    id            uuid         PRIMARY KEY,
    aggregatetype varchar(64)  NOT NULL,
    aggregateid   varchar(255) NOT NULL,
    type          varchar(64)  NOT NULL,
    payload       bytea        NOT NULL
);
