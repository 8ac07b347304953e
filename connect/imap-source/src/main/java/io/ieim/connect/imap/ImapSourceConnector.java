package io.ieim.connect.imap;

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

/**
 * IMAP mailboxes to {@code ieim.mail.received.v1}. Each task reads a group of mailboxes; a mailbox is
 * read by exactly one task, so its offset ({@code uidvalidity}, {@code last_uid}) has one writer.
 */
public final class ImapSourceConnector extends SourceConnector {

    public static final String VERSION = "1";

    private Map<String, String> props;
    private ImapSourceConfig config;

    @Override
    public void start(Map<String, String> props) {
        this.props = Map.copyOf(props);
        this.config = new ImapSourceConfig(props);
        ImapSourceConfig.requireMailboxesValid(config.mailboxes());
    }

    @Override
    public Class<? extends Task> taskClass() {
        return ImapSourceTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        List<String> mailboxes = config.mailboxes();
        List<Map<String, String>> configs = new ArrayList<>();
        for (List<String> group : ConnectorUtils.groupPartitions(mailboxes, Math.min(maxTasks, mailboxes.size()))) {
            Map<String, String> task = new HashMap<>(props);
            task.put(ImapSourceConfig.TASK_MAILBOXES, String.join(",", group));
            configs.add(task);
        }
        return configs;
    }

    @Override
    public void stop() {
    }

    @Override
    public ConfigDef config() {
        return ImapSourceConfig.DEF;
    }

    @Override
    public String version() {
        return VERSION;
    }

    /**
     * Supported: every record carries the offset of its own mail, nothing is returned before its raw
     * MIME is stored, and the worker commits the records of a poll together with their offsets.
     */
    @Override
    public ExactlyOnceSupport exactlyOnceSupport(Map<String, String> connectorConfig) {
        return ExactlyOnceSupport.SUPPORTED;
    }

    /**
     * The connector does not define its own transactions: the worker's default (one transaction per
     * poll batch, imap.batch.size) is already consistent, since a batch never splits a mail.
     */
    @Override
    public ConnectorTransactionBoundaries canDefineTransactionBoundaries(Map<String, String> connectorConfig) {
        return ConnectorTransactionBoundaries.UNSUPPORTED;
    }

    /** KIP-875: operators may reset or set a mailbox's position over the REST API; check its shape. */
    @Override
    public boolean alterOffsets(Map<String, String> connectorConfig, Map<Map<String, ?>, Map<String, ?>> offsets) {
        for (Map.Entry<Map<String, ?>, Map<String, ?>> e : offsets.entrySet()) {
            if (!(e.getKey().get(MailboxPosition.MAILBOX) instanceof String)) {
                throw new IllegalArgumentException("a source partition is {\"" + MailboxPosition.MAILBOX + "\": name}");
            }
            Map<String, ?> offset = e.getValue();
            if (offset != null && MailboxPosition.fromOffset(offset) == null) {
                throw new IllegalArgumentException("an offset is {\"" + MailboxPosition.UIDVALIDITY + "\": n, \""
                        + MailboxPosition.LAST_UID + "\": n} (null resets the mailbox)");
            }
        }
        return true;
    }
}
