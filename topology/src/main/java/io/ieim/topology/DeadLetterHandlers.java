package io.ieim.topology;

import io.ieim.spec.AuditStage;
import io.ieim.spec.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.apache.kafka.streams.errors.ProcessingExceptionHandler;
import org.apache.kafka.streams.processor.api.Record;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;

/**
 * Kafka Streams error handlers (KIP-1033/1034): a record that cannot be read or processed becomes a
 * dead letter, an audit event and, for a known mail, a quarantine decision; the task resumes.
 */
final class DeadLetterHandlers {

    /** Config key under which the topology passes its {@link DeadLetters} to the handlers. */
    static final String DEAD_LETTERS_CONFIG = "ieim.dead.letters";
    static final String METRICS_CONFIG = "ieim.decision.metrics";

    private static final Logger LOG = LoggerFactory.getLogger(DeadLetterHandlers.class);

    private DeadLetterHandlers() {
    }

    private static DeadLetters deadLetters(Map<String, ?> configs) {
        Object value = configs.get(DEAD_LETTERS_CONFIG);
        if (!(value instanceof DeadLetters letters)) {
            throw new IllegalStateException(DEAD_LETTERS_CONFIG + " is not configured");
        }
        return letters;
    }

    private static DecisionMetrics metrics(Map<String, ?> configs) {
        return configs.get(METRICS_CONFIG) instanceof DecisionMetrics m ? m : null;
    }

    /** What both handlers take from the Streams configuration. */
    private abstract static class Configured implements org.apache.kafka.common.Configurable {
        DeadLetters deadLetters;
        DecisionMetrics metrics;

        @Override
        public void configure(Map<String, ?> configs) {
            deadLetters = deadLetters(configs);
            metrics = metrics(configs);
        }
    }

    /** Values (or keys) that cannot be deserialized. */
    public static final class Deserialization extends Configured implements DeserializationExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record, Exception exception) {
            LOG.warn("dead letter: unreadable record {}-{}@{}: {}", context.topic(), context.partition(),
                    context.offset(), DeadLetters.reason(exception));
            if (metrics != null) {
                metrics.deadLetter(AuditStage.INGESTED.name(), exception.getClass().getSimpleName());
            }
            return Response.resume(deadLetters.records(context, record.key(), record.value(), exception, AuditStage.INGESTED));
        }
    }

    /** Exceptions thrown while a processor handles a record. */
    public static final class Processing extends Configured implements ProcessingExceptionHandler {

        @Override
        public Response handleError(ErrorHandlerContext context, Record<?, ?> record, Exception exception) {
            if (exception instanceof RetryLater) {
                // nothing is wrong with the record: fail the task, the replaced thread processes it again
                LOG.warn("retry later: {}-{}@{} in {}: {}", context.topic(), context.partition(), context.offset(),
                        context.processorNodeId(), DeadLetters.reason(exception));
                return Response.fail();
            }
            LOG.warn("dead letter: processing failed for {}-{}@{} in {}: {}", context.topic(), context.partition(),
                    context.offset(), context.processorNodeId(), DeadLetters.reason(exception));
            // the stage that could not be completed: a refused reviewer action names its own
            AuditStage stage = exception instanceof ReviewActionRefused refused ? refused.stage()
                    : Topics.REVIEWER_ACTIONS.name().equals(context.topic()) ? AuditStage.CORRECTED
                    : "scan".equals(context.processorNodeId()) ? AuditStage.ATTACHMENTS_SCANNED : AuditStage.DECIDED;
            if (metrics != null) {
                metrics.deadLetter(stage.name(), exception.getClass().getSimpleName());
            }
            return Response.resume(deadLetters.records(context, context.sourceRawKey(), context.sourceRawValue(),
                    exception, stage));
        }
    }
}
