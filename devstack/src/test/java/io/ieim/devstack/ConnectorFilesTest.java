package io.ieim.devstack;

import io.ieim.spec.TopicSpec;
import io.ieim.spec.Topics;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The connector files are shared with Strimzi; they may only name spec topics and stack variables. */
class ConnectorFilesTest {

    private static final Path DIR = StackConfig.fromEnvironment().home().resolve("connect/connectors");

    @Test
    void everyConnectorFileNamesOnlyTopicsOfTheSpecCatalogue() throws Exception {
        Set<String> specTopics = Topics.ALL.stream().map(TopicSpec::name).collect(Collectors.toSet());
        List<ConnectorRegistration.Connector> connectors = ConnectorRegistration.load(DIR);
        assertThat(connectors).extracting(ConnectorRegistration.Connector::name)
                .contains("ieim-outbox-source", "ieim-decision-projection-sink");
        for (ConnectorRegistration.Connector connector : connectors) {
            String topics = connector.config().get("topics");
            if (topics != null) {
                assertThat(Arrays.asList(topics.split(","))).as(connector.name()).allMatch(specTopics::contains);
            }
            String routed = connector.config().get("transforms.outbox.route.topic.replacement");
            if (routed != null) {
                assertThat(specTopics).as(connector.name()).contains(routed);
            }
        }
    }

    @Test
    void everyEnvironmentReferenceIsProvidedByTheStack() throws Exception {
        Set<String> provided = ConnectWorker.connectorEnvironment(StackConfig.fromEnvironment()).keySet();
        Pattern env = Pattern.compile("\\$\\{env:([A-Z0-9_]+)}");
        for (ConnectorRegistration.Connector connector : ConnectorRegistration.load(DIR)) {
            for (String value : connector.config().values()) {
                Matcher m = env.matcher(value);
                while (m.find()) {
                    assertThat(provided).as(connector.name() + " references " + m.group(1)).contains(m.group(1));
                }
            }
        }
    }

    @Test
    void aKeyedJdbcSinkHoistsTheStringKeyIntoAStruct() throws Exception {
        // FIELD-NOTES: primary.key.mode=record_key fails on a plain string key without HoistField$Key
        for (ConnectorRegistration.Connector connector : ConnectorRegistration.load(DIR)) {
            if ("record_key".equals(connector.config().get("primary.key.mode"))
                    && connector.config().getOrDefault("key.converter", "").endsWith("StringConverter")) {
                assertThat(connector.config().values()).as(connector.name())
                        .contains("org.apache.kafka.connect.transforms.HoistField$Key");
            }
        }
    }
}
