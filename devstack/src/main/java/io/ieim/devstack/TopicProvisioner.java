package io.ieim.devstack;

import io.ieim.spec.TopicSpec;
import io.ieim.spec.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Creates every topic of the spec catalogue with its partitions and configs, and brings the configs
 * of existing topics back to the catalogue (the catalogue, not the broker, is the source of truth).
 */
final class TopicProvisioner {

    private final Admin admin;
    private final short replicationFactor;

    TopicProvisioner(Admin admin, short replicationFactor) {
        this.admin = admin;
        this.replicationFactor = replicationFactor;
    }

    /** Returns the names of the topics it created. */
    List<String> provision(Collection<TopicSpec> catalogue) throws Exception {
        Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
        List<NewTopic> missing = new ArrayList<>();
        Map<ConfigResource, Collection<AlterConfigOp>> updates = new HashMap<>();
        for (TopicSpec topic : catalogue) {
            if (existing.contains(topic.name())) {
                updates.put(new ConfigResource(ConfigResource.Type.TOPIC, topic.name()),
                        topic.topicConfigs().entrySet().stream()
                                .map(e -> new AlterConfigOp(new ConfigEntry(e.getKey(), e.getValue()),
                                        AlterConfigOp.OpType.SET))
                                .toList());
            } else {
                missing.add(new NewTopic(topic.name(), topic.partitions(), replicationFactor)
                        .configs(topic.topicConfigs()));
            }
        }
        if (!missing.isEmpty()) {
            admin.createTopics(missing).all().get(60, TimeUnit.SECONDS);
        }
        if (!updates.isEmpty()) {
            admin.incrementalAlterConfigs(updates).all().get(60, TimeUnit.SECONDS);
        }
        return missing.stream().map(NewTopic::name).toList();
    }

    static List<TopicSpec> catalogue() {
        return Topics.ALL;
    }
}
