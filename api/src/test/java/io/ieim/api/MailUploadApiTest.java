package io.ieim.api;

import io.ieim.avro.MailReceived;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.StackConfig;
import io.ieim.spec.Topics;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** POST /api/v1/mails against the real stack: intake, idempotency, limits, media types. */
class MailUploadApiTest extends ApiStackTestBase {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static byte[] mail(String subject) {
        return ("From: kunde@customer.example\r\nTo: schaden@ieim.example\r\nSubject: " + subject
                + "\r\nMessage-ID: <" + UUID.randomUUID() + "@customer.example>\r\n\r\nMeine Police KF-20481234.\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> upload(String token, String key, byte[] file, String partType) {
        String boundary = "ieim-" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"mail.eml\"\r\n"
                + "Content-Type: " + partType + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/mails"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException | InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String sha256(byte[] raw) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
    }

    @Test
    void anUploadedMailIsPublishedOnceStoredAndAnsweredIdempotently() throws Exception {
        String token = token(uniqueSubject("ingest"), "ingest");
        String subject = "Upload " + UUID.randomUUID();
        byte[] raw = mail(subject);
        String key = UUID.randomUUID().toString();

        HttpResponse<String> first = upload(token, key, raw, "message/rfc822");
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(json(first).path("message_id").asText()).isEqualTo(sha256(raw));
        assertThat(json(first).path("status").asText()).isEqualTo("published");

        // the same key and file: the first answer again, nothing done
        HttpResponse<String> replay = upload(token, key, raw, "message/rfc822");
        assertThat(replay.statusCode()).isEqualTo(201);
        assertThat(json(replay)).isEqualTo(json(first));
        // a new key, the same bytes: recognized by the intake
        HttpResponse<String> again = upload(token, UUID.randomUUID().toString(), raw, "application/octet-stream");
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(json(again).path("status").asText()).isEqualTo("already_published");
        // the first key with another mail: 422
        HttpResponse<String> reused = upload(token, key, mail("other"), "message/rfc822");
        assertThat(reused.statusCode()).isEqualTo(422);
        assertThat(json(reused).path("error_code").asText()).isEqualTo("idempotency_key_reused");

        String id = sha256(raw);
        List<MailReceived> events = mailReceived(Set.of(id)).getOrDefault(id, List.of());
        assertThat(events).as("published exactly once").hasSize(1);
        MailReceived event = events.getFirst();
        assertThat(event.getSourceChannel()).isEqualTo("HTTP");
        assertThat(event.getSubject()).isEqualTo(subject);
        StackConfig stack = stack();
        try (MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                .credentials(stack.s3AccessKey(), stack.s3SecretKey()).build();
             var in = s3.getObject(GetObjectArgs.builder().bucket(event.getRawMime().getBucket())
                     .object(event.getRawMime().getKey()).build())) {
            assertThat(in.readAllBytes()).isEqualTo(raw);
        }
    }

    @Test
    void anAdminMayUploadAndAReviewerMayNot() {
        assertThat(upload(token(uniqueSubject("admin"), "admin"), UUID.randomUUID().toString(), mail("admin"),
                "message/rfc822").statusCode()).isEqualTo(201);
        HttpResponse<String> reviewer = upload(token(uniqueSubject("reviewer"), "reviewer"), UUID.randomUUID().toString(),
                mail("reviewer"), "message/rfc822");
        assertThat(reviewer.statusCode()).isEqualTo(403);
        assertThat(json(reviewer).path("error_code").asText()).isEqualTo("forbidden");
    }

    @Test
    void withoutAnIdempotencyKeyItIs400() {
        HttpResponse<String> response = upload(token(uniqueSubject("ingest"), "ingest"), null, mail("no key"), "message/rfc822");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).path("error_code").asText()).isEqualTo("idempotency_key_required");
    }

    @Test
    void aMailOverTheLimitIs413WithTheEnvelope() {
        byte[] big = ("Subject: big\r\n\r\n" + "x".repeat(300 * 1024)).getBytes(StandardCharsets.US_ASCII);
        HttpResponse<String> response = upload(token(uniqueSubject("ingest"), "ingest"), UUID.randomUUID().toString(),
                big, "message/rfc822");
        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(json(response).path("error_code").asText()).isEqualTo("mail_too_large");
        assertThat(json(response).path("correlation_id").asText()).isNotBlank();
    }

    @Test
    void contentThatIsNotAMailIs415() {
        String token = token(uniqueSubject("ingest"), "ingest");
        HttpResponse<String> pdf = upload(token, UUID.randomUUID().toString(),
                "%PDF-1.4\n%binary\n".getBytes(StandardCharsets.US_ASCII), "application/octet-stream");
        assertThat(pdf.statusCode()).isEqualTo(415);
        assertThat(json(pdf).path("error_code").asText()).isEqualTo("unsupported_media_type");
        assertThat(upload(token, UUID.randomUUID().toString(), mail("png"), "image/png").statusCode()).isEqualTo(415);
        HttpResponse<String> notMultipart = post("/api/v1/mails", token, "{\"file\":\"x\"}",
                "Idempotency-Key", UUID.randomUUID().toString());
        assertThat(notMultipart.statusCode()).isEqualTo(415);
        assertThat(json(notMultipart).path("error_code").asText()).isEqualTo("unsupported_media_type");
    }

    /**
     * Ingest throughput over HTTP: N uploads one after the other (each its own Kafka transaction);
     * median of three runs. Each upload has its own token subject, so the per-subject rate limit
     * (20/s by default) does not set the figure.
     */
    @Test
    void throughputOfSequentialUploads() {
        int n = Integer.getInteger("ieim.httpBench.mails", 100);
        List<Double> rates = new ArrayList<>();
        for (int run = 0; run < 3; run++) {
            List<String> tokens = new ArrayList<>();
            List<byte[]> mails = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                tokens.add(token(uniqueSubject("bench"), "ingest"));
                mails.add(mail("Bench " + UUID.randomUUID()));
            }
            long start = System.nanoTime();
            for (int i = 0; i < n; i++) {
                HttpResponse<String> response = upload(tokens.get(i), UUID.randomUUID().toString(), mails.get(i), "message/rfc822");
                assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
            }
            rates.add(n / ((System.nanoTime() - start) / 1e9));
        }
        List<Double> sorted = rates.stream().sorted().toList();
        System.out.printf("http ingest throughput: %d uploads sequentially, runs %.1f / %.1f / %.1f mails/s, median %.1f mails/s%n",
                n, rates.get(0), rates.get(1), rates.get(2), sorted.get(1));
        assertThat(sorted.get(1)).isPositive();
    }

    /** Our records of the mail topic; values decoded only for our keys (other tests put poison records there). */
    private static Map<String, List<MailReceived>> mailReceived(Set<String> ids) {
        StackConfig stack = stack();
        Map<String, Object> props = RegistrySerdes.consumerConfig(stack.kafkaBootstrap(), stack.registryUrl(),
                "upload-test-" + UUID.randomUUID());
        Map<String, List<MailReceived>> found = new HashMap<>();
        try (var values = RegistrySerdes.<MailReceived>valueDeserializer(stack.registryUrl());
             KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.MAIL_RECEIVED.name()));
            Instant deadline = Instant.now().plusSeconds(60);
            int extraPolls = 6; // after all were found, so a second publication would be seen too
            while (Instant.now().isBefore(deadline) && (!found.keySet().containsAll(ids) || extraPolls-- > 0)) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (ids.contains(r.key()) && r.value() != null) {
                        found.computeIfAbsent(r.key(), k -> new ArrayList<>()).add(values.deserialize(r.topic(), r.headers(), r.value()));
                    }
                }
            }
        }
        return found;
    }
}
