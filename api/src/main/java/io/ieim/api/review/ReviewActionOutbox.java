package io.ieim.api.review;

import io.ieim.avro.ReviewAction;
import io.ieim.spec.Topics;
import org.apache.kafka.common.serialization.Serializer;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.UUID;

/**
 * Publishes a ReviewAction through the transactional outbox: the row is inserted and deleted again
 * in the caller's transaction. Debezium reads the insert from the WAL (so the event leaves if and
 * only if the action committed, in commit order); the table itself stays empty.
 */
@Component
public class ReviewActionOutbox {

    private final JdbcClient db;
    private final ObjectProvider<Serializer<ReviewAction>> serializer;

    public ReviewActionOutbox(JdbcClient db, ObjectProvider<Serializer<ReviewAction>> serializer) {
        this.db = db;
        this.serializer = serializer;
    }

    public void publish(ReviewAction action) {
        // the bytes the registry serde writes for the topic: the EventRouter passes them through unchanged
        byte[] payload = serializer.getObject().serialize(Topics.REVIEWER_ACTIONS.name(), action);
        UUID id = UUID.fromString(action.getActionId());
        db.sql("""
                        INSERT INTO ieim_review.outbox (id, aggregatetype, aggregateid, type, payload)
                        VALUES (:id, 'ReviewAction', :aggregate, :type, :payload)""")
                .param("id", id).param("aggregate", action.getMessageId()).param("type", action.getKind())
                .param("payload", payload)
                .update();
        db.sql("DELETE FROM ieim_review.outbox WHERE id = :id").param("id", id).update();
    }
}
