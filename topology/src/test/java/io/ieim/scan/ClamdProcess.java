package io.ieim.scan;

import fi.solita.clamav.ClamAVClient;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;

/**
 * A real clamd (Debian package clamav-daemon) for tests, on a free loopback port, with its own configuration
 * and a one-signature database: the EICAR test string as a body signature (.ndb), so it is found inside
 * archives and larger files too, where the sha256 rule of the classification rules cannot see it. No
 * freshclam, no network. Fails, rather than skips, when clamd is not installed (.ci/run installs it).
 */
public final class ClamdProcess implements AutoCloseable {

    /** The EICAR anti-virus test file (harmless by definition; every scanner must detect it). */
    public static final byte[] EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
            .getBytes(StandardCharsets.US_ASCII);
    public static final String SIGNATURE = "IEIM.Test.EICAR";

    private final Process process;
    private final int port;

    private ClamdProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static ClamdProcess start(Path dir, long streamMaxBytes) throws IOException, InterruptedException {
        Path clamd = List.of(Path.of("/usr/sbin/clamd"), Path.of("/usr/bin/clamd")).stream().filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "clamd is not installed: apt-get install clamav-daemon (.ci/run installs it)"));
        Path db = Files.createDirectories(dir.resolve("db"));
        Files.writeString(db.resolve("ieim-test.ndb"), SIGNATURE + ":0:*:" + HexFormat.of().formatHex(EICAR) + "\n");
        Files.createDirectories(dir.resolve("tmp"));
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Path conf = dir.resolve("clamd.conf");
        Files.writeString(conf, String.join("\n",
                "Foreground yes",
                "TCPSocket " + port,
                "TCPAddr 127.0.0.1",
                "DatabaseDirectory " + db,
                "TemporaryDirectory " + dir.resolve("tmp"),
                "LogFile " + dir.resolve("clamd.log"),
                "PidFile " + dir.resolve("clamd.pid"),
                "StreamMaxLength " + streamMaxBytes,
                "MaxThreads 2",
                "SelfCheck 0",
                ""));
        Process p = new ProcessBuilder(clamd.toString(), "-c", conf.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("clamd.out").toFile()).start();
        ClamdProcess daemon = new ClamdProcess(p, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("clamd exited with " + p.exitValue() + ": "
                        + Files.readString(dir.resolve("clamd.out")));
            }
            try {
                if (new ClamAVClient("127.0.0.1", port, 1000).ping()) {
                    return daemon;
                }
            } catch (IOException notYet) {
                // still loading its database
            }
            Thread.sleep(200);
        }
        daemon.close();
        throw new IllegalStateException("clamd did not answer PING within 60 s");
    }

    public int port() {
        return port;
    }

    public String address() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
