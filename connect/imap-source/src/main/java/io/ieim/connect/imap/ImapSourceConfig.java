package io.ieim.connect.imap;

import io.ieim.domain.mail.NormalizationLimits;
import io.ieim.spec.Topics;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigDef.Importance;
import org.apache.kafka.common.config.ConfigDef.Type;
import org.apache.kafka.common.config.ConfigException;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The connector's configuration; the table in connect/README.md lists the same keys. */
public final class ImapSourceConfig extends AbstractConfig {

    /** How the IMAP connection is secured. NONE exists for in-process test servers only. */
    public enum Security { IMAPS, STARTTLS, NONE }

    /** What happens to a mail on the server once its record is durably in Kafka. */
    public enum AfterAction { NONE, SEEN, MOVE }

    public static final String HOST = "imap.host";
    public static final String PORT = "imap.port";
    public static final String SECURITY = "imap.security";
    public static final String USER = "imap.user";
    public static final String PASSWORD = "imap.password";
    public static final String MAILBOXES = "imap.mailboxes";
    public static final String POLL_INTERVAL_MS = "imap.poll.interval.ms";
    public static final String BATCH_SIZE = "imap.batch.size";
    public static final String IDLE = "imap.idle";
    public static final String TIMEOUT_MS = "imap.timeout.ms";
    public static final String AFTER_ACTION = "imap.after.action";
    public static final String MOVE_FOLDER = "imap.move.folder";
    public static final String TRUSTSTORE_LOCATION = "imap.ssl.truststore.location";
    public static final String TRUSTSTORE_TYPE = "imap.ssl.truststore.type";
    public static final String TRUSTSTORE_PASSWORD = "imap.ssl.truststore.password";
    public static final String TOPIC = "topic";
    public static final String S3_ENDPOINT = "s3.endpoint";
    public static final String S3_ACCESS_KEY = "s3.access.key";
    public static final String S3_SECRET_KEY = "s3.secret.key";
    public static final String S3_BUCKET = "s3.bucket";
    public static final String REGISTRY_URL = "registry.url";
    public static final String MAX_BYTES = "mail.max.bytes";
    /** Set by the connector for each task: the mailboxes that task reads. */
    public static final String TASK_MAILBOXES = "imap.task.mailboxes";

    public static final ConfigDef DEF = new ConfigDef()
            .define(HOST, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(), Importance.HIGH,
                    "IMAP server host name.")
            .define(PORT, Type.INT, 993, ConfigDef.Range.between(1, 65535), Importance.HIGH, "IMAP server port.")
            .define(SECURITY, Type.STRING, Security.IMAPS.name(), enumValidator(Security.values()), Importance.HIGH,
                    "IMAPS (TLS from the start), STARTTLS (required) or NONE (plain text, for tests only).")
            .define(USER, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "IMAP user name.")
            .define(PASSWORD, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "IMAP password.")
            .define(MAILBOXES, Type.LIST, "INBOX", Importance.HIGH,
                    "Mailboxes (folders) to read, comma-separated; they are spread over at most tasks.max tasks.")
            .define(POLL_INTERVAL_MS, Type.LONG, 30_000L, ConfigDef.Range.atLeast(10), Importance.MEDIUM,
                    "Wait between checks of a mailbox that had no new mail (the IDLE timeout when imap.idle is on).")
            .define(BATCH_SIZE, Type.INT, 100, ConfigDef.Range.between(1, 10_000), Importance.MEDIUM,
                    "Most mails returned by one poll; with exactly-once support one poll is one transaction.")
            .define(IDLE, Type.BOOLEAN, false, Importance.LOW,
                    "Wait for new mail with IMAP IDLE instead of sleeping (only for a task with one mailbox; "
                            + "falls back to sleeping if the server lacks IDLE).")
            .define(TIMEOUT_MS, Type.INT, 60_000, ConfigDef.Range.atLeast(1000), Importance.LOW,
                    "IMAP connect and read timeout.")
            .define(AFTER_ACTION, Type.STRING, AfterAction.NONE.name(), enumValidator(AfterAction.values()),
                    Importance.MEDIUM, "After a mail's record is durably in Kafka: NONE, SEEN (set \\Seen) or "
                            + "MOVE (to imap.move.folder).")
            .define(MOVE_FOLDER, Type.STRING, "", Importance.MEDIUM, "Target folder for imap.after.action=MOVE.")
            .define(TRUSTSTORE_LOCATION, Type.STRING, "", Importance.MEDIUM,
                    "Trust store for the IMAP server's certificate (IMAPS, STARTTLS), e.g. a private CA; empty: "
                            + "the JVM's default trust store. The host name is checked either way.")
            .define(TRUSTSTORE_TYPE, Type.STRING, "PKCS12", ConfigDef.CaseInsensitiveValidString.in("PKCS12", "JKS", "PEM"),
                    Importance.LOW, "PKCS12, JKS or PEM (X.509 certificates, no password).")
            .define(TRUSTSTORE_PASSWORD, Type.PASSWORD, null, Importance.LOW,
                    "Password of a PKCS12 or JKS trust store, if it has one.")
            .define(TOPIC, Type.STRING, Topics.MAIL_RECEIVED.name(), Importance.LOW, "Topic of the mail events.")
            .define(S3_ENDPOINT, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Object storage (S3 API) endpoint for the raw MIME.")
            .define(S3_ACCESS_KEY, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Object storage access key.")
            .define(S3_SECRET_KEY, Type.PASSWORD, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Object storage secret key.")
            .define(S3_BUCKET, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH, "Bucket of the raw MIME.")
            .define(REGISTRY_URL, Type.STRING, ConfigDef.NO_DEFAULT_VALUE, Importance.HIGH,
                    "Apicurio registry v3 API URL; the value is serialized with io.ieim.avro.RegistrySerdes.")
            .define(MAX_BYTES, Type.LONG, NormalizationLimits.DEFAULT.maxBytes(), ConfigDef.Range.atLeast(1),
                    Importance.MEDIUM, "Largest mail decoded; a larger one is stored raw and published as "
                            + "LIMIT_EXCEEDED (quarantined), like `ieim ingest` does.")
            .define(TASK_MAILBOXES, Type.LIST, "", Importance.LOW, "Internal: the mailboxes of one task.");

    public ImapSourceConfig(Map<String, String> props) {
        super(DEF, props);
        if (afterAction() == AfterAction.MOVE && getString(MOVE_FOLDER).isBlank()) {
            throw new ConfigException(MOVE_FOLDER, "", "required when " + AFTER_ACTION + "=MOVE");
        }
        if (mailboxes().isEmpty()) {
            throw new ConfigException(MAILBOXES, "", "at least one mailbox");
        }
    }

    /**
     * The socket factory trusting {@link #TRUSTSTORE_LOCATION}, or null for the JVM's defaults. Only the
     * trust anchors change: certificates are still validated and the host name still checked.
     */
    public javax.net.ssl.SSLSocketFactory sslSocketFactory() {
        String location = getString(TRUSTSTORE_LOCATION);
        if (location.isBlank()) {
            return null;
        }
        String type = getString(TRUSTSTORE_TYPE).toUpperCase(Locale.ROOT);
        try (java.io.InputStream in = java.nio.file.Files.newInputStream(java.nio.file.Path.of(location))) {
            java.security.KeyStore trust;
            if (type.equals("PEM")) {
                trust = java.security.KeyStore.getInstance("PKCS12");
                trust.load(null, null);
                int i = 0;
                for (java.security.cert.Certificate c : java.security.cert.CertificateFactory.getInstance("X.509")
                        .generateCertificates(in)) {
                    trust.setCertificateEntry("imap-trust-" + i++, c);
                }
                if (i == 0) {
                    throw new ConfigException(TRUSTSTORE_LOCATION, location, "no certificate in the PEM file");
                }
            } else {
                trust = java.security.KeyStore.getInstance(type);
                org.apache.kafka.common.config.types.Password password = getPassword(TRUSTSTORE_PASSWORD);
                trust.load(in, password == null ? null : password.value().toCharArray());
            }
            javax.net.ssl.TrustManagerFactory tmf = javax.net.ssl.TrustManagerFactory.getInstance(
                    javax.net.ssl.TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            javax.net.ssl.SSLContext context = javax.net.ssl.SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context.getSocketFactory();
        } catch (java.io.IOException | java.security.GeneralSecurityException e) {
            throw new ConfigException(TRUSTSTORE_LOCATION, location, "unreadable trust store: " + e.getMessage());
        }
    }

    public Security security() {
        return Security.valueOf(getString(SECURITY).toUpperCase(Locale.ROOT));
    }

    public AfterAction afterAction() {
        return AfterAction.valueOf(getString(AFTER_ACTION).toUpperCase(Locale.ROOT));
    }

    public List<String> mailboxes() {
        return getList(MAILBOXES);
    }

    /** This task's mailboxes; all of them when the connector did not assign any (a test's single task). */
    public List<String> taskMailboxes() {
        List<String> assigned = getList(TASK_MAILBOXES);
        return assigned.isEmpty() ? mailboxes() : assigned;
    }

    public NormalizationLimits limits() {
        NormalizationLimits d = NormalizationLimits.DEFAULT;
        return new NormalizationLimits(getLong(MAX_BYTES), d.maxParts(), d.maxDepth(), d.maxHeaders(), d.maxBodyChars());
    }

    private static ConfigDef.Validator enumValidator(Enum<?>[] values) {
        String[] names = java.util.Arrays.stream(values).map(Enum::name).toArray(String[]::new);
        return ConfigDef.CaseInsensitiveValidString.in(names);
    }

    static void requireMailboxesValid(List<String> mailboxes) {
        for (String m : mailboxes) {
            if (m.isBlank()) {
                throw new ConfigException(MAILBOXES, mailboxes, "blank mailbox name");
            }
        }
    }
}
