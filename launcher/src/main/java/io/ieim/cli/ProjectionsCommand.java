package io.ieim.cli;

import io.ieim.devstack.ConnectorRegistration;
import io.ieim.devstack.StackConfig;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/** {@code ieim projections rebuild}: the review projections are derived data; rebuild them from the topics. */
@Command(name = "projections", description = "The review projections in PostgreSQL.",
        subcommands = {ProjectionsCommand.Rebuild.class})
final class ProjectionsCommand {

    @Command(name = "rebuild", description = "Empty the projection tables of the JDBC sinks and replay them from their topics.")
    static final class Rebuild implements Callable<Integer> {

        @Option(names = "--connector", paramLabel = "NAME", description = "Only this sink (default: every JDBC sink in connect/connectors).")
        List<String> only = new ArrayList<>();

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "How long to wait for the sinks to catch up (default 600).")
        long timeoutSeconds = 600;

        @Override
        public Integer call() throws Exception {
            StackConfig config = StackConfig.fromEnvironment();
            List<ConnectorRegistration.Connector> sinks = ConnectorRegistration.load(config.home().resolve("connect").resolve("connectors"))
                    .stream().filter(ConnectorRegistration.Connector::isProjectionSink)
                    .filter(c -> only.isEmpty() || only.contains(c.name())).toList();
            if (sinks.isEmpty()) {
                throw new Ieim.BadInput("no JDBC sink connector matches " + only);
            }
            ConnectorRegistration connect = new ConnectorRegistration(config.connectUrl());
            Instant begin = Instant.now();
            for (ConnectorRegistration.Connector sink : sinks) {
                String table = sink.table();
                if (table == null || !table.matches("[a-z_]+\\.[a-z_]+")) {
                    throw new Ieim.BadInput(sink.name() + ": collection.name.format '" + table + "' is not a schema.table name");
                }
                connect.replaySink(sink.name(), () -> {
                    try (Connection db = DriverManager.getConnection(config.postgresJdbcUrl(), config.postgresUser(), config.postgresPassword());
                         Statement st = db.createStatement()) {
                        st.executeUpdate("TRUNCATE " + table);
                    } catch (java.sql.SQLException e) {
                        throw new java.io.IOException("cannot empty " + table + ": " + e.getMessage(), e);
                    }
                });
            }
            for (ConnectorRegistration.Connector sink : sinks) {
                awaitCaughtUp(config, sink, Duration.ofSeconds(timeoutSeconds));
                System.out.printf("%s: %s rebuilt, %d rows%n", sink.name(), sink.table(), rows(config, sink.table()));
            }
            System.out.printf("projections rebuilt in %.1f s%n", Duration.between(begin, Instant.now()).toMillis() / 1000.0);
            return 0;
        }
    }

    /**
     * Waits until the sink's consumer group has committed every record of its topics. A committed
     * offset short of the end offset can still be caught up: transactional topics end with commit
     * markers, which a sink never commits past; so the records between the two are looked at.
     */
    static void awaitCaughtUp(StackConfig config, ConnectorRegistration.Connector sink, Duration timeout) throws Exception {
        List<String> topics = List.of(sink.config().get("topics").split("\\s*,\\s*"));
        String group = "connect-" + sink.name();
        Instant deadline = Instant.now().plus(timeout);
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", config.kafkaBootstrap()));
             KafkaConsumer<byte[], byte[]> peek = new KafkaConsumer<>(Map.of("bootstrap.servers", config.kafkaBootstrap(),
                     "isolation.level", "read_committed", "enable.auto.commit", false),
                     new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            while (true) {
                Map<TopicPartition, OffsetSpec> latest = admin.describeTopics(topics).allTopicNames().get(30, TimeUnit.SECONDS)
                        .values().stream().flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                        .collect(Collectors.toMap(tp -> tp, tp -> OffsetSpec.latest()));
                var ends = admin.listOffsets(latest).all().get(30, TimeUnit.SECONDS);
                var committed = admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(30, TimeUnit.SECONDS);
                Map<TopicPartition, Long> behind = new HashMap<>();
                ends.forEach((tp, end) -> {
                    long at = committed.get(tp) == null ? 0 : committed.get(tp).offset();
                    if (at < end.offset()) {
                        behind.put(tp, at);
                    }
                });
                if (behind.isEmpty() || onlyMarkersLeft(peek, behind, ends)) {
                    return;
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new java.io.IOException(sink.name() + " has not caught up with " + topics + " after " + timeout.toSeconds() + " s");
                }
                Thread.sleep(500);
            }
        }
    }

    private static boolean onlyMarkersLeft(KafkaConsumer<byte[], byte[]> peek, Map<TopicPartition, Long> behind,
                                           Map<TopicPartition, org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo> ends) {
        peek.assign(behind.keySet());
        behind.forEach(peek::seek);
        Instant until = Instant.now().plusSeconds(2);
        while (Instant.now().isBefore(until)) {
            for (var r : peek.poll(Duration.ofMillis(200))) {
                if (r.offset() < ends.get(new TopicPartition(r.topic(), r.partition())).offset()) {
                    return false;
                }
            }
            if (behind.keySet().stream().allMatch(tp -> peek.position(tp) >= ends.get(tp).offset())) {
                return true;
            }
        }
        return false;
    }

    static long rows(StackConfig config, String table) throws java.sql.SQLException {
        try (Connection db = DriverManager.getConnection(config.postgresJdbcUrl(), config.postgresUser(), config.postgresPassword());
             Statement st = db.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
