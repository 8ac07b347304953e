package io.ieim.cli;

import io.ieim.devstack.JavaRuntime;
import io.ieim.devstack.ManagedProcess;
import io.ieim.devstack.StackConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** The decision topology as a process of the stack ({@code ieim run} in the background). */
final class Topology {

    static final String APPLICATION_ID = "ieim-decisions";

    private Topology() {
    }

    static ManagedProcess process(StackConfig config) {
        return new ManagedProcess(config, "topology");
    }

    /** Starts {@code ieim run} detached unless it runs, then waits for its health endpoint. */
    static void ensureRunning(StackConfig config, Duration timeout) throws IOException, InterruptedException {
        ensureRunning(config, timeout, Map.of());
    }

    /** ... with extra environment for the topology process (e.g. IEIM_ANCHOR_EVERY). */
    static void ensureRunning(StackConfig config, Duration timeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        ManagedProcess process = process(config);
        if (process.running().isEmpty()) {
            List<String> cmd = JavaRuntime.command("768m", System.getProperty("java.class.path"), Ieim.class.getName(),
                    List.of("--enable-native-access=ALL-UNNAMED", "-Dieim.home=" + config.home(), "-Dieim.var=" + config.varDir(),
                            "-Dieim.portBase=" + config.portBase()),
                    List.of("run"));
            process.start(cmd, config.varDir(), environment);
        }
        process.awaitReady(() -> healthy(config), timeout, "the topology");
    }

    static boolean healthy(StackConfig config) {
        try {
            HttpResponse<String> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + config.topologyPort() + "/health"))
                            .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200 && response.body().contains("RUNNING");
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Tree heads are signed every this many entries of an audit chain (IEIM_ANCHOR_EVERY). */
    static int anchorEvery() {
        String v = System.getenv("IEIM_ANCHOR_EVERY");
        return v == null || v.isBlank() ? 100 : Integer.parseInt(v.trim());
    }

    /** ... and at least this often while a chain has unanchored entries (IEIM_ANCHOR_INTERVAL_SECONDS). */
    static java.time.Duration anchorInterval() {
        String v = System.getenv("IEIM_ANCHOR_INTERVAL_SECONDS");
        return java.time.Duration.ofSeconds(v == null || v.isBlank() ? 60 : Long.parseLong(v.trim()));
    }

    /** The write-once bucket that keeps a copy of every anchor (and the raw mails) outside Kafka. */
    static io.ieim.storage.WriteOnceObjects anchorArchive(StackConfig config) {
        return new io.ieim.storage.WriteOnceObjects(io.minio.MinioClient.builder().endpoint(config.s3Endpoint())
                .credentials(config.s3AccessKey(), config.s3SecretKey()).build(), config.bucket());
    }

    /**
     * The Ed25519 key that signs audit tree heads: IEIM_ANCHOR_PRIVATE_KEY and IEIM_ANCHOR_PUBLIC_KEY
     * (base64 PKCS#8 / X.509) when set; the dev stack generates a pair under var/keys on first use and
     * says so. Rotation: configure a new pair; verifiers trust every public key in var/keys/*.pub.
     */
    static java.security.KeyPair anchorKey(StackConfig config) throws IOException {
        String priv = System.getenv("IEIM_ANCHOR_PRIVATE_KEY");
        String pub = System.getenv("IEIM_ANCHOR_PUBLIC_KEY");
        if (priv != null && !priv.isBlank() && pub != null && !pub.isBlank()) {
            return new java.security.KeyPair(io.ieim.ledger.Ed25519Keys.publicKey(pub), io.ieim.ledger.Ed25519Keys.privateKey(priv));
        }
        Path dir = config.varDir().resolve("keys");
        Path privFile = dir.resolve("anchor-ed25519.key");
        if (!Files.isRegularFile(privFile)) {
            java.security.KeyPair pair = io.ieim.ledger.Ed25519Keys.generate();
            Files.createDirectories(dir);
            Files.writeString(privFile, io.ieim.ledger.Ed25519Keys.encode(pair.getPrivate()) + "\n");
            Files.writeString(dir.resolve("anchor-" + io.ieim.ledger.Ed25519Keys.keyId(pair.getPublic()) + ".pub"),
                    io.ieim.ledger.Ed25519Keys.encode(pair.getPublic()) + "\n");
            Files.writeString(dir.resolve("anchor-ed25519.current.pub"), io.ieim.ledger.Ed25519Keys.encode(pair.getPublic()) + "\n");
            System.err.println("ieim: generated a development anchor signing key at " + privFile
                    + " (set IEIM_ANCHOR_PRIVATE_KEY / IEIM_ANCHOR_PUBLIC_KEY in production)");
        }
        return new java.security.KeyPair(
                io.ieim.ledger.Ed25519Keys.publicKey(Files.readString(dir.resolve("anchor-ed25519.current.pub"))),
                io.ieim.ledger.Ed25519Keys.privateKey(Files.readString(privFile)));
    }

    /** Public keys a verifier trusts: every var/keys/anchor-*.pub, by key id. */
    static java.util.Map<String, java.security.PublicKey> trustedAnchorKeys(StackConfig config) throws IOException {
        java.util.Map<String, java.security.PublicKey> keys = new java.util.TreeMap<>();
        Path dir = config.varDir().resolve("keys");
        String env = System.getenv("IEIM_ANCHOR_PUBLIC_KEY");
        if (env != null && !env.isBlank()) {
            var key = io.ieim.ledger.Ed25519Keys.publicKey(env);
            keys.put(io.ieim.ledger.Ed25519Keys.keyId(key), key);
        }
        if (Files.isDirectory(dir)) {
            try (var files = Files.list(dir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("anchor-.*\\.pub")).toList()) {
                    var key = io.ieim.ledger.Ed25519Keys.publicKey(Files.readString(f));
                    keys.put(io.ieim.ledger.Ed25519Keys.keyId(key), key);
                }
            }
        }
        return keys;
    }

    /**
     * The redaction HMAC key: IEIM_REDACTION_KEY (hex) when set; the dev stack generates one on first
     * use under var/keys and says so.
     */
    static byte[] redactionKey(StackConfig config) throws IOException {
        String configured = System.getenv("IEIM_REDACTION_KEY");
        if (configured != null && !configured.isBlank()) {
            return HexFormat.of().parseHex(configured.trim());
        }
        Path file = config.varDir().resolve("keys").resolve("redaction-hmac.key");
        if (!Files.isRegularFile(file)) {
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            Files.writeString(file, HexFormat.of().formatHex(key) + "\n");
            System.err.println("ieim: generated a development redaction key at " + file
                    + " (set IEIM_REDACTION_KEY in production)");
        }
        return HexFormat.of().parseHex(Files.readString(file).trim());
    }
}
