package io.ieim.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The generator fails the build with a clear message on a malformed spec. Each case breaks the real spec in one
 * place. The generator is compiled once and its {@code run} entry point called in-process (fast); two tests run
 * it exactly as the build does, with Java's source launcher in a child process.
 */
class GeneratorTest {

    @TempDir
    static Path work;

    private static String spec;
    private static Method run;

    @BeforeAll
    static void compileGenerator() throws Exception {
        spec = Files.readString(TestPaths.canonicalSpec());
        Path classes = Files.createDirectories(work.resolve("classes"));
        int status = ToolProvider.getSystemJavaCompiler().run(null, null, null,
                "-d", classes.toString(), TestPaths.generator().toString());
        assertThat(status).as("generator compiles").isZero();
        URLClassLoader loader = new URLClassLoader(new URL[] {classes.toUri().toURL()}, null);
        run = loader.loadClass("GenerateCanonical").getDeclaredMethod("run", String[].class, PrintStream.class);
        run.setAccessible(true);
    }

    record Result(int status, String stderr) {
    }

    private static Result generate(String markdown, Path out) throws Exception {
        Path md = Files.createTempFile(work, "spec", ".md");
        Files.writeString(md, markdown);
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = (int) run.invoke(null, new String[] {md.toString(), out.toString()},
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Result(status, err.toString(StandardCharsets.UTF_8));
    }

    /** The real spec with {@code from} replaced by {@code to}; fails if {@code from} is not in it. */
    private static String broken(String from, String to) {
        assertThat(spec).as("the spec contains the text to break").contains(from);
        return spec.replaceFirst(java.util.regex.Pattern.quote(from), java.util.regex.Matcher.quoteReplacement(to));
    }

    static Stream<Arguments> malformedSpecs() {
        return Stream.of(
                Arguments.of("missing marker",
                        "<!-- canonical:queues -->\n", "",
                        "missing table marker <!-- canonical:queues -->"),
                Arguments.of("unknown marker",
                        "<!-- canonical:intents -->", "<!-- canonical:intent -->",
                        "unknown table marker 'canonical:intent'"),
                Arguments.of("malformed marker",
                        "<!-- canonical:actions -->", "<!-- canonical actions -->",
                        "malformed table marker"),
                Arguments.of("duplicate marker",
                        "<!-- canonical:claim-statuses -->", "<!-- canonical:policy-statuses -->",
                        "duplicate table marker 'canonical:policy-statuses'"),
                Arguments.of("marker without table",
                        "<!-- canonical:line-codes -->\n", "<!-- canonical:line-codes -->\nThe codes:\n",
                        "is not followed by a Markdown table"),
                Arguments.of("wrong header",
                        "| label | meaning |\n|---|---|\n| CLAIM_NEW", "| label | description |\n|---|---|\n| CLAIM_NEW",
                        "table 'intents' has header | label | description |, expected | label | meaning |"),
                Arguments.of("wrong column count",
                        "| SPAM | unsolicited advertising, phishing, unrelated bulk mail |",
                        "| SPAM | unsolicited advertising | phishing |",
                        "table 'intents': row has 3 cells, expected 2 (label | meaning)"),
                Arguments.of("empty cell",
                        "| URGENT | explicit deadline or emergency |", "| URGENT |  |",
                        "empty cell in column 'meaning'"),
                Arguments.of("duplicate label",
                        "| URGENT | explicit deadline or emergency |",
                        "| URGENT | explicit deadline or emergency |\n| URGENT | again |",
                        "duplicate label 'URGENT' in table 'risk-flags'"),
                Arguments.of("invalid identifier",
                        "| CLAIM_NEW |", "| Claim-New |",
                        "invalid identifier 'Claim-New' as label in table 'intents'"),
                Arguments.of("invalid regex",
                        "`(?i)\\bCU[ -]?(?<digits>\\d{7})\\b`", "`(?i)\\bCU[ -]?(?<digits>\\d{7}\\b`",
                        "invalid regex"),
                Arguments.of("pattern misses its example",
                        "`(?i)\\bCU[ -]?(?<digits>\\d{7})\\b`", "`(?i)\\bCU[ -]?(?<digits>\\d{8})\\b`",
                        "pattern CUSTOMER_NUMBER does not find its example 'CU-1002345'"),
                Arguments.of("template without group",
                        "| `CU-{digits}` | `CU-1002345`,", "| `CU-{number}` | `CU-1002345`,",
                        "canonical template uses {number}"),
                Arguments.of("unknown component",
                        "| 6 | delete | -1 | - | ingest | topology, attachment-scan |", "| 6 | delete | -1 | - | ingest | topologie, attachment-scan |",
                        "unknown component 'topologie'"),
                Arguments.of("bad retention",
                        "| 6 | delete | -1 | - | ingest | topology, attachment-scan |", "| 6 | delete | forever | - | ingest | topology, attachment-scan |",
                        "retention.ms must be -1 (infinite) or a number of ms, not 'forever'"),
                Arguments.of("bad cleanup policy",
                        "| 6 | delete | -1 | - | ingest | topology, attachment-scan |", "| 6 | remove | -1 | - | ingest | topology, attachment-scan |",
                        "cleanup.policy must be delete, compact or compact,delete"),
                Arguments.of("duplicate topic",
                        "`ieim.identity.claims.v1`", "`ieim.identity.policies.v1`",
                        "duplicate topic name 'ieim.identity.policies.v1'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedSpecs")
    void malformedSpecFailsWithAClearMessage(String name, String from, String to, String message) throws Exception {
        Result result = generate(broken(from, to), work.resolve("out-" + name.replace(' ', '-')));
        assertThat(result.status()).as("exit status, stderr: %s", result.stderr()).isEqualTo(1);
        assertThat(result.stderr()).startsWith("canonical spec error: ").contains(message);
        if (!name.equals("missing marker")) {
            assertThat(result.stderr()).as("names file and line").containsPattern("spec\\d*\\.md:\\d+: ");
        }
    }

    @Test
    void errorNamesTheLineOfTheBadRow() throws Exception {
        String markdown = broken("| SPAM | unsolicited advertising, phishing, unrelated bulk mail |", "| SPAM |");
        int line = markdown.lines().toList().indexOf("| SPAM |") + 1;
        Result result = generate(markdown, work.resolve("out-line"));
        assertThat(result.stderr()).contains(".md:" + line + ": table 'intents': row has 1 cells, expected 2");
    }

    @Test
    void sourceLauncherGeneratesFromTheRealSpec() throws Exception {
        Path out = work.resolve("launcher-ok");
        Process p = launch(TestPaths.canonicalSpec(), out);
        assertThat(p.exitValue()).as(stderr(p)).isZero();
        Path pkg = out.resolve("io/ieim/spec");
        assertThat(pkg.resolve("Intent.java")).exists();
        assertThat(Files.readString(pkg.resolve("Topics.java")))
                .contains("public static final TopicSpec MAIL_RECEIVED")
                .contains("public static final List<TopicSpec> ALL");
    }

    @Test
    void sourceLauncherExitsNonZeroOnAMalformedSpec() throws Exception {
        Path md = work.resolve("launcher-bad.md");
        Files.writeString(md, broken("| CLAIM_NEW |", "| CLAIM_NEW | extra |"));
        Process p = launch(md, work.resolve("launcher-bad"));
        assertThat(p.exitValue()).isEqualTo(1);
        assertThat(stderr(p)).contains("launcher-bad.md:").contains("row has 3 cells, expected 2");
    }

    private static Process launch(Path md, Path out) throws Exception {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(List.of(java.toString(), TestPaths.generator().toString(), md.toString(),
                out.toString())).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("generator finishes").isTrue();
        return p;
    }

    private static String stderr(Process p) throws Exception {
        return new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    }
}
