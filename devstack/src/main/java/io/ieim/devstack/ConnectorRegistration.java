package io.ieim.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Registers the connectors of connect/connectors/*.json (the same files the Strimzi KafkaConnector
 * resources are made from) over the Connect REST API, idempotently.
 *
 * <p>Debezium keeps the WAL position of its source in Connect's offsets. When the PostgreSQL cluster
 * is recreated those offsets point into a WAL that no longer exists and the connector fails with
 * "last recorded offset is no longer available"; so the stack remembers the cluster's system
 * identifier and resets the source offsets when it changes.
 */
public final class ConnectorRegistration {

    /** A connector file: its name and config. */
    public record Connector(String name, Map<String, String> config) {
        boolean readsPostgres() {
            return "io.debezium.connector.postgresql.PostgresConnector".equals(config.get("connector.class"));
        }

        /** A JDBC sink: its table is a projection that can be rebuilt from its topics. */
        public boolean isProjectionSink() {
            return "io.debezium.connector.jdbc.JdbcSinkConnector".equals(config.get("connector.class"));
        }

        /** The table a JDBC sink writes (its collection.name.format), or null. */
        public String table() {
            return config.get("collection.name.format");
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private final String connectUrl;

    public ConnectorRegistration(String connectUrl) {
        this.connectUrl = connectUrl;
    }

    public static List<Connector> load(Path dir) throws IOException {
        List<Connector> connectors = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                if (!node.hasNonNull("name") || !node.path("config").isObject()) {
                    throw new IOException(file + ": a connector file needs \"name\" and a \"config\" object");
                }
                Map<String, String> config = new LinkedHashMap<>();
                node.get("config").properties().forEach(e -> config.put(e.getKey(), e.getValue().asText()));
                connectors.add(new Connector(node.get("name").asText(), config));
            }
        }
        return connectors;
    }

    /** Creates or updates every connector; resets Postgres source offsets when the cluster changed. */
    void register(List<Connector> connectors, boolean postgresRecreated) throws IOException {
        for (Connector connector : connectors) {
            String url = connectUrl + "/connectors/" + encode(connector.name());
            boolean exists = Http.get(url).ok();
            boolean reset = exists && postgresRecreated && connector.readsPostgres();
            if (reset) {
                expectOk(Http.send("PUT", url + "/stop", null), "stop " + connector.name());
                // the connector's own state: its task may well have FAILED already on the stale offset
                awaitConnectorState(connector.name(), "STOPPED", Duration.ofSeconds(60));
                expectOk(Http.send("DELETE", url + "/offsets", null), "reset offsets of " + connector.name());
            }
            expectOk(Http.send("PUT", url + "/config", JSON.writeValueAsString(connector.config())),
                    "configure " + connector.name());
            if (reset) {
                expectOk(Http.send("PUT", url + "/resume", null), "resume " + connector.name());
            }
        }
    }

    /**
     * Waits until the connector and all its tasks are RUNNING. A task that failed before (say, on an
     * earlier config) is restarted once, since Connect does not restart failed tasks on its own;
     * if it fails again, this fails with the task's trace.
     */
    public void awaitRunning(String name, Duration timeout) throws IOException {
        String url = connectUrl + "/connectors/" + encode(name);
        Instant deadline = Instant.now().plus(timeout);
        Instant restartedAt = null;
        String state = state(name);
        while (!"RUNNING".equals(state) && Instant.now().isBefore(deadline)) {
            if ("FAILED".equals(state)) {
                if (restartedAt == null) {
                    expectOk(Http.send("POST", url + "/restart?includeTasks=true&onlyFailed=true", null),
                            "restart " + name);
                    restartedAt = Instant.now();
                } else if (Instant.now().isAfter(restartedAt.plusSeconds(10))) {
                    break;
                }
            }
            sleep();
            state = state(name);
        }
        if (!"RUNNING".equals(state)) {
            throw new IOException("connector " + name + " is " + state + ", not RUNNING: " + Http.get(url + "/status").body());
        }
    }

    /** Work done while a connector is stopped. */
    public interface WhileStopped {
        void run() throws IOException;
    }

    /**
     * Replays a sink from the beginning of its topics: stop it, let the caller empty its table, reset
     * its offsets (KIP-875) and resume. Rebuilding a projection this way needs no other tool and
     * keeps the connector's config as it is.
     */
    public void replaySink(String name, WhileStopped clear) throws IOException {
        String url = connectUrl + "/connectors/" + encode(name);
        expectOk(Http.send("PUT", url + "/stop", null), "stop " + name);
        awaitConnectorState(name, "STOPPED", Duration.ofSeconds(60));
        clear.run();
        expectOk(Http.send("DELETE", url + "/offsets", null), "reset offsets of " + name);
        expectOk(Http.send("PUT", url + "/resume", null), "resume " + name);
        awaitRunning(name, Duration.ofSeconds(60));
    }

    public String state(String name) throws IOException {
        Http.Response status = Http.get(connectUrl + "/connectors/" + encode(name) + "/status");
        if (!status.ok()) {
            return "MISSING";
        }
        JsonNode node = JSON.readTree(status.body());
        String state = node.path("connector").path("state").asText();
        for (JsonNode task : node.path("tasks")) {
            if ("FAILED".equals(task.path("state").asText())) {
                return "FAILED";
            }
        }
        if ("RUNNING".equals(state) && node.path("tasks").isEmpty()) {
            return "STARTING";
        }
        return state;
    }

    private void awaitConnectorState(String name, String wanted, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        String state = "MISSING";
        while (Instant.now().isBefore(deadline)) {
            Http.Response status = Http.get(connectUrl + "/connectors/" + encode(name) + "/status");
            state = status.ok() ? JSON.readTree(status.body()).path("connector").path("state").asText() : "MISSING";
            if (wanted.equals(state)) {
                return;
            }
            sleep();
        }
        throw new IOException("connector " + name + " is " + state + ", not " + wanted);
    }

    private static void sleep() throws IOException {
        try {
            Thread.sleep(500);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    private static String encode(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8);
    }

    private static void expectOk(Http.Response response, String what) throws IOException {
        if (!response.ok()) {
            throw new IOException("connect: " + what + " failed with HTTP " + response.status() + ": "
                    + response.body());
        }
    }
}
