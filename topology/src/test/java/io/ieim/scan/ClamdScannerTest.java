package io.ieim.scan;

import io.ieim.domain.scan.ScannerUnavailableException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The clamd adapter against a real clamd (see {@link ClamdProcess}). */
class ClamdScannerTest {

    @TempDir
    static Path dir;
    static ClamdProcess clamd;

    @BeforeAll
    static void start() throws Exception {
        clamd = ClamdProcess.start(dir, 1024 * 1024);
    }

    @AfterAll
    static void stop() {
        if (clamd != null) {
            clamd.close();
        }
    }

    private static ClamdScanner scanner() {
        return ClamdScanner.of(clamd.address(), Duration.ofSeconds(30));
    }

    @Test
    void findsTheSignatureInsideAnArchiveAndNothingInPlainText() throws IOException {
        assertThat(scanner().scan(ScanFixtures.zip("rechnung.txt", ClamdProcess.EICAR))).isEqualTo(ClamdProcess.SIGNATURE + ".UNOFFICIAL");
        assertThat(scanner().scan(ClamdProcess.EICAR)).isEqualTo(ClamdProcess.SIGNATURE + ".UNOFFICIAL");
        assertThat(scanner().scan("Sehr geehrte Damen und Herren, anbei die Rechnung.".getBytes(StandardCharsets.UTF_8)))
                .isNull();
    }

    @Test
    void reportsItsVersion() throws IOException {
        assertThat(scanner().version()).startsWith("ClamAV ");
    }

    @Test
    void contentBeyondTheStreamLimitIsAScanFailureOfThatContent() {
        byte[] big = new byte[2 * 1024 * 1024];
        assertThatThrownBy(() -> scanner().scan(big)).isInstanceOf(IOException.class)
                .isNotInstanceOf(ScannerUnavailableException.class);
    }

    @Test
    void anUnreachableScannerIsNoVerdict() throws IOException {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        ClamdScanner down = new ClamdScanner("127.0.0.1", closed, Duration.ofSeconds(2), 2, Duration.ofMillis(50));
        assertThatThrownBy(() -> down.scan(ClamdProcess.EICAR)).isInstanceOf(ScannerUnavailableException.class)
                .hasMessageContaining("unreachable after 2 attempts");
    }
}
