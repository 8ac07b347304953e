package io.ieim.scan;

import fi.solita.clamav.ClamAVClient;
import fi.solita.clamav.ClamAVSizeLimitException;
import io.ieim.domain.scan.MalwareScanner;
import io.ieim.domain.scan.ScannerUnavailableException;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.Socket;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ClamAV's clamd over TCP (INSTREAM, through the fi.solita client). A connection that cannot be made is
 * retried with a doubling pause and then reported as {@link ScannerUnavailableException}: the stage retries
 * the mail later instead of deciding anything. A reply of ERROR, the stream size limit or a read timeout is
 * a property of the content: {@link IOException}, which the stage records as SCAN_FAILED.
 */
public final class ClamdScanner implements MalwareScanner {

    private static final Pattern FOUND = Pattern.compile("^stream: (.+) FOUND$");

    private final String host;
    private final int port;
    private final int timeoutMillis;
    private final int attempts;
    private final Duration firstPause;

    /**
     * @param attempts   connection attempts before the scanner counts as unavailable (at least 1)
     * @param firstPause pause after the first failed attempt; doubled after each further one
     */
    public ClamdScanner(String host, int port, Duration timeout, int attempts, Duration firstPause) {
        this.host = host;
        this.port = port;
        this.timeoutMillis = Math.toIntExact(timeout.toMillis());
        this.attempts = Math.max(1, attempts);
        this.firstPause = firstPause;
    }

    /** host:port, e.g. 127.0.0.1:3310. */
    public static ClamdScanner of(String address, Duration timeout) {
        int colon = address.lastIndexOf(':');
        if (colon <= 0) {
            throw new IllegalArgumentException("clamd address must be host:port, not '" + address + "'");
        }
        return new ClamdScanner(address.substring(0, colon), Integer.parseInt(address.substring(colon + 1)), timeout,
                3, Duration.ofSeconds(1));
    }

    @Override
    public String scan(byte[] content) throws IOException {
        byte[] reply = withRetries(() -> {
            try {
                return new ClamAVClient(host, port, timeoutMillis).scan(content);
            } catch (ClamAVSizeLimitException e) {
                throw new IOException("larger than clamd's StreamMaxLength (" + content.length + " bytes)");
            }
        });
        String answer = new String(reply, StandardCharsets.US_ASCII).replace("\0", "").strip();
        if (ClamAVClient.isCleanReply(reply)) {
            return null;
        }
        Matcher m = FOUND.matcher(answer);
        if (m.matches()) {
            return m.group(1);
        }
        throw new IOException("clamd: " + answer);
    }

    private volatile String version;
    private volatile long versionReadAt;

    /** clamd's version, asked again at most once a minute (freshclam reloads signatures while it runs). */
    @Override
    public String version() throws IOException {
        long now = System.nanoTime();
        String v = version;
        if (v == null || now - versionReadAt > Duration.ofMinutes(1).toNanos()) {
            v = readVersion();
            version = v;
            versionReadAt = now;
        }
        return v;
    }

    private String readVersion() throws IOException {
        // VERSION is not in the client; it is one null-terminated command and one line back
        byte[] reply = withRetries(() -> {
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), timeoutMillis);
                socket.setSoTimeout(timeoutMillis);
                OutputStream out = socket.getOutputStream();
                out.write("zVERSION\0".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                InputStream in = socket.getInputStream();
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                return buffer.toByteArray();
            }
        });
        return new String(reply, StandardCharsets.US_ASCII).replace("\0", "").strip();
    }

    private interface Call {
        byte[] run() throws IOException;
    }

    private byte[] withRetries(Call call) throws IOException {
        Duration pause = firstPause;
        IOException last = null;
        for (int i = 1; i <= attempts; i++) {
            try {
                return call.run();
            } catch (ConnectException | NoRouteToHostException | UnknownHostException e) {
                last = e;
                if (i < attempts) {
                    try {
                        Thread.sleep(pause.toMillis());
                    } catch (InterruptedException ie) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                    pause = pause.multipliedBy(2);
                }
            }
        }
        throw new ScannerUnavailableException("clamd at " + host + ":" + port + " unreachable after " + attempts
                + " attempts: " + (last == null ? "interrupted" : last.getClass().getSimpleName()), last);
    }
}
