package io.ieim.devstack;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * A Kafka Connect worker in distributed mode (single node), so connectors are managed over the REST
 * API exactly as on Strimzi. Connector files in connect/ reference the environment through the
 * env config provider ({@code ${env:IEIM_PG_HOST}}), which is how Strimzi passes secrets too.
 */
final class ConnectWorker extends ProcessPart {

    static final String GROUP_ID = "ieim-connect";

    private final Path dir;

    ConnectWorker(StackConfig config) {
        super(config, "connect", Duration.ofSeconds(120), Duration.ofSeconds(30));
        this.dir = config.varDir().resolve("connect");
    }

    @Override
    public String address() {
        return config.connectUrl();
    }

    @Override
    public void start() throws Exception {
        if (running()) {
            return;
        }
        Files.createDirectories(dir);
        Path properties = dir.resolve("worker.properties");
        Files.writeString(properties, workerProperties(), StandardCharsets.UTF_8);
        Path log4j = KafkaBroker.writeLog4j(dir);
        String classpath = JavaRuntime.classpathOf(config.serversDir().resolve("kafka/target/lib"));
        process.start(JavaRuntime.command("768m", classpath, "org.apache.kafka.connect.cli.ConnectDistributed",
                        List.of("-Dlog4j2.configurationFile=" + log4j.toUri()), List.of(properties.toString())),
                dir, connectorEnvironment(config));
    }

    /** The variables the connector files in connect/ reference through ${env:...}. */
    static Map<String, String> connectorEnvironment(StackConfig config) {
        java.net.URI pg = java.net.URI.create(config.postgresJdbcUrl().substring("jdbc:".length()));
        return Map.ofEntries(
                Map.entry("IEIM_PG_HOST", pg.getHost()),
                Map.entry("IEIM_PG_PORT", Integer.toString(pg.getPort() < 0 ? 5432 : pg.getPort())),
                Map.entry("IEIM_PG_DATABASE", pg.getPath().substring(1)),
                Map.entry("IEIM_PG_USER", config.postgresUser()),
                Map.entry("IEIM_PG_PASSWORD", config.postgresPassword()),
                Map.entry("IEIM_PG_JDBC_URL", config.postgresJdbcUrl()),
                Map.entry("IEIM_REGISTRY_V2_URL", config.registryV2Url()),
                // the IMAP source connector (connect/connectors-optional) stores raw MIME and serializes
                // with the product's serde (registry v3 API)
                Map.entry("IEIM_REGISTRY_URL", config.registryUrl()),
                Map.entry("IEIM_S3_ENDPOINT", config.s3Endpoint()),
                Map.entry("IEIM_S3_ACCESS_KEY", config.s3AccessKey()),
                Map.entry("IEIM_S3_SECRET_KEY", config.s3SecretKey()),
                Map.entry("IEIM_S3_BUCKET", config.bucket()));
    }

    private String workerProperties() {
        Path plugins = config.serversDir().resolve("connect-plugins/target/plugins");
        return String.join("\n",
                "bootstrap.servers=" + config.kafkaBootstrap(),
                "group.id=" + GROUP_ID,
                "listeners=http://127.0.0.1:" + config.connectPort(),
                "rest.advertised.host.name=127.0.0.1",
                "rest.advertised.port=" + config.connectPort(),
                "config.storage.topic=ieim-connect-configs",
                "offset.storage.topic=ieim-connect-offsets",
                "status.storage.topic=ieim-connect-status",
                "config.storage.replication.factor=1",
                "offset.storage.replication.factor=1",
                "status.storage.replication.factor=1",
                "offset.storage.partitions=5",
                "status.storage.partitions=1",
                "key.converter=org.apache.kafka.connect.json.JsonConverter",
                "value.converter=org.apache.kafka.connect.json.JsonConverter",
                "plugin.path=" + plugins,
                "plugin.discovery=hybrid_warn",
                "config.providers=env",
                "config.providers.env.class=org.apache.kafka.common.config.provider.EnvVarConfigProvider",
                "offset.flush.interval.ms=5000",
                "scheduled.rebalance.max.delay.ms=0",
                // KIP-618: source connectors may ask for exactly-once (exactly.once.support=requested|required);
                // each poll batch and its offsets then commit in one transaction of the task's producer, and a
                // restarted worker fences the producers of tasks that died with it. Needs transactions on the
                // broker (transaction.state.log.* set for one node in KafkaBroker); sink connectors and
                // source connectors without the setting are unaffected.
                "exactly.once.source.support=enabled",
                // a task's open transaction also holds its offsets: after a crash, every read_committed
                // reader of the offsets topic (the restarted worker itself) waits until the broker aborts
                // it, i.e. up to the transaction timeout (Kafka's default 60 s). A batch is produced in
                // well under a second, so 10 s is ample and bounds the recovery
                "producer.transaction.timeout.ms=10000",
                "");
    }

    @Override
    public boolean healthy() {
        return Http.answers(config.connectUrl() + "/connectors");
    }

}
