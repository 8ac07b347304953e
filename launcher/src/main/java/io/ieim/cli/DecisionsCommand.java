package io.ieim.cli;

import io.ieim.avro.Decision;
import io.ieim.devstack.StackConfig;
import io.ieim.spec.Topics;
import io.ieim.topology.DecisionJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;

/** {@code ieim decisions export [--out FILE]} (CONTRACT-V1 §6). */
@Command(name = "decisions", description = "Decisions.", subcommands = DecisionsCommand.Export.class)
final class DecisionsCommand {

    @Command(name = "export", description = "Write the latest decision per mail as JSON Lines (sorted by message id).")
    static final class Export implements Callable<Integer> {
        @Option(names = "--out", paramLabel = "FILE", description = "Output file (default: standard output).")
        Path out;

        @Override
        public Integer call() throws Exception {
            StackConfig config = StackConfig.fromEnvironment();
            Map<String, Decision> latest = latestDecisions(config);
            if (out == null) {
                Writer writer = new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8));
                write(latest, writer);
                writer.flush();
            } else {
                // written beside the target, then moved: a reader never sees half a file
                Path tmp = Files.createTempFile(out.toAbsolutePath().getParent(), ".export", ".tmp");
                try (Writer writer = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                    write(latest, writer);
                }
                Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                System.err.println("ieim: exported " + latest.size() + " decisions to " + out);
            }
            return 0;
        }

        private static void write(Map<String, Decision> decisions, Writer writer) throws IOException {
            for (Decision d : decisions.values()) {
                writer.write(DecisionJson.of(d).toString());
                writer.write('\n');
            }
        }
    }

    /** Reads the compacted decisions topic from the beginning to its current end: the latest per mail. */
    static Map<String, Decision> latestDecisions(StackConfig config) throws IOException {
        Map<String, Decision> latest = new TreeMap<>();
        for (ConsumerRecord<String, Decision> record : TopicReader.<Decision>readAll(config, Topics.DECISIONS.name())) {
            if (record.value() == null) {
                latest.remove(record.key());
            } else {
                latest.put(record.key(), record.value());
            }
        }
        return latest;
    }
}
