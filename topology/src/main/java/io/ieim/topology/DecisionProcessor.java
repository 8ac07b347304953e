package io.ieim.topology;

import io.ieim.avro.Claim;
import io.ieim.avro.Customer;
import io.ieim.avro.Decision;
import io.ieim.avro.IdentityIndexEntry;
import io.ieim.avro.MailReceived;
import io.ieim.avro.Policy;
import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.spec.AuditStage;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;

import java.time.Instant;
import java.util.Map;

/**
 * Decides one mail: runs the domain pipeline against the identity stores, emits one audit event per
 * stage and the decision, and keeps the latest decision per mail for interactive queries.
 */
final class DecisionProcessor implements Processor<String, MailReceived, String, SpecificRecord> {

    static final String DECISIONS_STORE = "decisions";

    private final DecisionPipeline pipeline;
    private final DecisionMetrics metrics;
    private ProcessorContext<String, SpecificRecord> context;
    private IdentityStores identity;
    private KeyValueStore<String, Decision> decisions;

    DecisionProcessor(DecisionPipeline pipeline, DecisionMetrics metrics) {
        this.pipeline = pipeline;
        this.metrics = metrics;
    }

    @Override
    public void init(ProcessorContext<String, SpecificRecord> context) {
        this.context = context;
        TimestampedKeyValueStore<String, Customer> customers = context.getStateStore(IdentityStores.CUSTOMERS);
        TimestampedKeyValueStore<String, Policy> policies = context.getStateStore(IdentityStores.POLICIES);
        TimestampedKeyValueStore<String, Claim> claims = context.getStateStore(IdentityStores.CLAIMS);
        TimestampedKeyValueStore<String, IdentityIndexEntry> index = context.getStateStore(IdentityStores.INDEX);
        this.identity = new IdentityStores(customers, policies, claims, index);
        this.decisions = context.getStateStore(DECISIONS_STORE);
    }

    @Override
    public void process(Record<String, MailReceived> record) {
        MailReceived mail = record.value();
        if (mail == null) {
            return; // a tombstone on the mail topic carries nothing to decide
        }
        // the input record's time, not the wall clock: a replay writes identical audit events
        Instant recordedAt = Instant.ofEpochMilli(record.timestamp());
        String messageId = mail.getMessageId();
        emitAudit(record, messageId, 1, AuditStage.INGESTED, mail.getRawMime().getSha256(), Map.of(
                "source_channel", mail.getSourceChannel(),
                "parse_status", mail.getParseStatus(),
                "raw_size_bytes", Long.toString(mail.getRawMime().getSizeBytes())), recordedAt);

        long[] last = {System.nanoTime()};
        DecisionOutcome outcome = pipeline.decide(MailMapping.view(mail), identity, stage -> {
            long now = System.nanoTime();
            metrics.stage(stage, now - last[0]);
            last[0] = now;
        });
        for (DecisionOutcome.StageRecord stage : outcome.stages()) {
            emitAudit(record, messageId, outcome.decisionVersion(), stage.stage(), stage.payloadHash(),
                    stage.details(), recordedAt);
        }
        Decision decision = DecisionMapping.decision(outcome, mail.getReceivedAt());
        decisions.put(messageId, decision);
        context.forward(record.withKey(messageId).withValue(decision));
        metrics.decided(outcome);
    }

    private void emitAudit(Record<String, MailReceived> record, String messageId, int version, AuditStage stage,
                           String payloadHash, Map<String, String> details, Instant recordedAt) {
        var event = DecisionMapping.audit(messageId, version, stage, payloadHash, details, recordedAt);
        context.forward(record.withKey(event.getEventId()).withValue(event));
    }
}
