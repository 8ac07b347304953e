package io.ieim.devstack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Where the embedded stack lives and which loopback ports it uses. Every part derives its port
 * from one base so that two stacks (a developer's and the test suite's) never collide.
 *
 * <p>Settings come from system properties ({@code ieim.*}) or environment variables
 * ({@code IEIM_*}), in that order: {@code ieim.home}/{@code IEIM_HOME} (repository root),
 * {@code ieim.var}/{@code IEIM_VAR} (data folder, default {@code <home>/var}),
 * {@code ieim.portBase}/{@code IEIM_PORT_BASE} (default 19000),
 * {@code ieim.postgres.jdbcUrl}/{@code IEIM_POSTGRES_JDBC_URL} (use an external PostgreSQL).
 */
public record StackConfig(Path home, Path varDir, int portBase, String externalPostgresUrl,
                          String postgresUser, String postgresPassword,
                          String s3AccessKey, String s3SecretKey, String bucket) {

    public static final int DEFAULT_PORT_BASE = 19000;

    public int kafkaPort() { return portBase + 92; }
    public int kafkaControllerPort() { return portBase + 93; }
    public int registryPort() { return portBase + 81; }
    public int registryManagementPort() { return portBase + 82; }
    public int connectPort() { return portBase + 83; }
    public int s3Port() { return portBase + 84; }
    public int oidcPort() { return portBase + 85; }
    public int postgresPort() { return portBase + 432; }
    /** HTTP of the decision topology (health, metrics, interactive queries). */
    public int topologyPort() { return portBase + 80; }
    /** The reviewer API (module api), started by {@code ieim api}. */
    public int reviewApiPort() { return portBase + 88; }
    /** The SMTP gateway ({@code ieim smtp}); not a stack server, but its default port follows the base. */
    public int smtpPort() { return portBase + 25; }

    public String kafkaBootstrap() { return "127.0.0.1:" + kafkaPort(); }
    public String registryUrl() { return "http://127.0.0.1:" + registryPort() + "/apis/registry/v3"; }
    /** The Connect converter (Apicurio 2.x) speaks the registry's v2 API, which the 3.x server keeps. */
    public String registryV2Url() { return "http://127.0.0.1:" + registryPort() + "/apis/registry/v2"; }
    public String connectUrl() { return "http://127.0.0.1:" + connectPort(); }
    public String s3Endpoint() { return "http://127.0.0.1:" + s3Port(); }
    /**
     * The dev OIDC provider's issuer. The provider derives {@code iss} from the request's host, so
     * clients must use exactly this URL (127.0.0.1, not localhost) or token validation fails.
     */
    public String oidcIssuerUrl() { return "http://127.0.0.1:" + oidcPort() + "/" + OidcProvider.ISSUER_ID; }

    /** JDBC URL of the product database (projections, outbox). */
    public String postgresJdbcUrl() {
        return externalPostgresUrl != null ? externalPostgresUrl
                : "jdbc:postgresql://127.0.0.1:" + postgresPort() + "/ieim";
    }

    /** JDBC URL of the registry's own database on the same server. */
    public String registryJdbcUrl() {
        return postgresJdbcUrl().replaceFirst("/[^/?]+(\\?.*)?$", "/apicurio_registry$1");
    }

    public boolean embeddedPostgres() { return externalPostgresUrl == null; }

    public Path runtimeDir() { return varDir.resolve("runtime"); }
    public Path logDir() { return varDir.resolve("logs"); }
    public Path pidDir() { return varDir.resolve("run"); }

    /** The Maven-assembled server runtimes under devstack/servers. */
    public Path serversDir() { return home.resolve("devstack").resolve("servers"); }

    public StackConfig withPortBase(int base) {
        return new StackConfig(home, varDir, base, externalPostgresUrl, postgresUser, postgresPassword,
                s3AccessKey, s3SecretKey, bucket);
    }

    public StackConfig withVarDir(Path dir) {
        return new StackConfig(home, dir, portBase, externalPostgresUrl, postgresUser, postgresPassword,
                s3AccessKey, s3SecretKey, bucket);
    }

    /** Reads the configuration from system properties and the environment. */
    public static StackConfig fromEnvironment() {
        return from(System.getProperties()::getProperty, System.getenv());
    }

    static StackConfig from(java.util.function.Function<String, String> props, Map<String, String> env) {
        Path home = Optional.ofNullable(setting(props, env, "home")).map(Path::of)
                .orElseGet(StackConfig::findHome).toAbsolutePath().normalize();
        Path var = Optional.ofNullable(setting(props, env, "var")).map(Path::of)
                .orElse(home.resolve("var")).toAbsolutePath().normalize();
        int base = Optional.ofNullable(setting(props, env, "portBase")).map(Integer::parseInt)
                .orElse(DEFAULT_PORT_BASE);
        if (base < 1024 || base > 65000) {
            throw new IllegalArgumentException("port base " + base + " is outside 1024..65000");
        }
        return new StackConfig(home, var, base,
                setting(props, env, "postgres.jdbcUrl"),
                Optional.ofNullable(setting(props, env, "postgres.user")).orElse("ieim"),
                Optional.ofNullable(setting(props, env, "postgres.password")).orElse("ieim-dev"),
                Optional.ofNullable(setting(props, env, "s3.accessKey")).orElse("ieim-dev"),
                Optional.ofNullable(setting(props, env, "s3.secretKey")).orElse("ieim-dev-secret"),
                Optional.ofNullable(setting(props, env, "s3.bucket")).orElse("ieim-raw-mail"));
    }

    private static String setting(java.util.function.Function<String, String> props, Map<String, String> env,
                                  String key) {
        String value = props.apply("ieim." + key);
        if (value == null || value.isBlank()) {
            value = env.get("IEIM_" + key.replaceAll("([a-z])([A-Z])", "$1_$2").replace('.', '_')
                    .toUpperCase(java.util.Locale.ROOT));
        }
        return value == null || value.isBlank() ? null : value;
    }

    /** The repository root: the nearest folder upwards holding the wrapper and devstack/. */
    static Path findHome() {
        Path dir = Path.of("").toAbsolutePath();
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("devstack"))) {
                return p;
            }
        }
        throw new IllegalStateException("cannot find the IEIM repository root above " + dir
                + "; set IEIM_HOME");
    }
}
