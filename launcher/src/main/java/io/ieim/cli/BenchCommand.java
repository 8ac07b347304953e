package io.ieim.cli;

import io.ieim.devstack.StackConfig;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.identity.csv.IdentityCsvReader;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.MailViews;
import io.ieim.topology.evaluation.GoldCorpus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code ieim bench}: throughput of normalization and of the decision pipeline on the sample corpus,
 * single-threaded, no Kafka: the per-mail cost the topology adds on top of Kafka's own.
 */
@Command(name = "bench", description = "Benchmark normalization and the decision pipeline on data/samples (no Kafka).")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--rounds", defaultValue = "15", description = "Measured rounds over the corpus (after 5 warm-up rounds).")
    int rounds;

    @Override
    public Integer call() throws Exception {
        StackConfig config = StackConfig.fromEnvironment();
        GoldCorpus corpus = GoldCorpus.load(config.home().resolve("data").resolve("samples"));
        IdentityDirectory directory = new IdentityCsvReader().read(corpus.identityDir().resolve("customers.csv"),
                corpus.identityDir().resolve("policies.csv"), corpus.identityDir().resolve("claims.csv")).toDirectory();
        List<byte[]> raws = new ArrayList<>();
        for (GoldCorpus.Entry e : corpus.entries()) {
            raws.add(Files.readAllBytes(corpus.mailDir().resolve(e.file())));
        }
        MailNormalizer normalizer = new MailNormalizer();
        DecisionPipeline pipeline = DecisionPipeline.standard(new byte[32]);
        List<MailView> views = raws.stream().map(r -> MailViews.of(normalizer.normalize(r))).toList();
        double[] normalize = new double[rounds];
        double[] decide = new double[rounds];
        java.util.Map<io.ieim.spec.AuditStage, long[]> stageNanos = new java.util.EnumMap<>(io.ieim.spec.AuditStage.class);
        for (int round = -5; round < rounds; round++) {
            long t0 = System.nanoTime();
            for (byte[] raw : raws) {
                normalizer.normalize(raw);
            }
            long t1 = System.nanoTime();
            long[] last = {System.nanoTime()};
            int r = round;
            StageObserver timing = stage -> {
                long now = System.nanoTime();
                if (r >= 0) {
                    stageNanos.computeIfAbsent(stage, k -> new long[1])[0] += now - last[0];
                }
                last[0] = now;
            };
            for (MailView view : views) {
                last[0] = System.nanoTime();
                pipeline.decide(view, directory, timing);
            }
            long t2 = System.nanoTime();
            if (round >= 0) {
                normalize[round] = raws.size() / ((t1 - t0) / 1e9);
                decide[round] = views.size() / ((t2 - t1) / 1e9);
            }
        }
        System.out.printf("corpus: %d mails, %d rounds after 5 warm-up rounds, one thread%n", raws.size(), rounds);
        System.out.printf("normalize (MIME -> text): median %.0f mails/s (min %.0f, max %.0f)%n",
                median(normalize), Arrays.stream(normalize).min().orElse(0), Arrays.stream(normalize).max().orElse(0));
        System.out.printf("decide (split, signals, redact, identity, classify, route, hash): median %.0f mails/s (min %.0f, max %.0f)%n",
                median(decide), Arrays.stream(decide).min().orElse(0), Arrays.stream(decide).max().orElse(0));
        long mails = (long) views.size() * rounds;
        stageNanos.forEach((stage, nanos) -> System.out.printf("  %-18s mean %.3f ms per mail%n", stage, nanos[0] / 1e6 / mails));
        return 0;
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length == 0 ? 0 : sorted[sorted.length / 2];
    }
}
