package io.ieim.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Apicurio Registry 3 (its published Quarkus fast-jar). Storage is SQL on the stack's PostgreSQL, so
 * schemas and their global ids survive a restart (the in-memory H2 default would renumber them and
 * orphan every record already written).
 */
final class SchemaRegistry extends ProcessPart {

    SchemaRegistry(StackConfig config) {
        super(config, "registry", Duration.ofSeconds(120), Duration.ofSeconds(20));
    }

    @Override
    public String address() {
        return config.registryUrl();
    }

    @Override
    public void start() throws Exception {
        if (running()) {
            return;
        }
        Path app = config.serversDir().resolve("registry/target/apicurio-registry");
        if (!Files.isRegularFile(app.resolve("quarkus-run.jar"))) {
            throw new java.io.IOException(app + " is missing: build the project first (./mvnw -DskipTests package)");
        }
        Path dir = config.varDir().resolve("registry");
        Files.createDirectories(dir);
        List<String> jvm = List.of(
                "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.http.port=" + config.registryPort(),
                "-Dquarkus.management.host=127.0.0.1",
                "-Dquarkus.management.port=" + config.registryManagementPort(),
                "-Dapicurio.storage.kind=sql",
                "-Dapicurio.storage.sql.kind=postgresql",
                "-Dapicurio.datasource.url=" + config.registryJdbcUrl(),
                "-Dapicurio.datasource.username=" + config.postgresUser(),
                "-Dapicurio.datasource.password=" + config.postgresPassword(),
                "-Dapicurio.datasource.jdbc.initial-size=2",
                "-Dapicurio.datasource.jdbc.min-size=2",
                "-Dapicurio.datasource.jdbc.max-size=20",
                "-Dapicurio.storage.snapshot.location=" + dir,
                "-Djava.io.tmpdir=" + dir,
                "-Dquarkus.log.console.json=false");
        process.start(JavaRuntime.command("512m", null, "-jar", jvm,
                List.of(app.resolve("quarkus-run.jar").toString())), dir, Map.of());
    }

    @Override
    public boolean healthy() {
        return Http.answers("http://127.0.0.1:" + config.registryManagementPort() + "/health/ready")
                && Http.answers(config.registryUrl() + "/system/info");
    }

}
