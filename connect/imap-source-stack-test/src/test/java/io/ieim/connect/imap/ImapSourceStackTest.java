package io.ieim.connect.imap;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.ieim.avro.MailReceived;
import io.ieim.avro.RegistrySerdes;
import io.ieim.devstack.ConnectorRegistration;
import io.ieim.devstack.StackConfig;
import io.ieim.devstack.junit.StackTest;
import io.ieim.ingest.RawMailStore;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The connector on the stack's real Connect worker (its plugin directory built by connect-plugins),
 * registered from connect/connectors-optional/ieim-imap-source.json with the IMAP settings pointed at
 * an in-process GreenMail: 200 mails become 200 MailReceived records, readable with the product's serde
 * exactly like the CLI's, and 200 raw objects.
 */
@StackTest
class ImapSourceStackTest {

    private static final int MAILS = 200;
    private static final String NAME = "ieim-imap-source-stack-test";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Test
    void twoHundredMailsBecomeTwoHundredRecordsAndRawObjects(StackConfig stack) throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8); // fresh bytes per run: objects are content-addressed
        GreenMail gm = new GreenMail(ServerSetupTest.IMAP.dynamicPort());
        gm.start();
        try {
            var user = gm.setUser("intake@example.test", "intake", "secret");
            for (int i = 0; i < MAILS; i++) {
                MimeMessage m = new MimeMessage(Session.getInstance(new Properties()));
                m.setFrom(new InternetAddress("customer" + i + "@example.test"));
                m.setSubject("stack " + run + " " + i);
                m.setText("Vertragsnummer KF-2048" + String.format("%04d", i) + "\n");
                user.deliver(m);
            }

            Path home = stack.home();
            ConnectorRegistration.Connector file = ConnectorRegistration.load(home.resolve("connect/connectors-optional"))
                    .stream().filter(c -> c.name().equals("ieim-imap-source")).findFirst().orElseThrow();
            Map<String, String> config = new HashMap<>(file.config());
            config.put("imap.host", "127.0.0.1");
            config.put("imap.port", Integer.toString(gm.getImap().getPort()));
            config.put("imap.security", "NONE");
            config.put("imap.user", "intake");
            config.put("imap.password", "secret");
            config.put("imap.idle", "false");
            config.put("imap.poll.interval.ms", "500");
            String url = stack.connectUrl() + "/connectors/" + URLEncoder.encode(NAME, StandardCharsets.UTF_8);
            HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(url + "/config"))
                    .header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString(new ObjectMapper().writeValueAsString(config))).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(put.statusCode()).as(put.body()).isBetween(200, 201);
            try {
                new ConnectorRegistration(stack.connectUrl()).awaitRunning(NAME, Duration.ofSeconds(90));
                Map<String, MailReceived> events = consume(stack, "stack " + run + " ", Duration.ofSeconds(120));

                assertThat(events).hasSize(MAILS);
                assertThat(events).allSatisfy((key, event) -> {
                    assertThat(event.getMessageId()).isEqualTo(key);
                    assertThat(event.getSourceChannel()).isEqualTo("IMAP");
                    assertThat(event.getRawMime().getKey()).isEqualTo(RawMailStore.objectKey(key));
                });
                try (MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint())
                        .credentials(stack.s3AccessKey(), stack.s3SecretKey()).build()) {
                    int found = 0;
                    for (String key : events.keySet()) {
                        var stat = s3.statObject(StatObjectArgs.builder().bucket(stack.bucket())
                                .object(RawMailStore.objectKey(key)).build());
                        found += stat.size() == events.get(key).getRawMime().getSizeBytes() ? 1 : 0;
                    }
                    assertThat(found).isEqualTo(MAILS);
                }
            } finally {
                HTTP.send(HttpRequest.newBuilder(URI.create(url)).DELETE().build(), HttpResponse.BodyHandlers.ofString());
            }
        } finally {
            gm.stop();
        }
    }

    /** This run's events by key, read committed, with the product's deserializer (as the topology reads them). */
    private static Map<String, MailReceived> consume(StackConfig stack, String subjectPrefix, Duration timeout) {
        Map<String, Object> props = RegistrySerdes.consumerConfig(stack.kafkaBootstrap(), stack.registryUrl(),
                "imap-stack-test-" + UUID.randomUUID());
        Map<String, MailReceived> events = new HashMap<>();
        int duplicates = 0;
        try (KafkaConsumer<String, MailReceived> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                RegistrySerdes.<MailReceived>valueDeserializer(stack.registryUrl()))) {
            consumer.subscribe(List.of("ieim.mail.received.v1"));
            Instant deadline = Instant.now().plus(timeout);
            while (events.size() < MAILS && Instant.now().isBefore(deadline)) {
                try {
                    for (ConsumerRecord<String, MailReceived> r : consumer.poll(Duration.ofMillis(500))) {
                        if (r.value() != null && r.value().getSubject() != null && r.value().getSubject().startsWith(subjectPrefix)
                                && events.put(r.key(), r.value()) != null) {
                            duplicates++;
                        }
                    }
                } catch (org.apache.kafka.common.errors.RecordDeserializationException e) {
                    // the shared test stack holds other tests' deliberate poison records: not this run's mail
                    consumer.seek(e.topicPartition(), e.offset() + 1);
                }
            }
        }
        assertThat(duplicates).as("no mail twice").isZero();
        return events;
    }
}
