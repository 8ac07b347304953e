package io.ieim.connect.imap;

import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Store;
import jakarta.mail.Session;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;

/**
 * A real Dovecot (Debian's dovecot-imapd) for tests: its own process ({@code dovecot -F -c <conf>})
 * with its own configuration, run and state directories under a temporary folder, listening on
 * 127.0.0.1 only, on free ports: plain IMAP with STARTTLS and IMAPS, with a self-signed certificate
 * made by openssl for 127.0.0.1. Users come from a passwd file, mail is in maildirs under the same
 * folder. The package's own system service is not used (and need not run).
 *
 * <p>A missing dovecot binary fails the test (.ci/run installs the package), it does not skip it.
 * As root, Dovecot runs its login and internal processes as the package's users dovenull and dovecot,
 * and the mail processes as dovecot (Dovecot refuses mail access as root); as another user, everything
 * runs as that user.
 */
final class Dovecot implements AutoCloseable {

    static final String PASSWORD = "secret";

    private final Path dir;
    private final Process process;
    private final int imapPort;
    private final int imapsPort;

    private Dovecot(Path dir, Process process, int imapPort, int imapsPort) {
        this.dir = dir;
        this.process = process;
        this.imapPort = imapPort;
        this.imapsPort = imapsPort;
    }

    /** Starts Dovecot with one login per name (password {@link #PASSWORD}) and waits for both listeners. */
    static Dovecot start(List<String> users) throws Exception {
        Path binary = binary();
        Path dir = Files.createTempDirectory("ieim-dovecot-");
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String sub : List.of("run", "state", "mail")) {
            Files.createDirectories(dir.resolve(sub));
        }
        // a self-signed certificate for 127.0.0.1: the connector trusts it through imap.ssl.truststore.*
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
                "-keyout", dir.resolve("key.pem").toString(), "-out", dir.resolve("cert.pem").toString(),
                "-subj", "/CN=localhost", "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"), dir);

        boolean root = "root".equals(System.getProperty("user.name"));
        String mailUser = root ? "dovecot" : System.getProperty("user.name");
        long[] ids = ids(mailUser);
        StringBuilder passwd = new StringBuilder();
        for (String user : users) {
            // user:password:uid:gid:gecos:home:shell
            passwd.append(user).append(":{PLAIN}").append(PASSWORD).append(':').append(ids[0]).append(':').append(ids[1])
                    .append("::").append(dir.resolve("mail").resolve(user)).append("::\n");
        }
        Files.writeString(dir.resolve("passwd"), passwd.toString(), StandardCharsets.UTF_8);
        if (root) {
            var lookup = dir.getFileSystem().getUserPrincipalLookupService();
            Files.setOwner(dir.resolve("mail"), lookup.lookupPrincipalByName(mailUser));
        }

        int imapPort = freePort();
        int imapsPort = freePort();
        List<String> conf = new ArrayList<>(List.of(
                "# written by the IEIM Dovecot test; nothing outside " + dir + " is used",
                "base_dir = " + dir.resolve("run"),
                "state_dir = " + dir.resolve("state"),
                "instance_name = ieim-test-" + dir.getFileName(),
                "protocols = imap",
                "listen = 127.0.0.1",
                "log_path = " + dir.resolve("dovecot.log"),
                "ssl = yes",
                "ssl_cert = <" + dir.resolve("cert.pem"),
                "ssl_key = <" + dir.resolve("key.pem"),
                // plain LOGIN on the non-TLS port only for the test's own APPENDs; the connector uses TLS
                "disable_plaintext_auth = no",
                "auth_mechanisms = plain login",
                "first_valid_uid = 1",
                "mail_location = maildir:~/Maildir",
                "passdb {", "  driver = passwd-file", "  args = scheme=PLAIN " + dir.resolve("passwd"), "}",
                "userdb {", "  driver = passwd-file", "  args = " + dir.resolve("passwd"), "}",
                "service imap-login {",
                "  inet_listener imap {", "    address = 127.0.0.1", "    port = " + imapPort, "  }",
                "  inet_listener imaps {", "    address = 127.0.0.1", "    port = " + imapsPort, "    ssl = yes", "  }",
                "}",
                "service stats {",
                "  unix_listener stats-reader {", "    mode = 0666", "  }",
                "  unix_listener stats-writer {", "    mode = 0666", "  }",
                "}"));
        if (!root) {
            conf.addAll(List.of("default_login_user = " + mailUser, "default_internal_user = " + mailUser,
                    "default_internal_group = " + mailUser));
        }
        conf.add("");
        Path confFile = dir.resolve("dovecot.conf");
        Files.writeString(confFile, String.join("\n", conf), StandardCharsets.UTF_8);

        Process process = new ProcessBuilder(binary.toString(), "-F", "-c", confFile.toString())
                .directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("dovecot.out").toFile()).start();
        // a test JVM that dies without close() must not leave the server behind
        Runtime.getRuntime().addShutdownHook(new Thread(process::destroy, "dovecot-stop"));
        Dovecot dovecot = new Dovecot(dir, process, imapPort, imapsPort);
        try {
            dovecot.awaitGreeting(imapPort);
            dovecot.awaitGreeting(imapsPort);
        } catch (Exception e) {
            dovecot.close();
            throw e;
        }
        return dovecot;
    }

    private static Path binary() {
        for (String candidate : List.of("/usr/sbin/dovecot", "/usr/local/sbin/dovecot")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        for (String p : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!p.isBlank() && Files.isExecutable(Path.of(p, "dovecot"))) {
                return Path.of(p, "dovecot");
            }
        }
        // fail, not skip: the acceptance needs a real IMAP server
        throw new IllegalStateException("dovecot is not installed (Debian: apt-get install dovecot-imapd; .ci/run does it)");
    }

    private static long[] ids(String user) throws IOException {
        for (String line : Files.readAllLines(Path.of("/etc/passwd"))) {
            String[] f = line.split(":");
            if (f.length > 3 && f[0].equals(user)) {
                return new long[] {Long.parseLong(f[2]), Long.parseLong(f[3])};
            }
        }
        throw new IllegalStateException("no user " + user + " in /etc/passwd (the dovecot-core package creates it)");
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static void run(List<String> command, Path dir) throws Exception {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("openssl.out").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(command.get(0) + " failed: " + Files.readString(dir.resolve("openssl.out")));
        }
    }

    private void awaitGreeting(int port) throws Exception {
        Instant deadline = Instant.now().plusSeconds(30);
        while (true) {
            if (!process.isAlive()) {
                throw new IOException("dovecot exited: " + log());
            }
            try (Socket s = new Socket(InetAddress.getLoopbackAddress(), port)) {
                return;
            } catch (IOException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("dovecot does not listen on " + port + ": " + log());
                }
                Thread.sleep(100);
            }
        }
    }

    /** Dovecot's own output and log (logins and session summaries; no mail content). */
    String log() {
        StringBuilder b = new StringBuilder();
        for (String f : List.of("dovecot.out", "dovecot.log")) {
            try {
                b.append(Files.readString(dir.resolve(f)));
            } catch (IOException e) {
                // not written yet
            }
        }
        return b.toString();
    }

    int imapPort() {
        return imapPort;
    }

    int imapsPort() {
        return imapsPort;
    }

    /** The server's self-signed certificate (PEM): the connector's imap.ssl.truststore.location. */
    Path certificate() {
        return dir.resolve("cert.pem");
    }

    /** The connector settings that point at this server with the given security. */
    Map<String, String> connectorSettings(String user, String security) {
        return Map.of(
                ImapSourceConfig.HOST, "127.0.0.1",
                ImapSourceConfig.PORT, Integer.toString(security.equals("IMAPS") ? imapsPort : imapPort),
                ImapSourceConfig.SECURITY, security,
                ImapSourceConfig.USER, user,
                ImapSourceConfig.PASSWORD, PASSWORD,
                ImapSourceConfig.TRUSTSTORE_LOCATION, certificate().toString(),
                ImapSourceConfig.TRUSTSTORE_TYPE, "PEM");
    }

    /** A plain IMAP session as the given user (the test's own client: APPEND and checks). */
    Store connect(String user) throws Exception {
        Properties p = new Properties();
        p.put("mail.imap.peek", "true");
        Store store = Session.getInstance(p).getStore("imap");
        store.connect("127.0.0.1", imapPort, user, PASSWORD);
        return store;
    }

    /** Appends the mails to the user's INBOX with IMAP APPEND, as a delivering client would. */
    void append(String user, List<? extends Message> mails) throws Exception {
        try (Store store = connect(user)) {
            Folder inbox = store.getFolder("INBOX");
            inbox.appendMessages(mails.toArray(Message[]::new));
        }
    }

    @Override
    public void close() throws Exception {
        process.destroy(); // SIGTERM: the master stops its children
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

}
