package io.ieim.connect.graph;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.ConnectorTransactionBoundaries;
import org.apache.kafka.connect.source.ExactlyOnceSupport;
import org.apache.kafka.connect.source.SourceConnector;
import org.apache.kafka.connect.util.ConnectorUtils;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Microsoft 365 mail folders through Graph delta queries into ieim.mail.received.v1; folders split over tasks. */
public final class GraphSourceConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new GraphSourceConfig(props); // fail at creation, not in the tasks
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return GraphSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> folders = new GraphSourceConfig(props).folders();
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> group : ConnectorUtils.groupPartitions(folders, Math.max(1, Math.min(maxTasks, folders.size())))) {
            Map<String, String> config = new HashMap<>(props);
            config.put(GraphSourceConfig.FOLDERS, String.join(",", group));
            configs.add(config);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return GraphSourceConfig.DEFINITION;
    }

    @Override
    public String version() {
        return "1";
    }

    /** Offsets are positions in delta rounds, written with the records: the worker may commit both in one transaction. */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }
}
