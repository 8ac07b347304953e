package io.ieim.cli;

import io.ieim.avro.Decision;
import io.ieim.devstack.EmbeddedStack;
import io.ieim.devstack.StackConfig;
import io.ieim.spec.Topics;
import io.ieim.topology.evaluation.Evaluation;
import io.ieim.topology.evaluation.GoldCorpus;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code ieim demo}: the stack and the decision topology up, the sample identity data imported, the
 * sample mails ingested, every decision awaited, and a summary against the gold labels.
 */
@Command(name = "demo", description = "Stack up, import data/samples identity, ingest data/samples mail, summarize decisions.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--samples", paramLabel = "DIR", description = "Sample corpus (default: data/samples).")
    Path samples;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300")
    long timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = new PrintWriter(System.out, true);
        StackConfig config = StackConfig.fromEnvironment();
        Path root = samples != null ? samples : config.home().resolve("data").resolve("samples");
        GoldCorpus corpus = GoldCorpus.load(root);

        Instant begin = Instant.now();
        DevCommand.print(out, new EmbeddedStack(config).up());
        Topology.ensureRunning(config, Duration.ofSeconds(120));
        out.println("topology running: http://127.0.0.1:" + config.topologyPort() + "/health");

        int rc = Ieim.run("identity", "import",
                "--customers", corpus.identityDir().resolve("customers.csv").toString(),
                "--policies", corpus.identityDir().resolve("policies.csv").toString(),
                "--claims", corpus.identityDir().resolve("claims.csv").toString());
        if (rc != 0) {
            return rc;
        }
        awaitIdentityIndexed(config, Duration.ofSeconds(60));
        rc = Ieim.run("ingest", corpus.mailDir().toString());
        if (rc != 0) {
            return rc;
        }
        Instant ingested = Instant.now();
        Map<String, Decision> decisions = awaitDecisions(config, corpus, Duration.ofSeconds(timeoutSeconds));
        Duration decidedIn = Duration.between(ingested, Instant.now());

        Map<String, Evaluation.Observed> observed = decisions.entrySet().stream().collect(Collectors.toMap(
                Map.Entry::getKey, e -> observed(e.getValue())));
        Evaluation evaluation = Evaluation.of(corpus, observed);
        out.println();
        out.print(evaluation.report());
        out.printf("decided %d mails %.1f s after ingest (%.1f mails/s, includes polling); demo took %.1f s%n",
                decisions.size(), decidedIn.toMillis() / 1000.0, decisions.size() / Math.max(0.001, decidedIn.toMillis() / 1000.0),
                Duration.between(begin, Instant.now()).toMillis() / 1000.0);
        out.println("export: ./ieim decisions export --out decisions.jsonl");
        return evaluation.missing() == 0 ? 0 : Ieim.EXIT_FAILED;
    }

    static Evaluation.Observed observed(Decision d) {
        return new Evaluation.Observed(d.getPrimaryIntent(), d.getQueue(), d.getAction(), d.getNeedsReview(),
                d.getIdentity().getStatus(), d.getIdentity().getCustomerId());
    }

    /**
     * The topology indexes identity data before mails can find it: wait until its consumer group has
     * read the identity topics to their end, then give the global index store a moment to copy the
     * index topic.
     */
    static void awaitIdentityIndexed(StackConfig config, Duration timeout) throws Exception {
        List<String> topics = List.of(Topics.IDENTITY_CUSTOMERS.name(), Topics.IDENTITY_POLICIES.name());
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap()))) {
            Instant deadline = Instant.now().plus(timeout);
            while (Instant.now().isBefore(deadline)) {
                Map<TopicPartition, OffsetSpec> request = new HashMap<>();
                admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS).forEach((name, d) ->
                        d.partitions().forEach(p -> request.put(new TopicPartition(name, p.partition()), OffsetSpec.latest())));
                Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end =
                        admin.listOffsets(request).all().get(10, TimeUnit.SECONDS);
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(Topology.APPLICATION_ID + "-identity-index")
                        .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
                boolean caughtUp = end.entrySet().stream().allMatch(e -> e.getValue().offset() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue().offset()));
                if (caughtUp) {
                    Thread.sleep(3000);
                    return;
                }
                Thread.sleep(500);
            }
        }
        throw new IllegalStateException("the topology did not index the identity data within " + timeout.toSeconds() + " s");
    }

    static Map<String, Decision> awaitDecisions(StackConfig config, GoldCorpus corpus, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        List<String> wanted = corpus.entries().stream().map(GoldCorpus.Entry::messageId).distinct().toList();
        Map<String, Decision> latest = Map.of();
        while (Instant.now().isBefore(deadline)) {
            latest = DecisionsCommand.latestDecisions(config);
            if (latest.keySet().containsAll(wanted)) {
                return latest;
            }
            Thread.sleep(1000);
        }
        return latest;
    }
}
