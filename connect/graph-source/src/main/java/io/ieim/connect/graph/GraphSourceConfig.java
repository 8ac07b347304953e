package io.ieim.connect.graph;

import io.ieim.spec.Topics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** Configuration of the Graph mail source: the app registration, the folders, the raw-mail store. */
public final class GraphSourceConfig extends AbstractConfig {

    public static final String AUTHORITY_URL = "graph.authority.url";
    public static final String GRAPH_URL = "graph.url";
    public static final String TENANT = "graph.tenant.id";
    public static final String CLIENT_ID = "graph.client.id";
    public static final String CLIENT_SECRET = "graph.client.secret";
    public static final String FOLDERS = "graph.folders";
    public static final String MAX_ATTEMPTS = "graph.max.attempts";
    public static final String BATCH_SIZE = "batch.size";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String TOPIC = "topic";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_BUCKET = "s3.bucket";
    public static final String REGISTRY_URL = "registry.url";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(AUTHORITY_URL, Type.STRING, "https://login.microsoftonline.com", Importance.LOW, "Token service.")
            .define(GRAPH_URL, Type.STRING, "https://graph.microsoft.com/v1.0", Importance.LOW, "Graph API root with version.")
            .define(TENANT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Directory (tenant) id.")
            .define(CLIENT_ID, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Application (client) id with Mail.Read.")
            .define(CLIENT_SECRET, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Client secret.")
            .define(FOLDERS, Type.LIST, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Folders to read, each mailbox/folder (e.g. schaden@versicherung.example/inbox); split over the tasks.")
            .define(MAX_ATTEMPTS, Type.INT, 6, ConfigDef.Range.atLeast(1), Importance.LOW, "Attempts per request when throttled.")
            .define(BATCH_SIZE, Type.INT, 50, ConfigDef.Range.between(1, 1000), Importance.MEDIUM, "Mails per poll and folder.")
            .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(100), Importance.MEDIUM,
                    "Wait between delta rounds when a folder has nothing new.")
            .define(TOPIC, Type.STRING, Topics.MAIL_RECEIVED.name(), Importance.LOW, "Topic of the MailReceived events.")
            .define(S3_ENDPOINT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Object storage (S3 API) for the raw MIME.")
            .define(S3_ACCESS_KEY, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Object storage access key.")
            .define(S3_SECRET_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Object storage secret key.")
            .define(S3_BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Bucket of the raw MIME.")
            .define(REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Apicurio registry (v3 API).");

    public GraphSourceConfig(Map<String, String> props) {
        super(DEFINITION, props);
        for (String folder : folders()) {
            if (!folder.matches("[^/\\s]+@[^/\\s]+/[^/\\s]+")) {
                throw new org.apache.kafka.common.config.ConfigException(FOLDERS, folder, "expected mailbox/folder");
            }
        }
    }

    public List<String> folders() {
        return getList(FOLDERS);
    }

    public GraphSettings graphSettings() {
        return new GraphSettings(getString(AUTHORITY_URL), getString(GRAPH_URL), getString(TENANT), getString(CLIENT_ID),
                getPassword(CLIENT_SECRET).value(), getInt(MAX_ATTEMPTS), Duration.ofMinutes(5));
    }
}
