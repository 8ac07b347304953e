package io.ieim.avro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;

/** The schema files of the avro module: current ones in src/main/avro, released ones in released/NAME/vN.avsc. */
final class AvroFiles {

    private static final Pattern VERSION = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    private AvroFiles() {
    }

    record Released(String record, int version, Path file) {
        Schema schema() {
            return parse(file);
        }

        @Override
        public String toString() {
            return record + " v" + version;
        }
    }

    /** The avro module directory: ${ieim.home}/avro, else found from the working directory. */
    static Path moduleDir() {
        String home = System.getProperty("ieim.home");
        if (home != null && Files.isDirectory(Path.of(home, "avro", "released"))) {
            return Path.of(home, "avro");
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("released")) && Files.isDirectory(dir.resolve("src/main/avro"))) {
                return dir;
            }
            if (Files.isDirectory(dir.resolve("avro/released"))) {
                return dir.resolve("avro");
            }
        }
        throw new IllegalStateException("cannot find the avro module directory; set -Dieim.home");
    }

    static List<Path> currentFiles() {
        return list(moduleDir().resolve("src/main/avro"), 1).filter(p -> p.toString().endsWith(".avsc")).toList();
    }

    static List<Released> releasedFiles() {
        return list(moduleDir().resolve("released"), 2)
                .filter(Files::isRegularFile)
                .map(p -> {
                    Matcher m = VERSION.matcher(p.getFileName().toString());
                    if (!m.matches()) {
                        throw new IllegalStateException("released file not named vN.avsc: " + p);
                    }
                    return new Released(p.getParent().getFileName().toString(), Integer.parseInt(m.group(1)), p);
                })
                .toList();
    }

    /** Each file is self-contained, so each gets its own parser. */
    static Schema parse(Path file) {
        try {
            return new Schema.Parser().parse(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The current schema file of a record, parsed. */
    static Schema current(String recordName) {
        return parse(moduleDir().resolve("src/main/avro/" + recordName + ".avsc"));
    }

    /**
     * {@code schema} without the {@code avro.java.string} properties the compiler adds to the classes' schemas
     * (stringType String); they only tell the Java runtime which string class to use.
     */
    static Schema withoutJavaProperties(Schema schema) {
        String json = schema.toString()
                .replace("{\"type\":\"string\",\"avro.java.string\":\"String\"}", "\"string\"")
                .replace(",\"avro.java.string\":\"String\"", "");
        return new Schema.Parser().parse(json);
    }

    private static Stream<Path> list(Path dir, int depth) {
        try (Stream<Path> files = Files.walk(dir, depth)) {
            return files.filter(p -> !p.equals(dir)).sorted().toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
