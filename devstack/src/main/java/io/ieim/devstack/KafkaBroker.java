package io.ieim.devstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Uuid;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A single-node Apache Kafka broker in KRaft combined mode (broker and controller in one JVM). */
final class KafkaBroker extends ProcessPart {

    private final Path dir;

    KafkaBroker(StackConfig config) {
        // a controlled shutdown flushes logs and marks a clean shutdown: the next start is fast
        super(config, "kafka", Duration.ofSeconds(90), Duration.ofSeconds(45));
        this.dir = config.varDir().resolve("kafka");
    }

    @Override
    public String address() {
        return config.kafkaBootstrap();
    }

    @Override
    public void start() throws Exception {
        if (running()) {
            return;
        }
        Files.createDirectories(dir);
        Path properties = dir.resolve("server.properties");
        Files.writeString(properties, serverProperties(), StandardCharsets.UTF_8);
        Path log4j = writeLog4j(dir);
        String classpath = JavaRuntime.classpathOf(config.serversDir().resolve("kafka/target/lib"));
        List<String> jvm = List.of("-Dlog4j2.configurationFile=" + log4j.toUri(),
                "-Dkafka.logs.dir=" + config.logDir());
        if (!Files.isRegularFile(dir.resolve("data/meta.properties"))) {
            // KRaft storage is formatted once; the cluster id stays with the data for every restart
            List<String> format = JavaRuntime.command("256m", classpath, "kafka.tools.StorageTool", jvm,
                    List.of("format", "-t", Uuid.randomUuid().toString(), "-c", properties.toString()));
            Process p = new ProcessBuilder(format).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(process.logFile().toFile())).start();
            if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IOException("formatting KRaft storage failed:\n" + process.logTail(15));
            }
        }
        process.start(JavaRuntime.command("768m", classpath, "kafka.Kafka", jvm, List.of(properties.toString())),
                dir, Map.of());
    }

    String serverProperties() {
        String host = "127.0.0.1";
        return String.join("\n",
                "# written by the IEIM dev stack on every start; data lives in log.dirs",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@" + host + ":" + config.kafkaControllerPort(),
                "listeners=PLAINTEXT://" + host + ":" + config.kafkaPort() + ",CONTROLLER://" + host + ":"
                        + config.kafkaControllerPort(),
                "advertised.listeners=PLAINTEXT://" + host + ":" + config.kafkaPort(),
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=1",
                "default.replication.factor=1",
                "offsets.topic.replication.factor=1",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                // look for timed-out transactions (a crashed Connect task's) every second, not every 10 s
                "transaction.abort.timed.out.transaction.cleanup.interval.ms=1000",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                // topics come from the spec catalogue only; a typo must fail, not create a topic
                "auto.create.topics.enable=false",
                "log.cleaner.backoff.ms=5000",
                "num.network.threads=2",
                "num.io.threads=4",
                "background.threads=4",
                "") ;
    }

    static Path writeLog4j(Path dir) throws IOException {
        Path file = dir.resolve("log4j2.properties");
        Files.writeString(file, String.join("\n",
                "status = warn",
                "appender.out.type = Console",
                "appender.out.name = out",
                "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = [%d] %p %m (%c)%n",
                "rootLogger.level = INFO",
                "rootLogger.appenderRef.out.ref = out",
                "logger.kafka.name = kafka",
                "logger.kafka.level = WARN",
                "logger.kafka-server.name = kafka.server.KafkaRaftServer",
                "logger.kafka-server.level = INFO",
                "logger.apache.name = org.apache.kafka",
                "logger.apache.level = WARN",
                "logger.connect.name = org.apache.kafka.connect.runtime",
                "logger.connect.level = INFO",
                ""), StandardCharsets.UTF_8);
        return file;
    }

    @Override
    public boolean healthy() {
        try (Admin admin = admin(config, 3000)) {
            return !admin.describeCluster().nodes().get(5, TimeUnit.SECONDS).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    static Admin admin(StackConfig config, int timeoutMs) {
        return Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, config.kafkaBootstrap(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs * 2,
                AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 500));
    }

}
