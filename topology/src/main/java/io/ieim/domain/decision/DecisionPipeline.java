package io.ieim.domain.decision;

import io.ieim.domain.classification.Classification;
import io.ieim.domain.classification.ClassificationInput;
import io.ieim.domain.classification.ClassificationRules;
import io.ieim.domain.classification.Classifier;
import io.ieim.domain.classification.IntentModel;
import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.identity.IdentityResolution;
import io.ieim.domain.identity.IdentityResolver;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.TextParts;
import io.ieim.domain.mail.ThreadSplitter;
import io.ieim.domain.redaction.RedactedText;
import io.ieim.domain.redaction.RedactionPolicy;
import io.ieim.domain.redaction.Redactor;
import io.ieim.domain.routing.Route;
import io.ieim.domain.routing.Router;
import io.ieim.domain.routing.RoutingInput;
import io.ieim.domain.routing.RoutingRuleset;
import io.ieim.domain.signals.Signal;
import io.ieim.domain.signals.SignalExtractor;
import io.ieim.spec.AuditStage;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.TextSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * The decision of one mail, stage by stage: normalize (split new from quoted text), extract signals,
 * redact, resolve identity, classify, route, decide. A pure function of the mail, the identity data
 * consulted, the rulesets and the configuration; the decision hash pins all four.
 */
public class DecisionPipeline {

    /** Where the versioned rule files live on the classpath (packaged from spec/rules). */
    public static final String RULES = "/ieim/spec/rules/";

    private final SignalExtractor extractor = new SignalExtractor();
    private final IdentityResolver resolver = new IdentityResolver();
    private final DecisionHasher hasher = new DecisionHasher();
    private final Classifier classifier;
    private final Router router;
    private final Redactor redactor;
    private final IntentModel model;
    private final String rulesetVersion;
    private final String configHash;

    public DecisionPipeline(ClassificationRules classification, RoutingRuleset routing, RedactionPolicy redaction,
                            byte[] redactionKey) {
        this(classification, routing, redaction, redactionKey, IntentModel.NONE);
    }

    /** With an optional model provider's second opinion (see {@link IntentModel}). */
    public DecisionPipeline(ClassificationRules classification, RoutingRuleset routing, RedactionPolicy redaction,
                            byte[] redactionKey, IntentModel model) {
        this.model = model;
        this.classifier = new Classifier(classification);
        this.router = new Router(routing);
        this.redactor = new Redactor(redaction, redactionKey);
        this.rulesetVersion = "classification:" + classification.version() + "+routing:" + routing.version()
                + "+redaction:" + redaction.version();
        Map<String, String> config = new TreeMap<>();
        config.put("classification", classification.version());
        config.put("routing", routing.version());
        config.put("redaction", redaction.version());
        if (model != IntentModel.NONE) {
            config.put("intent_model", model.id()); // absent when off, so the default hash never changes
        }
        // which key, never the key: hashes in excerpts change with it, decisions do not
        config.put("redaction_key_id", Digests.sha256Hex(HexFormat.of().formatHex(redactionKey)).substring(0, 16));
        this.configHash = ConfigHash.of(config);
    }

    /** A pipeline with the same rules and configuration (for wrappers, e.g. in tests). */
    protected DecisionPipeline(DecisionPipeline other) {
        this.classifier = other.classifier;
        this.router = other.router;
        this.redactor = other.redactor;
        this.model = other.model;
        this.rulesetVersion = other.rulesetVersion;
        this.configHash = other.configHash;
    }

    /** The pipeline with the rule files shipped in the spec jar and an intent model. */
    public static DecisionPipeline standard(byte[] redactionKey, IntentModel model) {
        return new DecisionPipeline(
                ClassificationRules.load(resource("classification-v1.yaml")),
                RoutingRuleset.load(resource("routing-v1.yaml")),
                RedactionPolicy.load(resource("redaction-v1.yaml")),
                redactionKey, model);
    }

    /** The pipeline with the rule files shipped in the spec jar. */
    public static DecisionPipeline standard(byte[] redactionKey) {
        return new DecisionPipeline(
                ClassificationRules.load(resource("classification-v1.yaml")),
                RoutingRuleset.load(resource("routing-v1.yaml")),
                RedactionPolicy.load(resource("redaction-v1.yaml")),
                redactionKey);
    }

    private static InputStream resource(String name) {
        InputStream in = DecisionPipeline.class.getResourceAsStream(RULES + name);
        if (in == null) {
            throw new UncheckedIOException(new IOException("rule file " + RULES + name + " not on the classpath"));
        }
        return in;
    }

    public String rulesetVersion() {
        return rulesetVersion;
    }

    public String configHash() {
        return configHash;
    }

    /** Applies reviewers' actions to decisions under this pipeline's review policy. */
    public io.ieim.domain.review.CorrectionApplier corrections() {
        return new io.ieim.domain.review.CorrectionApplier(router, hasher);
    }

    public DecisionOutcome decide(MailView mail, IdentityDirectory directory, StageObserver observer) {
        List<DecisionOutcome.StageRecord> stages = new ArrayList<>();
        String inputDigest = inputDigest(mail);

        // 1. normalized: what the sender wrote now, apart from what it quotes
        TextParts parts = mail.parseFailed() ? new TextParts("", "") : ThreadSplitter.split(mail.bodyText(), mail.subject());
        stages.add(stage(AuditStage.NORMALIZED, Digests.sha256Hex(parts.newText() + "\u0000" + parts.quotedText()), details(
                "language", String.valueOf(mail.language()),
                "new_text_chars", Integer.toString(parts.newText().length()),
                "quoted_text_chars", Integer.toString(parts.quotedText().length()),
                "attachments", Integer.toString(mail.attachments().size()),
                "parse_failed", Boolean.toString(mail.parseFailed()))));
        observer.stageFinished(AuditStage.NORMALIZED);

        // 2. redacted: the subject as analysts may see it; evidence excerpts are redacted the same way
        RedactedText subject = redactor.redact("subject", mail.subject() == null ? "" : mail.subject());
        stages.add(stage(AuditStage.REDACTED, Digests.sha256Hex(subject.text()), details(
                "subject", subject.text(),
                "subject_findings", Integer.toString(subject.findings().size()))));
        observer.stageFinished(AuditStage.REDACTED);

        // 3. identity, against the identity data as it is now (pinned by the snapshot digest)
        List<Signal> signals = mail.parseFailed() ? List.of() : extractor.extract(mail, parts);
        IdentityResolution identity = resolver.resolve(signals, directory);
        stages.add(stage(AuditStage.IDENTITY_RESOLVED, identity.snapshotDigest(), details(
                "status", identity.status().name(),
                "reason", String.valueOf(identity.reason()),
                "customer_id", String.valueOf(identity.customerId()),
                "policy_id", String.valueOf(identity.policyId()),
                "claim_id", String.valueOf(identity.claimId()),
                "unmatched_references", String.join(",", identity.unmatchedReferences()),
                "signals", signals.stream().map(s -> s.kind() + "@" + s.source())
                        .collect(Collectors.groupingBy(x -> x, TreeMap::new, Collectors.counting())).toString())));
        observer.stageFinished(AuditStage.IDENTITY_RESOLVED);

        // 4. classified
        ClassificationInput classificationInput = ClassificationInput.of(mail, parts);
        Classification classification = mail.parseFailed() ? null
                : IntentModel.review(classifier.classify(classificationInput), model, classificationInput);
        stages.add(stage(AuditStage.CLASSIFIED, classification == null ? Digests.sha256Hex("") : Digests.sha256Hex(
                classification.primaryIntent() + "|" + classification.intents() + "|" + classification.riskFlags()
                        + "|" + classification.confidence()), classification == null ? details("skipped", "unparseable")
                : details("primary_intent", classification.primaryIntent().name(),
                "intents", classification.intents().toString(),
                "risk_flags", classification.riskFlags().toString(),
                "confidence", Double.toString(classification.confidence()),
                "below_threshold", Boolean.toString(classification.belowThreshold()),
                "conflict", Boolean.toString(classification.conflict()))));
        observer.stageFinished(AuditStage.CLASSIFIED);

        // 5. routed
        Route route = router.route(new RoutingInput(mail.parseFailed(),
                classification == null ? null : classification.primaryIntent(),
                classification == null ? List.of() : classification.intents(),
                classification == null ? java.util.Set.of() : java.util.Set.copyOf(classification.riskFlags()),
                identity.status(),
                identity.status() == IdentityStatus.CONFIRMED && identity.claimId() != null,
                classification != null && classification.belowThreshold(),
                classification != null && classification.conflict()));
        stages.add(stage(AuditStage.ROUTED, Digests.sha256Hex(route.queue() + "|" + route.action() + "|" + route.ruleFired()),
                details("queue", route.queue().name(), "action", route.action().name(), "rule", route.ruleFired(),
                        "needs_review", Boolean.toString(route.needsReview()))));
        observer.stageFinished(AuditStage.ROUTED);

        // 6. decided
        String hash = hasher.hash(DecisionHashInput.of(inputDigest, rulesetVersion, configHash,
                classification == null ? Classification.none() : classification, identity, route, 1, null));
        stages.add(stage(AuditStage.DECIDED, hash, details("decision_hash", hash, "decision_version", "1")));
        observer.stageFinished(AuditStage.DECIDED);

        List<Evidence> evidence = new ArrayList<>();
        for (Signal s : signals) {
            if (s.kind().isReference()) {
                evidence.add(new Evidence(AuditStage.IDENTITY_RESOLVED, "signal." + s.kind().name().toLowerCase(),
                        s.source(), s.start(), s.end(), s.value()));
            }
        }
        if (classification != null) {
            for (Evidence e : classification.evidence()) {
                evidence.add(new Evidence(e.stage(), e.ruleId(), e.source(), e.start(), e.end(),
                        e.excerpt() == null ? null : redactor.redact("evidence_excerpt", e.excerpt()).text()));
            }
        }
        evidence.add(new Evidence(AuditStage.ROUTED, route.ruleFired(), null, -1, -1, null));

        return new DecisionOutcome(mail.messageId(), mail.internetMessageId(), 1,
                classification == null ? null : classification.primaryIntent(),
                classification == null ? List.of() : classification.intents(),
                classification == null ? List.of() : classification.riskFlags(),
                route.queue(), route.action(), identity, route.needsReview(), route.reviewReasons(),
                classification == null ? 0.0 : classification.confidence(),
                route.ruleFired(), rulesetVersion, configHash, inputDigest, hash, evidence, stages);
    }

    /**
     * The decision for a mail the topology could not process (a dead letter whose mail id is known):
     * SECURITY_QUARANTINE by rule 1, like a mail that cannot be parsed. Fail closed.
     */
    public DecisionOutcome quarantine(String messageId, String internetMessageId, String reason) {
        MailView unreadable = new MailView(messageId, internetMessageId, null, null, null, null, null, List.of(),
                Map.of(), true, List.of(reason));
        return decide(unreadable, InMemoryIdentityDirectory.empty(), StageObserver.NONE);
    }

    /** Digest of everything the decision reads from the mail (its id is already the hash of the raw bytes). */
    static String inputDigest(MailView mail) {
        Map<String, Object> input = new TreeMap<>();
        input.put("message_id", mail.messageId());
        input.put("internet_message_id", mail.internetMessageId());
        input.put("from", mail.fromAddress());
        input.put("from_name", mail.fromName());
        input.put("subject", mail.subject());
        input.put("body", mail.bodyText());
        input.put("language", mail.language());
        input.put("headers", new TreeMap<>(mail.headers()));
        input.put("parse_failed", mail.parseFailed());
        input.put("attachments", mail.attachments().stream().map(a -> a.fileName() + "|" + a.sniffedMediaType()
                + "|" + a.sizeBytes() + "|" + a.sha256()
                // the scanning stage's findings, only when it ran: without it every digest stays as it was
                + (a.scanVerdict() == null && a.extractedText() == null ? "" : "|" + a.scanVerdict() + "|"
                + a.scanSignature() + "|" + (a.extractedText() == null ? null : Digests.sha256Hex(a.extractedText()))))
                .toList());
        return Digests.sha256Hex(CanonicalJson.canonicalize(input));
    }

    private static DecisionOutcome.StageRecord stage(AuditStage stage, String payloadHash, Map<String, String> details) {
        return new DecisionOutcome.StageRecord(stage, payloadHash, details);
    }

    private static Map<String, String> details(String... keyValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            map.put(keyValues[i], keyValues[i + 1]);
        }
        return new TreeMap<>(map);
    }
}
