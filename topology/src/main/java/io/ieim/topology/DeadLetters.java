package io.ieim.topology;

import io.ieim.avro.AuditEvent;
import io.ieim.avro.DeadLetter;
import io.ieim.avro.Decision;
import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.Digests;
import io.ieim.spec.AuditStage;
import io.ieim.spec.Topics;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.errors.ErrorHandlerContext;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What a failed record leaves behind, produced in the same transaction as the task's other output:
 * a dead letter with the reason and where it came from, an audit event, and, when the failed record
 * is a mail whose id is known, a SECURITY_QUARANTINE decision, so no mail silently disappears.
 */
final class DeadLetters {

    /** Payloads beyond this stay in the source topic; the dead letter keeps their hash and size. */
    static final int MAX_PAYLOAD_COPY = 512 * 1024;
    private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-f]{64}");

    private final Serializer<DeadLetter> deadLetters;
    private final Serializer<AuditEvent> audits;
    private final Serializer<Decision> decisions;
    private final DecisionPipeline pipeline;
    private final StringSerializer keys = new StringSerializer();

    DeadLetters(SerdeFactory serdes, DecisionPipeline pipeline) {
        this.deadLetters = serdes.serde(DeadLetter.class).serializer();
        this.audits = serdes.serde(AuditEvent.class).serializer();
        this.decisions = serdes.serde(Decision.class).serializer();
        this.pipeline = pipeline;
    }

    List<ProducerRecord<byte[], byte[]>> records(ErrorHandlerContext context, byte[] rawKey, byte[] rawValue,
                                                 Exception exception, AuditStage stage) {
        String key = rawKey == null ? null : new String(rawKey, StandardCharsets.UTF_8);
        String messageId = key != null && MESSAGE_ID.matcher(key).matches() ? key : null;
        String payloadHash = Digests.sha256Hex(rawValue == null ? new byte[0] : rawValue);
        String reason = reason(exception);
        Instant timestamp = Instant.ofEpochMilli(context.timestamp());
        DeadLetter letter = DeadLetter.newBuilder()
                .setReason(reason)
                .setErrorClass(rootCause(exception).getClass().getName())
                .setStage(stage.name())
                .setMessageId(messageId)
                .setSourceTopic(context.topic())
                .setSourcePartition(context.partition())
                .setSourceOffset(context.offset())
                .setSourceTimestamp(timestamp)
                .setKey(rawKey == null ? null : java.nio.ByteBuffer.wrap(rawKey))
                .setPayload(rawValue == null || rawValue.length > MAX_PAYLOAD_COPY ? null : java.nio.ByteBuffer.wrap(rawValue))
                .setPayloadSha256(payloadHash)
                .setPayloadSizeBytes(rawValue == null ? 0 : rawValue.length)
                .build();
        String letterKey = messageId != null ? messageId : context.topic() + ":" + context.partition() + ":" + context.offset();
        List<ProducerRecord<byte[], byte[]>> out = new ArrayList<>();
        out.add(record(Topics.DEAD_LETTERS.name(), letterKey, deadLetters.serialize(Topics.DEAD_LETTERS.name(), letter)));

        String auditSubject = messageId != null ? messageId : letterKey;
        Map<String, String> details = new TreeMap<>(Map.of(
                "reason", reason,
                "source_topic", String.valueOf(context.topic()),
                "source_partition", Integer.toString(context.partition()),
                "source_offset", Long.toString(context.offset()),
                "failed_stage", stage.name()));
        ReviewActionRefused refused = rootCause(exception) instanceof ReviewActionRefused r ? r : null;
        int version = refused == null || refused.decisionVersion() == null ? 1 : refused.decisionVersion();
        AuditEvent audit = DecisionMapping.audit(auditSubject, version, AuditStage.DEAD_LETTERED, payloadHash, details, timestamp);
        if (refused != null) {
            // one event per refused action (a mail may have several), about the version it was refused against
            details.put("action_id", refused.actionId());
            details.put("refusal", refused.refusal().name());
            audit.setDetails(details);
            audit.setEventId(audit.getEventId() + ":" + refused.actionId());
            audit.setDecisionVersion(refused.decisionVersion());
        }
        if (messageId == null) {
            audit.setMessageId(null);
        }
        out.add(record(Topics.AUDIT_PENDING.name(), audit.getEventId(), audits.serialize(Topics.AUDIT_PENDING.name(), audit)));

        if (messageId != null && Topics.MAIL_RECEIVED.name().equals(context.topic())) {
            DecisionOutcome quarantine = pipeline.quarantine(messageId, null, "processing failed: " + reason);
            Decision decision = DecisionMapping.decision(quarantine, null);
            out.add(record(Topics.DECISIONS.name(), messageId, decisions.serialize(Topics.DECISIONS.name(), decision)));
        }
        return out;
    }

    private ProducerRecord<byte[], byte[]> record(String topic, String key, byte[] value) {
        return new ProducerRecord<>(topic, keys.serialize(topic, key), value);
    }

    /** Class and message of the root cause, on one line, cut short: never the payload itself. */
    static String reason(Exception exception) {
        Throwable root = rootCause(exception);
        String message = root.getMessage() == null ? "" : root.getMessage().replaceAll("\\s+", " ");
        if (message.length() > 200) {
            message = message.substring(0, 200) + "...";
        }
        return root.getClass().getSimpleName() + (message.isEmpty() ? "" : ": " + message);
    }

    private static Throwable rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t;
    }
}
