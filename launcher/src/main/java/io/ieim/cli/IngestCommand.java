package io.ieim.cli;

import io.ieim.avro.MailReceived;
import io.ieim.avro.RawMimeReference;
import io.ieim.devstack.StackConfig;
import io.ieim.domain.mail.MailNormalizer;
import io.ieim.domain.mail.NormalizedMail;
import io.ieim.ingest.MailReceivedMapping;
import io.ieim.ingest.RawMailStore;
import io.ieim.spec.SourceChannel;
import io.ieim.spec.Topics;
import io.minio.MinioClient;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code ieim ingest PATH...}: each .eml is stored raw (content-addressed, write-once) in object
 * storage, then all new mails are published as MailReceived in one Kafka transaction. A mail whose
 * event was published before is recognized by its hash and skipped.
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
        Map<String, NormalizedMail> mails = new LinkedHashMap<>();
        Map<String, byte[]> raws = new LinkedHashMap<>();
        Map<String, Path> sources = new LinkedHashMap<>();
        for (Path file : files) {
            byte[] raw = Files.readAllBytes(file);
            NormalizedMail mail = normalizer.normalize(raw);
            if (mails.putIfAbsent(mail.messageId(), mail) == null) {
                raws.put(mail.messageId(), raw);
                sources.put(mail.messageId(), file);
            }
        }
        int skipped = 0;
        int quarantined = 0;
        List<ProducerRecord<String, SpecificRecord>> records = new ArrayList<>();
        List<String> published = new ArrayList<>();
        try (MinioClient client = MinioClient.builder().endpoint(config.s3Endpoint())
                .credentials(config.s3AccessKey(), config.s3SecretKey()).build()) {
            RawMailStore store = new RawMailStore(client, config.bucket());
            Instant receivedAt = Instant.now(); // ingest metadata only; never part of a decision
            for (NormalizedMail mail : mails.values()) {
                if (store.published(mail.messageId())) {
                    skipped++;
                    continue;
                }
                RawMimeReference ref = store.store(mail.messageId(), raws.get(mail.messageId()));
                MailReceived event = MailReceivedMapping.of(mail, ref, receivedAt, SourceChannel.FILE,
                        sources.get(mail.messageId()).getFileName().toString());
                records.add(new ProducerRecord<>(Topics.MAIL_RECEIVED.name(), mail.messageId(), event));
                published.add(mail.messageId());
                quarantined += mail.parseFailed() ? 1 : 0;
            }
            if (!records.isEmpty()) {
                IdentityCommand.publish(config, records, "ieim-ingest");
            }
            for (String id : published) {
                store.markPublished(id);
            }
        }
        System.out.printf("ingested %d mails (%d already ingested, %d duplicates in the input, %d will be quarantined unread)%n",
                published.size(), skipped, files.size() - mails.size(), quarantined);
        return 0;
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
