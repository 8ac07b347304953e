package io.ieim.connect.imap;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.errors.RetriableException;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
        dovecot.append("tls", List.of(TestSupport.mail(0, "tls"), TestSupport.mail(1, "tls"), TestSupport.mail(2, "tls")));
    }

    @AfterAll
    static void stop() throws Exception {
        dovecot.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMAPS", "STARTTLS"})
    void readsOverTlsWithTheConfiguredTrustStore(String security) throws Exception {
        TestSupport.FakeWorker worker = worker(props(security, true));
        try {
            List<SourceRecord> records = worker.poll();
            assertThat(records).hasSize(3);
        } finally {
            worker.task.stop();
        }
        assertThat(dovecot.log()).containsPattern("Login: user=<tls>.*TLS");
    }

    @ParameterizedTest
    @ValueSource(strings = {"IMAPS", "STARTTLS"})
    void refusesTheSelfSignedCertificateWithoutTheTrustStore(String security) {
        TestSupport.FakeWorker worker = worker(props(security, false));
        try {
            assertThatThrownBy(worker::poll).isInstanceOf(RetriableException.class)
                    .hasRootCauseInstanceOf(java.security.cert.CertPathBuilderException.class);
        } finally {
            worker.task.stop();
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
        return TestSupport.withUnusedStorage(p);
    }

    /** The task under the tests' fake worker, objects in memory: only IMAP over TLS is under test here. */
    private static TestSupport.FakeWorker worker(Map<String, String> props) {
        TestSupport.FakeWorker worker = new TestSupport.FakeWorker(false);
        worker.start(props, new InMemoryObjects());
        return worker;
    }
}
