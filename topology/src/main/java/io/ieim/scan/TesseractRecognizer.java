package io.ieim.scan;

import io.ieim.domain.scan.TextRecognizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The tesseract command (Debian package tesseract-ocr with its language data): the image on standard input,
 * the text on standard output. One thread (OMP_THREAD_LIMIT=1): the result does not depend on the machine's
 * cores, and the stage runs beside the topology. A run beyond the timeout is killed.
 */
public final class TesseractRecognizer implements TextRecognizer {

    private final String command;
    private final String languages;
    private final Duration timeout;
    private final String version;

    public TesseractRecognizer(String command, String languages, Duration timeout) throws IOException {
        this.command = command;
        this.languages = languages;
        this.timeout = timeout;
        String v = new String(run(List.of(command, "--version"), new byte[0]), StandardCharsets.UTF_8);
        // first line: "tesseract 5.3.0"
        this.version = v.lines().findFirst().orElse("tesseract").strip() + " " + languages;
    }

    @Override
    public String recognize(byte[] image) throws IOException {
        return new String(run(List.of(command, "stdin", "stdout", "-l", languages, "--psm", "3"), image),
                StandardCharsets.UTF_8);
    }

    @Override
    public String version() {
        return version;
    }

    private byte[] run(List<String> args, byte[] input) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(args).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("OMP_THREAD_LIMIT", "1");
        Process p = pb.start();
        CompletableFuture<byte[]> stdout = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = p.getInputStream()) {
                ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                in.transferTo(buffer);
                return buffer.toByteArray();
            } catch (IOException e) {
                return new byte[0];
            }
        });
        try (OutputStream out = p.getOutputStream()) {
            out.write(input);
        } catch (IOException e) {
            // tesseract may close its input early on an image it cannot read; the exit code tells
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException("tesseract took longer than " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0) {
                throw new IOException("tesseract exited with " + p.exitValue());
            }
            return stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IOException("tesseract output not readable", e);
        }
    }
}
