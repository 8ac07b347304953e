package io.ieim.devstack;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ieim.projections.ProjectionMigrations;
import org.apache.kafka.clients.admin.Admin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The IEIM stack made of real servers on loopback: PostgreSQL, a Kafka broker, an S3 object store,
 * the Apicurio Registry, a Kafka Connect worker with Debezium and an OIDC provider with demo users.
 * {@link #up()} starts what is not
 * running and provisions it from the spec (topics, schemas, projection migrations, connectors);
 * everything it keeps lives under one folder, so a restart finds its data again.
 */
public final class EmbeddedStack {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedStack.class);

    private final StackConfig config;
    private final PostgresServer postgres;
    private final KafkaBroker kafka;
    private final ObjectStore s3;
    private final SchemaRegistry registry;
    private final ConnectWorker connect;
    private final OidcProvider oidc;
    private final Map<String, Duration> startTimes = new LinkedHashMap<>();

    public EmbeddedStack(StackConfig config) {
        this.config = config;
        this.postgres = new PostgresServer(config);
        this.kafka = new KafkaBroker(config);
        this.s3 = new ObjectStore(config);
        this.registry = new SchemaRegistry(config);
        this.connect = new ConnectWorker(config);
        this.oidc = new OidcProvider(config);
    }

    public StackConfig config() {
        return config;
    }

    private List<StackPart> parts() {
        return List.of(postgres, kafka, s3, registry, connect, oidc);
    }

    /** Starts every part that is not running, waits for health and provisions; idempotent. */
    public StackStatus up() throws Exception {
        Files.createDirectories(config.varDir());
        try (FileChannel channel = FileChannel.open(config.varDir().resolve("stack.lock"),
                StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock ignored = channel.lock()) {
            Instant begin = Instant.now();
            startAndWait(postgres);
            postgres.ensureDatabases();
            // the broker, the object store and the registry only need PostgreSQL, the OIDC provider
            // nothing: start them together
            for (StackPart part : List.of(kafka, s3, registry, oidc)) {
                part.start();
            }
            awaitHealthy(kafka, begin);
            connect.start();
            int migrations = ProjectionMigrations.migrate(config.postgresJdbcUrl(), config.postgresUser(),
                    config.postgresPassword());
            try (Admin admin = KafkaBroker.admin(config, 10_000)) {
                List<String> created = new TopicProvisioner(admin, (short) 1).provision(TopicProvisioner.catalogue());
                LOG.info("topics: {} created from the spec catalogue", created.size());
            }
            awaitHealthy(s3, begin);
            s3.ensureBucket();
            awaitHealthy(registry, begin);
            List<String> schemas = new SchemaRegistration(config.registryUrl()).register(TopicProvisioner.catalogue());
            LOG.info("schemas: {} registered; projection migrations applied: {}", schemas.size(), migrations);
            awaitHealthy(oidc, begin);
            awaitHealthy(connect, begin);
            registerConnectors();
            startTimes.put("total", Duration.between(begin, Instant.now()));
            StackStatus status = status();
            Files.writeString(config.varDir().resolve("stack.json"), status.toJson());
            return status;
        }
    }

    private void registerConnectors() throws Exception {
        Path dir = config.home().resolve("connect").resolve("connectors");
        List<ConnectorRegistration.Connector> connectors = ConnectorRegistration.load(dir);
        Path recorded = config.varDir().resolve("connect").resolve("postgres-system-id");
        String current = postgres.systemIdentifier();
        boolean recreated = Files.isRegularFile(recorded) && !Files.readString(recorded).trim().equals(current);
        if (recreated) {
            LOG.warn("PostgreSQL was recreated (system id changed): resetting Debezium source offsets");
        }
        ConnectorRegistration registration = new ConnectorRegistration(config.connectUrl());
        registration.register(connectors, recreated);
        for (ConnectorRegistration.Connector connector : connectors) {
            registration.awaitRunning(connector.name(), Duration.ofSeconds(120));
        }
        Files.createDirectories(recorded.getParent());
        Files.writeString(recorded, current + "\n");
    }

    private void startAndWait(StackPart part) throws Exception {
        Instant begin = Instant.now();
        part.start();
        awaitHealthy(part, begin);
    }

    private void awaitHealthy(StackPart part, Instant begin) throws IOException, InterruptedException {
        Instant deadline = begin.plus(part.startTimeout());
        while (!part.healthy()) {
            if (!part.running()) {
                throw new IOException(part.name() + " exited during start; last log lines:\n" + part.diagnostics());
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IOException(part.name() + " not healthy after " + part.startTimeout().toSeconds()
                        + " s; last log lines:\n" + part.diagnostics());
            }
            Thread.sleep(250);
        }
        startTimes.putIfAbsent(part.name(), Duration.between(begin, Instant.now()));
    }

    /**
     * Kills one part with SIGKILL (no clean shutdown), for tests that show recovery from a crash;
     * {@link #restart(String)} brings it back. Returns false when it was not running.
     */
    public boolean kill(String partName) {
        StackPart part = part(partName);
        if (!(part instanceof ProcessPart process)) {
            throw new IllegalArgumentException(partName + " is not a process of this stack");
        }
        return process.process.kill();
    }

    /**
     * Starts one part again (after {@link #kill(String)} or a crash) and waits until it is healthy;
     * nothing is provisioned again (topics, schemas and connectors live in the servers' data).
     *
     * @return how long the start took until the part answered
     */
    public Duration restart(String partName) throws Exception {
        StackPart part = part(partName);
        Instant begin = Instant.now();
        part.start();
        startTimes.remove(part.name());
        awaitHealthy(part, begin);
        return Duration.between(begin, Instant.now());
    }

    private StackPart part(String name) {
        return parts().stream().filter(p -> p.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack part " + name));
    }

    /** Stops every part, clients first, the database last. */
    public void down() {
        for (StackPart part : List.of(oidc, connect, registry, s3, kafka, postgres)) {
            part.stop();
        }
        try {
            Files.deleteIfExists(config.varDir().resolve("stack.json"));
        } catch (IOException ignored) {
            // status is always probed live; the file is only a convenience
        }
    }

    /** Probes every part live. */
    public StackStatus status() {
        Map<String, StackStatus.Part> parts = new LinkedHashMap<>();
        for (StackPart part : parts()) {
            parts.put(part.name(), new StackStatus.Part(part.address(), part.running(), part.healthy(),
                    startTimes.containsKey(part.name()) ? startTimes.get(part.name()).toMillis() : null));
        }
        return new StackStatus(config.varDir().toString(), config.kafkaBootstrap(), config.registryUrl(),
                config.postgresJdbcUrl(), config.s3Endpoint(), config.connectUrl(), config.bucket(),
                config.oidcIssuerUrl(), parts,
                startTimes.containsKey("total") ? startTimes.get("total").toMillis() : null);
    }

    /** Resident memory of the stack's processes in KiB (from /proc), for the operator and the notes. */
    public long residentKib() {
        long total = 0;
        for (String name : List.of("postgres", "kafka", "s3", "registry", "connect", "oidc")) {
            var handle = new ManagedProcess(config, name).running();
            if (handle.isEmpty()) {
                continue;
            }
            total += rss(handle.get());
            total += handle.get().descendants().mapToLong(EmbeddedStack::rss).sum();
        }
        return total;
    }

    private static long rss(ProcessHandle handle) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(handle.pid()), "status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException ignored) {
            // the process ended between listing and reading
        }
        return 0;
    }

    static ObjectMapper json() {
        return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    }
}
