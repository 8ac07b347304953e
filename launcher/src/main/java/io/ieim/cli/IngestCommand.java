package io.ieim.cli;

import io.ieim.devstack.StackConfig;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.ingest.MailIntake;
import io.ieim.spec.SourceChannel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ieim ingest PATH...}: each .eml is stored raw (content-addressed, write-once) in object
 * storage, then all new mails are published as MailReceived in one Kafka transaction. A mail whose
 * event was published before is recognized by its hash and skipped. The work is {@link MailIntake}'s,
 * shared with the SMTP gateway and the HTTP upload.
 */
@Command(name = "ingest", description = "Ingest .eml files or folders of them (recursively).")
final class IngestCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "PATH")
    List<Path> paths;

    @Override
    public Integer call() throws Exception {
        List<Path> files = collect(paths);
        StackConfig config = StackConfig.fromEnvironment();
        MailNormalizer normalizer;
        try {
            normalizer = new MailNormalizer(io.ieim.domain.mail.NormalizationLimits.from(System.getenv()));
        } catch (IllegalArgumentException e) {
            throw new Ieim.BadInput("mail limits: " + e.getMessage());
        }
        List<MailIntake.Source> sources = new ArrayList<>();
        for (Path file : files) {
            sources.add(new MailIntake.Source(Files.readAllBytes(file), SourceChannel.FILE, file.getFileName().toString()));
        }
        MailIntake.Batch batch;
        try (MailIntake intake = new MailIntake(settings(config, "ieim-ingest"), normalizer)) {
            batch = intake.ingest(sources);
        }
        System.out.printf("ingested %d mails (%d already ingested, %d duplicates in the input, %d will be quarantined unread)%n",
                batch.publishedNow(), batch.count(MailIntake.Status.ALREADY_PUBLISHED), batch.duplicatesInInput(),
                batch.count(MailIntake.Status.QUARANTINED));
        return 0;
    }

    /** The intake's view of the stack this launcher is configured for. */
    static MailIntake.Settings settings(StackConfig config, String clientName) {
        return new MailIntake.Settings(config.kafkaBootstrap(), config.registryUrl(), config.s3Endpoint(),
                config.s3AccessKey(), config.s3SecretKey(), config.bucket(), clientName);
    }

    /** Files as given, folders searched for *.eml; sorted, so runs are reproducible. */
    static List<Path> collect(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path path : paths) {
            if (Files.isRegularFile(path)) {
                if (!Files.isReadable(path)) {
                    throw new Ieim.BadInput(path + ": not readable");
                }
                files.add(path);
            } else if (Files.isDirectory(path)) {
                try (Stream<Path> walk = Files.walk(path)) {
                    walk.filter(Files::isRegularFile).filter(p -> p.getFileName().toString().toLowerCase().endsWith(".eml"))
                            .sorted().forEach(files::add);
                }
            } else {
                throw new Ieim.BadInput(path + ": no such file or folder");
            }
        }
        if (files.isEmpty()) {
            throw new Ieim.BadInput("no .eml files in " + paths);
        }
        return files;
    }
}
