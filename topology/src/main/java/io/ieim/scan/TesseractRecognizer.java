package io.ieim.scan;

import io.ieim.domain.scan.TextRecognizer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The tesseract command (Debian package tesseract-ocr with its language data): the image on standard input,
 * the text on standard output. PDFs (a phone's scanner app sends those) are first rendered page by page by
 * poppler's pdftoppm (package poppler-utils), at most {@code maxPdfPages} pages. One thread
 * (OMP_THREAD_LIMIT=1): the result does not depend on the machine's cores, and the stage runs beside the
 * topology. A run beyond the timeout is killed.
 */
public final class TesseractRecognizer implements TextRecognizer {

    /** Image types tesseract (through leptonica) reads. */
    public static final Set<String> IMAGE_TYPES = Set.of("image/png", "image/jpeg", "image/tiff", "image/gif",
            "image/bmp", "image/x-ms-bmp", "image/webp", "image/x-portable-pixmap", "image/x-portable-graymap");
    private static final String PDF = "application/pdf";

    private final String command;
    private final String languages;
    private final Duration timeout;
    private final String pdftoppm;
    private final int maxPdfPages;
    private final String version;

    /** Images only. */
    public TesseractRecognizer(String command, String languages, Duration timeout) throws IOException {
        this(command, languages, timeout, null, 0);
    }

    /**
     * @param pdftoppm    the pdftoppm command, or null to read no PDFs
     * @param maxPdfPages pages of a PDF that are read, from the first
     */
    public TesseractRecognizer(String command, String languages, Duration timeout, String pdftoppm, int maxPdfPages)
            throws IOException {
        this.command = command;
        this.languages = languages;
        this.timeout = timeout;
        this.pdftoppm = pdftoppm;
        this.maxPdfPages = maxPdfPages;
        String v = new String(run(List.of(command, "--version"), new byte[0]), StandardCharsets.UTF_8);
        // first line: "tesseract 5.3.0"
        String engine = v.lines().findFirst().orElse("tesseract").strip();
        if (pdftoppm != null) {
            // pdftoppm prints its version on standard error
            String p = new String(run(List.of(pdftoppm, "-v"), new byte[0], true), StandardCharsets.UTF_8);
            engine += " " + languages + ", pdftoppm " + p.lines().findFirst().orElse("").replaceAll("[^0-9.]", "")
                    + " (" + maxPdfPages + " pages)";
            this.version = engine;
        } else {
            this.version = engine + " " + languages;
        }
    }

    @Override
    public boolean reads(String mediaType) {
        return IMAGE_TYPES.contains(mediaType) || PDF.equals(mediaType) && pdftoppm != null && maxPdfPages > 0;
    }

    @Override
    public String recognize(byte[] content, String mediaType) throws IOException {
        if (!PDF.equals(mediaType)) {
            return ocr(content);
        }
        if (!reads(mediaType)) {
            throw new IOException("PDFs are not read (no pdftoppm)");
        }
        Path dir = Files.createTempDirectory("ieim-ocr-");
        try {
            run(List.of(pdftoppm, "-r", "200", "-gray", "-png", "-f", "1", "-l", Integer.toString(maxPdfPages), "-",
                    dir.resolve("page").toString()), content);
            List<Path> pages;
            try (Stream<Path> files = Files.list(dir)) {
                pages = files.sorted(Comparator.comparing(Path::toString)).toList();
            }
            List<String> texts = new ArrayList<>();
            for (Path page : pages) {
                String text = ocr(Files.readAllBytes(page)).strip();
                if (!text.isEmpty()) {
                    texts.add(text);
                }
            }
            return String.join("\n\n", texts);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private String ocr(byte[] image) throws IOException {
        return new String(run(List.of(command, "stdin", "stdout", "-l", languages, "--psm", "3"), image),
                StandardCharsets.UTF_8);
    }

    @Override
    public String version() {
        return version;
    }

    private byte[] run(List<String> args, byte[] input) throws IOException {
        return run(args, input, false);
    }

    private byte[] run(List<String> args, byte[] input, boolean stderr) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(args);
        if (stderr) {
            pb.redirectErrorStream(true);
        } else {
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
        }
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
            // the program may close its input early on content it cannot read; the exit code tells
        }
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(args.getFirst() + " took longer than " + timeout.toSeconds() + " s");
            }
            if (p.exitValue() != 0 && !stderr) {
                throw new IOException(args.getFirst() + " exited with " + p.exitValue());
            }
            return stdout.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IOException(args.getFirst() + " output not readable", e);
        }
    }
}
