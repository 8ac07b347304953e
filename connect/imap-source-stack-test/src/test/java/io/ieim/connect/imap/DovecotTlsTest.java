package io.ieim.connect.imap;

import io.ieim.avro.RawMimeReference;
import io.ieim.ingest.RawMailStore;
import io.ieim.ingest.RawObjectStore;
import jakarta.mail.Session;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.apache.kafka.connect.source.SourceTaskContext;
import org.apache.kafka.connect.storage.OffsetStorageReader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The task against Dovecot over TLS, without the stack (no worker, no Kafka): IMAPS and STARTTLS with
 * the server's self-signed certificate trusted through imap.ssl.truststore.*, and refused without it.
 */
class DovecotTlsTest {

    private static Dovecot dovecot;

    @BeforeAll
    static void start() throws Exception {
        dovecot = Dovecot.start(List.of("tls"));
        Session session = Session.getInstance(new Properties());
        List<MimeMessage> mails = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            MimeMessage m = new MimeMessage(session);
            m.setFrom(new InternetAddress("customer" + i + "@example.test"));
            m.setSubject("tls " + i);
            m.setText("Vertragsnummer KF-20480" + i + "\n");
            mails.add(m);
        }
        dovecot.append("tls", mails);
    }

    @AfterAll
    static void stop() throws Exception {
        dovecot.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMAPS", "STARTTLS"})
    void readsOverTlsWithTheConfiguredTrustStore(String security) throws Exception {
        ImapSourceTask task = task(props(security, true));
        try {
            List<SourceRecord> records = task.poll();
            assertThat(records).hasSize(3);
        } finally {
            task.stop();
        }
        assertThat(dovecot.log()).containsPattern("Login: user=<tls>.*TLS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMAPS", "STARTTLS"})
    void refusesTheSelfSignedCertificateWithoutTheTrustStore(String security) {
        ImapSourceTask task = task(props(security, false));
        try {
            assertThatThrownBy(task::poll).isInstanceOf(RetriableException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        } finally {
            task.stop();
        }
    }

    @Test
    void anUnreadableTrustStoreIsAConfigurationError() throws Exception {
        Map<String, String> props = props("IMAPS", true);
        props.put(ImapSourceConfig.TRUSTSTORE_LOCATION, Files.createTempFile("empty", ".pem").toString());
        assertThatThrownBy(() -> new ImapSourceConfig(props).sslSocketFactory()).isInstanceOf(ConfigException.class)
                .hasMessageContaining("imap.ssl.truststore.location");
    }

    private static Map<String, String> props(String security, boolean trust) {
        Map<String, String> p = new HashMap<>(dovecot.connectorSettings("tls", security));
        if (!trust) {
            p.remove(ImapSourceConfig.TRUSTSTORE_LOCATION);
            p.remove(ImapSourceConfig.TRUSTSTORE_TYPE);
        }
        p.put(ImapSourceConfig.TIMEOUT_MS, "10000");
        p.put(ImapSourceConfig.S3_ENDPOINT, "http://unused");
        p.put(ImapSourceConfig.S3_ACCESS_KEY, "unused");
        p.put(ImapSourceConfig.S3_SECRET_KEY, "unused");
        p.put(ImapSourceConfig.S3_BUCKET, "unused");
        p.put(ImapSourceConfig.REGISTRY_URL, "http://unused");
        return p;
    }

    /** The task with objects kept in memory and values left unserialized: only IMAP is under test here. */
    private static ImapSourceTask task(Map<String, String> props) {
        RawObjectStore objects = new RawObjectStore() {
            @Override
            public RawMimeReference store(String sha256, byte[] raw) {
                return RawMimeReference.newBuilder().setBucket("test").setKey(RawMailStore.objectKey(sha256))
                        .setSha256(sha256).setSizeBytes(raw.length).build();
            }

            @Override
            public void markPublished(String sha256) {
            }
        };
        ImapSourceTask task = new ImapSourceTask(c -> objects, c -> (topic, event) -> new byte[0]);
        task.initialize(new SourceTaskContext() {
            @Override
            public Map<String, String> configs() {
                return props;
            }

            @Override
            public org.apache.kafka.common.metrics.PluginMetrics pluginMetrics() {
                return null;
            }

            @Override
            public OffsetStorageReader offsetStorageReader() {
                return new OffsetStorageReader() {
                    @Override
                    public <T> Map<String, Object> offset(Map<String, T> partition) {
                        return null;
                    }

                    @Override
                    public <T> Map<Map<String, T>, Map<String, Object>> offsets(Collection<Map<String, T>> partitions) {
                        return new HashMap<>();
                    }
                };
            }
        });
        task.start(props);
        return task;
    }
}
