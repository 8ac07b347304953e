package io.ieim.devstack;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StackConfigTest {

    private static StackConfig from(Map<String, String> props, Map<String, String> env) {
        return StackConfig.from(props::get, env);
    }

    @Test
    void derivesEveryPortFromOneBaseSoTwoStacksNeverCollide() {
        StackConfig dev = from(Map.of("ieim.home", "/repo"), Map.of());
        StackConfig test = dev.withPortBase(29000);
        assertThat(dev.kafkaBootstrap()).isEqualTo("127.0.0.1:19092");
        assertThat(test.kafkaBootstrap()).isEqualTo("127.0.0.1:29092");
        assertThat(test.oidcIssuerUrl()).isEqualTo("http://127.0.0.1:29085/ieim");
        var devPorts = java.util.List.of(dev.kafkaPort(), dev.kafkaControllerPort(), dev.registryPort(),
                dev.registryManagementPort(), dev.connectPort(), dev.s3Port(), dev.oidcPort(), dev.postgresPort());
        assertThat(devPorts).doesNotHaveDuplicates();
        assertThat(devPorts).doesNotContainAnyElementsOf(java.util.List.of(test.kafkaPort(), test.kafkaControllerPort(),
                test.registryPort(), test.registryManagementPort(), test.connectPort(), test.s3Port(), test.oidcPort(),
                test.postgresPort()));
    }

    @Test
    void systemPropertiesWinOverEnvironmentAndVarDefaultsUnderHome() {
        StackConfig config = from(Map.of("ieim.home", "/repo", "ieim.portBase", "20000"),
                Map.of("IEIM_PORT_BASE", "21000", "IEIM_S3_BUCKET", "mail"));
        assertThat(config.portBase()).isEqualTo(20000);
        assertThat(config.varDir()).isEqualTo(Path.of("/repo/var"));
        assertThat(config.bucket()).isEqualTo("mail");
    }

    @Test
    void anExternalPostgresReplacesTheEmbeddedOneAndTheRegistryGetsItsOwnDatabase() {
        StackConfig config = from(Map.of("ieim.home", "/repo"),
                Map.of("IEIM_POSTGRES_JDBC_URL", "jdbc:postgresql://db.internal:5432/ieim?sslmode=require"));
        assertThat(config.embeddedPostgres()).isFalse();
        assertThat(config.registryJdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:5432/apicurio_registry?sslmode=require");
        assertThat(ConnectWorker.connectorEnvironment(config))
                .containsEntry("IEIM_PG_HOST", "db.internal")
                .containsEntry("IEIM_PG_PORT", "5432")
                .containsEntry("IEIM_PG_DATABASE", "ieim");
    }

    @Test
    void rejectsAPortBaseThatWouldLeaveTheUserRange() {
        assertThatThrownBy(() -> from(Map.of("ieim.home", "/repo", "ieim.portBase", "80"), Map.of()))
                .hasMessageContaining("port base 80");
    }
}
