import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Build-time generator of the io.ieim.spec constants from spec/00_CANONICAL.md.
 *
 * <p>Runs with Java's source launcher, without dependencies:
 * {@code java spec/src/build/GenerateCanonical.java <00_CANONICAL.md> <output dir>}. Maven runs it in
 * generate-sources. Exit status 0 on success, 1 with {@code canonical spec error: FILE:LINE: ...} on
 * stderr when the spec is malformed, 2 on a usage or I/O error.
 *
 * <p>Every table of the spec follows a marker line {@code <!-- canonical:NAME -->}. The set of tables and
 * their columns is fixed here, so a typo in a marker or a header fails the build instead of silently
 * dropping a label set.
 */
public final class GenerateCanonical {

    static final String PACKAGE = "io.ieim.spec";
    static final String LINE_CODES_PLACEHOLDER = "{LINE_CODES}";

    /** Label tables, in spec order: marker name -> generated enum. */
    static final Map<String, String> LABEL_TABLES = orderedMap(
            "intents", "Intent",
            "risk-flags", "RiskFlag",
            "queues", "Queue",
            "actions", "Action",
            "identity-statuses", "IdentityStatus",
            "review-reasons", "ReviewReason",
            "line-codes", "LineCode",
            "policy-statuses", "PolicyStatus",
            "claim-statuses", "ClaimStatus",
            "audit-stages", "AuditStage",
            "text-sources", "TextSource",
            "source-channels", "SourceChannel",
            "parse-statuses", "ParseStatus",
            "review-action-kinds", "ReviewActionKind",
            "attachment-scan-verdicts", "AttachmentScanVerdict");

    static final String REFERENCE_KINDS = "reference-kinds";
    static final String REFERENCE_PATTERNS = "reference-patterns";
    static final String COMPONENTS = "components";
    static final String TOPICS = "topics";

    /** Expected header of every table. */
    static final Map<String, List<String>> COLUMNS = columns();

    static final Pattern MARKER = Pattern.compile("^\\s*<!--\\s*canonical:([A-Za-z0-9_-]*)\\s*-->\\s*$");
    static final Pattern MARKER_LIKE = Pattern.compile("^\\s*<!--\\s*canonical\\b");
    static final Pattern SEPARATOR = Pattern.compile("^\\|(\\s*:?-{3,}:?\\s*\\|)+$");
    static final Pattern LABEL = Pattern.compile("[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)*");
    static final Pattern COMPONENT = Pattern.compile("[a-z][a-z0-9]*(?:-[a-z0-9]+)*");
    static final Pattern TOPIC_NAME = Pattern.compile("[a-z0-9]+(?:[._-][a-z0-9]+)*");
    static final Pattern SCHEMA_NAME = Pattern.compile("[a-z][a-z0-9_]*(?:\\.[a-z][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_]*");
    static final Pattern CONFIG_KEY = Pattern.compile("[a-z]+(?:\\.[a-z]+)*");
    static final Pattern CODE_SPAN = Pattern.compile("`([^`]*)`");
    static final Pattern NAMED_GROUP = Pattern.compile("\\(\\?<([a-zA-Z][a-zA-Z0-9]*)>");
    static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z][A-Za-z0-9]*)\\}");
    static final Set<String> CLEANUP_POLICIES = Set.of("delete", "compact", "compact,delete");

    private GenerateCanonical() {
    }

    // ---------------------------------------------------------------- model

    record Row(int line, List<String> cells) {
        String cell(int i) {
            return cells.get(i);
        }
    }

    record Table(String name, int markerLine, List<Row> rows) {
    }

    record Label(String name, String meaning) {
    }

    record RefKind(String name, String meaning, String format, String regex, String example) {
    }

    record RefPattern(String id, String kind, String regex, String template, List<String> examples) {
    }

    record Topic(String constant, String name, String key, String valueSchema, int partitions, String cleanupPolicy,
                 long retentionMs, Map<String, String> configs, List<String> writers, List<String> readers) {
    }

    record Spec(Map<String, List<Label>> labels, List<RefKind> referenceKinds, List<RefPattern> referencePatterns,
                List<Topic> topics, String sha256) {
    }

    /** A malformed spec; the message already names file and line. */
    static final class SpecException extends Exception {
        SpecException(String message) {
            super(message);
        }
    }

    // ---------------------------------------------------------------- entry points

    public static void main(String[] args) {
        System.exit(run(args, System.err));
    }

    /** Testable entry point: returns the exit status instead of exiting. */
    static int run(String[] args, PrintStream err) {
        if (args.length != 2) {
            err.println("usage: java GenerateCanonical.java <00_CANONICAL.md> <output dir>");
            return 2;
        }
        Path md = Path.of(args[0]);
        Path out = Path.of(args[1]);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(md);
        } catch (IOException e) {
            err.println("canonical spec error: cannot read " + md + ": " + e);
            return 2;
        }
        try {
            Spec spec = parse(bytes, md.getFileName().toString());
            write(generate(spec), out.resolve(PACKAGE.replace('.', '/')));
            return 0;
        } catch (SpecException e) {
            err.println("canonical spec error: " + e.getMessage());
            return 1;
        } catch (IOException e) {
            err.println("canonical spec error: cannot write to " + out + ": " + e);
            return 2;
        }
    }

    // ---------------------------------------------------------------- parsing

    static Spec parse(byte[] bytes, String file) throws SpecException {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SpecException(file + ": not valid UTF-8");
        }
        Parser p = new Parser(file, text);
        Map<String, Table> tables = p.tables();

        Map<String, List<Label>> labels = new LinkedHashMap<>();
        for (String name : LABEL_TABLES.keySet()) {
            labels.put(name, p.labels(tables.get(name)));
        }
        String lineCodes = labels.get("line-codes").stream().map(Label::name).collect(Collectors.joining("|"));
        List<RefKind> kinds = p.referenceKinds(tables.get(REFERENCE_KINDS), lineCodes);
        List<RefPattern> patterns = p.referencePatterns(tables.get(REFERENCE_PATTERNS), kinds, lineCodes);
        Set<String> components = p.components(tables.get(COMPONENTS));
        List<Topic> topics = p.topics(tables.get(TOPICS), components);
        return new Spec(labels, kinds, patterns, topics, sha256(bytes));
    }

    /** Reads the marked tables of one file and validates their cells. */
    static final class Parser {
        private final String file;
        private final List<String> lines;

        Parser(String file, String text) {
            this.file = file;
            this.lines = text.lines().toList();
        }

        SpecException fail(int line, String message) {
            return new SpecException(file + ":" + line + ": " + message);
        }

        Map<String, Table> tables() throws SpecException {
            Map<String, Table> tables = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                String line = lines.get(i);
                Matcher m = MARKER.matcher(line);
                if (!m.matches()) {
                    if (MARKER_LIKE.matcher(line).find()) {
                        throw fail(i + 1, "malformed table marker '" + line.strip()
                                + "': expected a line <!-- canonical:NAME -->");
                    }
                    continue;
                }
                String name = m.group(1);
                if (!COLUMNS.containsKey(name)) {
                    throw fail(i + 1, "unknown table marker 'canonical:" + name + "'; known tables: "
                            + String.join(", ", COLUMNS.keySet()));
                }
                if (tables.containsKey(name)) {
                    throw fail(i + 1, "duplicate table marker 'canonical:" + name + "' (first at line "
                            + tables.get(name).markerLine() + ")");
                }
                Table table = table(name, i);
                tables.put(name, table);
                i = table.rows().getLast().line() - 1;
            }
            for (String name : COLUMNS.keySet()) {
                if (!tables.containsKey(name)) {
                    throw new SpecException(file + ": missing table marker <!-- canonical:" + name
                            + " --> (a line with the marker, then a table | " + String.join(" | ", COLUMNS.get(name))
                            + " |)");
                }
            }
            return tables;
        }

        private Table table(String name, int markerIndex) throws SpecException {
            List<String> expected = COLUMNS.get(name);
            int i = markerIndex + 1;
            while (i < lines.size() && lines.get(i).isBlank()) {
                i++;
            }
            if (i >= lines.size() || !lines.get(i).strip().startsWith("|")) {
                throw fail(markerIndex + 1, "marker 'canonical:" + name + "' is not followed by a Markdown table");
            }
            List<String> header = cells(i);
            List<String> lowered = header.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
            if (!lowered.equals(expected)) {
                throw fail(i + 1, "table '" + name + "' has header | " + String.join(" | ", header)
                        + " |, expected | " + String.join(" | ", expected) + " |");
            }
            if (i + 1 >= lines.size() || !SEPARATOR.matcher(lines.get(i + 1).strip()).matches()
                    || cells(i + 1).size() != expected.size()) {
                throw fail(i + 2, "table '" + name + "': expected a separator row like |---|---| with "
                        + expected.size() + " cells after the header");
            }
            List<Row> rows = new ArrayList<>();
            for (int r = i + 2; r < lines.size() && lines.get(r).strip().startsWith("|"); r++) {
                List<String> cells = cells(r);
                if (cells.size() != expected.size()) {
                    throw fail(r + 1, "table '" + name + "': row has " + cells.size() + " cells, expected "
                            + expected.size() + " (" + String.join(" | ", expected) + ")");
                }
                for (int c = 0; c < cells.size(); c++) {
                    if (cells.get(c).isEmpty()) {
                        throw fail(r + 1, "table '" + name + "': empty cell in column '" + expected.get(c)
                                + "' (write - for none where allowed)");
                    }
                }
                rows.add(new Row(r + 1, cells));
            }
            if (rows.isEmpty()) {
                throw fail(i + 1, "table '" + name + "' has no rows");
            }
            return new Table(name, markerIndex + 1, rows);
        }

        /** Splits a table row on unescaped pipes; {@code \|} stands for a literal pipe (e.g. in a regex). */
        private List<String> cells(int index) throws SpecException {
            String s = lines.get(index).strip();
            if (s.length() < 2 || !s.startsWith("|") || !s.endsWith("|") || s.endsWith("\\|")) {
                throw fail(index + 1, "table row must start and end with |");
            }
            List<String> cells = new ArrayList<>();
            StringBuilder cell = new StringBuilder();
            for (int i = 1; i < s.length() - 1; i++) {
                char c = s.charAt(i);
                if (c == '\\' && s.charAt(i + 1) == '|') {
                    cell.append('|');
                    i++;
                } else if (c == '|') {
                    cells.add(cell.toString().strip());
                    cell.setLength(0);
                } else {
                    cell.append(c);
                }
            }
            cells.add(cell.toString().strip());
            return cells;
        }

        List<Label> labels(Table table) throws SpecException {
            List<Label> labels = new ArrayList<>();
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (Row row : table.rows()) {
                String name = unquote(row.cell(0));
                identifier(row, table.name(), name, "label");
                Integer first = seen.putIfAbsent(name, row.line());
                if (first != null) {
                    throw fail(row.line(), "duplicate label '" + name + "' in table '" + table.name()
                            + "' (first at line " + first + ")");
                }
                labels.add(new Label(name, row.cell(1)));
            }
            return labels;
        }

        private void identifier(Row row, String table, String value, String what) throws SpecException {
            if (!LABEL.matcher(value).matches()) {
                throw fail(row.line(), "invalid identifier '" + value + "' as " + what + " in table '" + table
                        + "': use UPPER_SNAKE_CASE (A-Z, 0-9, single underscores, starting with a letter)");
            }
        }

        List<RefKind> referenceKinds(Table table, String lineCodes) throws SpecException {
            List<RefKind> kinds = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            for (Row row : table.rows()) {
                String name = unquote(row.cell(0));
                identifier(row, table.name(), name, "label");
                if (!seen.add(name)) {
                    throw fail(row.line(), "duplicate label '" + name + "' in table '" + table.name() + "'");
                }
                String regex = expand(unquote(row.cell(3)), lineCodes);
                Pattern pattern = compile(row, regex);
                String example = unquote(row.cell(4));
                if (!pattern.matcher(example).matches()) {
                    throw fail(row.line(), "reference kind " + name + ": example '" + example
                            + "' does not match its canonical regex");
                }
                kinds.add(new RefKind(name, row.cell(1), unquote(row.cell(2)), regex, example));
            }
            return kinds;
        }

        List<RefPattern> referencePatterns(Table table, List<RefKind> kinds, String lineCodes) throws SpecException {
            Map<String, RefKind> byName = kinds.stream()
                    .collect(Collectors.toMap(RefKind::name, k -> k, (a, b) -> a, LinkedHashMap::new));
            List<RefPattern> patterns = new ArrayList<>();
            Set<String> seen = new LinkedHashSet<>();
            Set<String> covered = new LinkedHashSet<>();
            for (Row row : table.rows()) {
                String id = unquote(row.cell(0));
                identifier(row, table.name(), id, "id");
                if (!seen.add(id)) {
                    throw fail(row.line(), "duplicate id '" + id + "' in table '" + table.name() + "'");
                }
                RefKind kind = byName.get(unquote(row.cell(1)));
                if (kind == null) {
                    throw fail(row.line(), "pattern " + id + ": unknown reference kind '" + row.cell(1)
                            + "'; known: " + String.join(", ", byName.keySet()));
                }
                covered.add(kind.name());
                String regex = expand(unquote(row.cell(2)), lineCodes);
                Pattern pattern = compile(row, regex);
                String template = unquote(row.cell(3));
                Set<String> groups = new LinkedHashSet<>();
                NAMED_GROUP.matcher(regex).results().forEach(r -> groups.add(r.group(1)));
                Matcher placeholders = PLACEHOLDER.matcher(template);
                while (placeholders.find()) {
                    if (!groups.contains(placeholders.group(1))) {
                        throw fail(row.line(), "pattern " + id + ": canonical template uses {" + placeholders.group(1)
                                + "} but the regex has no named group (?<" + placeholders.group(1) + ">...)");
                    }
                }
                List<String> examples = codeSpans(row.cell(4));
                if (examples.isEmpty()) {
                    throw fail(row.line(), "pattern " + id + ": write at least one example as `code`");
                }
                Pattern canonical = Pattern.compile(kind.regex());
                for (String example : examples) {
                    Matcher m = pattern.matcher(example);
                    if (!m.find()) {
                        throw fail(row.line(), "pattern " + id + " does not find its example '" + example + "'");
                    }
                    String value = fill(template, m);
                    if (!canonical.matcher(value).matches()) {
                        throw fail(row.line(), "pattern " + id + ": example '" + example + "' gives '" + value
                                + "', which is not a canonical " + kind.name() + " (" + kind.format() + ")");
                    }
                }
                patterns.add(new RefPattern(id, kind.name(), regex, template, examples));
            }
            for (RefKind kind : kinds) {
                if (!covered.contains(kind.name())) {
                    throw fail(table.markerLine(), "reference kind " + kind.name() + " has no pattern in table '"
                            + table.name() + "'");
                }
            }
            return patterns;
        }

        Set<String> components(Table table) throws SpecException {
            Set<String> components = new LinkedHashSet<>();
            for (Row row : table.rows()) {
                String name = unquote(row.cell(0));
                if (!COMPONENT.matcher(name).matches()) {
                    throw fail(row.line(), "invalid identifier '" + name + "' as component: use kebab-case");
                }
                if (!components.add(name)) {
                    throw fail(row.line(), "duplicate component '" + name + "'");
                }
            }
            return components;
        }

        List<Topic> topics(Table table, Set<String> components) throws SpecException {
            List<Topic> topics = new ArrayList<>();
            Set<String> constants = new LinkedHashSet<>();
            Set<String> names = new LinkedHashSet<>();
            for (Row row : table.rows()) {
                String constant = unquote(row.cell(0));
                identifier(row, table.name(), constant, "constant");
                if (!constants.add(constant)) {
                    throw fail(row.line(), "duplicate topic constant '" + constant + "'");
                }
                String name = unquote(row.cell(1));
                if (!TOPIC_NAME.matcher(name).matches() || name.length() > 249) {
                    throw fail(row.line(), "invalid topic name '" + name + "' (lower case, digits, . _ -)");
                }
                if (!names.add(name)) {
                    throw fail(row.line(), "duplicate topic name '" + name + "'");
                }
                String schema = unquote(row.cell(3));
                if (!SCHEMA_NAME.matcher(schema).matches()) {
                    throw fail(row.line(), "topic " + name + ": value schema '" + schema
                            + "' is not a full Avro record name like io.ieim.avro.MailReceived");
                }
                int partitions;
                try {
                    partitions = Integer.parseInt(row.cell(4));
                } catch (NumberFormatException e) {
                    partitions = 0;
                }
                if (partitions < 1) {
                    throw fail(row.line(), "topic " + name + ": partitions must be a positive integer, not '"
                            + row.cell(4) + "'");
                }
                String cleanup = unquote(row.cell(5)).replace(" ", "");
                if (!CLEANUP_POLICIES.contains(cleanup)) {
                    throw fail(row.line(), "topic " + name + ": cleanup.policy must be delete, compact or compact,delete");
                }
                long retention;
                try {
                    retention = Long.parseLong(unquote(row.cell(6)));
                } catch (NumberFormatException e) {
                    retention = -2;
                }
                if (retention < -1) {
                    throw fail(row.line(), "topic " + name + ": retention.ms must be -1 (infinite) or a number of ms, not '"
                            + row.cell(6) + "'");
                }
                // the key is prose for people; code spans only format it
                topics.add(new Topic(constant, name, row.cell(2).replace("`", ""), schema, partitions, cleanup, retention,
                        configs(row, name), members(row, 8, components), members(row, 9, components)));
            }
            return topics;
        }

        private Map<String, String> configs(Row row, String topic) throws SpecException {
            Map<String, String> configs = new TreeMap<>();
            String cell = row.cell(7);
            if (cell.equals("-")) {
                return configs;
            }
            for (String entry : codeSpansOrList(cell)) {
                int eq = entry.indexOf('=');
                String key = eq < 0 ? entry : entry.substring(0, eq).strip();
                String value = eq < 0 ? "" : entry.substring(eq + 1).strip();
                if (eq < 0 || !CONFIG_KEY.matcher(key).matches() || value.isEmpty()) {
                    throw fail(row.line(), "topic " + topic + ": config '" + entry + "' is not key=value");
                }
                if (key.equals("cleanup.policy") || key.equals("retention.ms")) {
                    throw fail(row.line(), "topic " + topic + ": " + key + " has its own column");
                }
                if (configs.put(key, value) != null) {
                    throw fail(row.line(), "topic " + topic + ": duplicate config " + key);
                }
            }
            return configs;
        }

        private List<String> members(Row row, int column, Set<String> components) throws SpecException {
            List<String> members = codeSpansOrList(row.cell(column));
            for (String member : members) {
                if (!components.contains(member)) {
                    throw fail(row.line(), "unknown component '" + member + "' in column '"
                            + COLUMNS.get(TOPICS).get(column) + "'; known: " + String.join(", ", components));
                }
            }
            return members;
        }

        private Pattern compile(Row row, String regex) throws SpecException {
            try {
                return Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw fail(row.line(), "invalid regex: " + e.getDescription() + " near index " + e.getIndex()
                        + " in " + regex);
            }
        }
    }

    // ---------------------------------------------------------------- cell helpers

    static String unquote(String cell) {
        Matcher m = CODE_SPAN.matcher(cell);
        return m.matches() ? m.group(1) : cell;
    }

    static List<String> codeSpans(String cell) {
        return CODE_SPAN.matcher(cell).results().map(r -> r.group(1)).toList();
    }

    /** A cell holding either `code`, `spans` or a plain comma-separated list. */
    static List<String> codeSpansOrList(String cell) {
        List<String> spans = codeSpans(cell);
        if (!spans.isEmpty()) {
            return spans;
        }
        return Stream.of(cell.split(",")).map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    static String expand(String regex, String lineCodes) {
        return regex.replace(LINE_CODES_PLACEHOLDER, lineCodes);
    }

    /** Same rule as io.ieim.spec.ReferenceFormats: named groups into the template, upper-cased. */
    static String fill(String template, Matcher m) {
        return PLACEHOLDER.matcher(template)
                .replaceAll(r -> Matcher.quoteReplacement(String.valueOf(m.group(r.group(1)))))
                .toUpperCase(Locale.ROOT);
    }

    static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---------------------------------------------------------------- generation

    static final String HEADER = "// Generated by spec/src/build/GenerateCanonical.java from spec/00_CANONICAL.md. Do not edit.\n"
            + "package " + PACKAGE + ";\n\n";

    /** File name -> Java source. */
    static Map<String, String> generate(Spec spec) {
        Map<String, String> files = new LinkedHashMap<>();
        spec.labels().forEach((table, labels) -> {
            String type = LABEL_TABLES.get(table);
            files.put(type + ".java", labelEnum(table, type, labels));
        });
        files.put("ReferenceKind.java", referenceKind(spec.referenceKinds()));
        files.put("ReferencePatterns.java", referencePatterns(spec.referencePatterns()));
        files.put("Topics.java", topics(spec.topics()));
        files.put("CanonicalSpec.java", canonicalSpec(spec));
        return files;
    }

    static String labelEnum(String table, String type, List<Label> labels) {
        StringBuilder s = new StringBuilder(HEADER);
        s.append("/** Labels of table {@code canonical:").append(table).append("} in spec/00_CANONICAL.md. */\n");
        s.append("public enum ").append(type).append(" implements CanonicalLabel {\n");
        for (int i = 0; i < labels.size(); i++) {
            Label l = labels.get(i);
            s.append("    /** ").append(javadoc(l.meaning())).append(" */\n");
            s.append("    ").append(l.name()).append('(').append(literal(l.meaning())).append(')')
                    .append(i + 1 < labels.size() ? ",\n" : ";\n");
        }
        s.append("""

                    private final String description;

                    %s(String description) {
                        this.description = description;
                    }

                    @Override
                    public String description() {
                        return description;
                    }
                }
                """.formatted(type));
        return s.toString();
    }

    static String referenceKind(List<RefKind> kinds) {
        StringBuilder s = new StringBuilder(HEADER);
        s.append("import java.util.regex.Pattern;\n\n");
        s.append("/** Kinds of business reference, table {@code canonical:reference-kinds} in spec/00_CANONICAL.md. */\n");
        s.append("public enum ReferenceKind implements CanonicalLabel {\n");
        for (int i = 0; i < kinds.size(); i++) {
            RefKind k = kinds.get(i);
            s.append("    /** ").append(javadoc(k.meaning())).append(", e.g. {@code ").append(javadoc(k.example()))
                    .append("}. */\n");
            s.append("    ").append(k.name()).append('(').append(literal(k.meaning())).append(", ")
                    .append(literal(k.format())).append(", ").append(literal(k.regex())).append(", ")
                    .append(literal(k.example())).append(')').append(i + 1 < kinds.size() ? ",\n" : ";\n");
        }
        s.append("""

                    private final String description;
                    private final String canonicalFormat;
                    private final Pattern canonicalPattern;
                    private final String example;

                    ReferenceKind(String description, String canonicalFormat, String canonicalRegex, String example) {
                        this.description = description;
                        this.canonicalFormat = canonicalFormat;
                        this.canonicalPattern = Pattern.compile(canonicalRegex);
                        this.example = example;
                    }

                    @Override
                    public String description() {
                        return description;
                    }

                    /** The canonical form for people, e.g. {@code SC-YYYY-NNNNNN}. */
                    public String canonicalFormat() {
                        return canonicalFormat;
                    }

                    /** Matches exactly the canonical form (use {@code matcher(..).matches()}). */
                    public Pattern canonicalPattern() {
                        return canonicalPattern;
                    }

                    /** An example in canonical form. */
                    public String example() {
                        return example;
                    }

                    /** True when {@code value} is exactly a reference of this kind in canonical form. */
                    public boolean isCanonical(CharSequence value) {
                        return canonicalPattern.matcher(value).matches();
                    }
                }
                """);
        return s.toString();
    }

    static String referencePatterns(List<RefPattern> patterns) {
        StringBuilder s = new StringBuilder(HEADER);
        s.append("import java.util.List;\n\n");
        s.append("/** Patterns for written references, table {@code canonical:reference-patterns} in spec/00_CANONICAL.md. */\n");
        s.append("public final class ReferencePatterns {\n\n");
        for (RefPattern p : patterns) {
            s.append("    /** ").append(javadoc(p.kind())).append(" references, e.g. ")
                    .append(p.examples().stream().map(e -> "{@code " + javadoc(e) + "}").collect(Collectors.joining(", ")))
                    .append(". */\n");
            s.append("    public static final ReferencePattern ").append(p.id()).append(" = new ReferencePattern(")
                    .append(literal(p.id())).append(", ReferenceKind.").append(p.kind()).append(",\n            ")
                    .append(literal(p.regex())).append(",\n            ").append(literal(p.template())).append(", ")
                    .append(listOf(p.examples())).append(");\n\n");
        }
        s.append("    /** All patterns, in spec order. */\n");
        s.append("    public static final List<ReferencePattern> ALL = List.of(")
                .append(patterns.stream().map(RefPattern::id).collect(Collectors.joining(", "))).append(");\n\n");
        s.append("    private ReferencePatterns() {\n    }\n}\n");
        return s.toString();
    }

    static String topics(List<Topic> topics) {
        StringBuilder s = new StringBuilder(HEADER);
        s.append("import java.util.List;\nimport java.util.Map;\nimport java.util.Optional;\n\n");
        s.append("/** The topic catalogue, table {@code canonical:topics} in spec/00_CANONICAL.md. */\n");
        s.append("public final class Topics {\n\n");
        for (Topic t : topics) {
            s.append("    /** {@code ").append(javadoc(t.name())).append("}: key ").append(javadoc(t.key()))
                    .append(", value {@code ").append(t.valueSchema()).append("}. */\n");
            s.append("    public static final TopicSpec ").append(t.constant()).append(" = new TopicSpec(\n");
            s.append("            ").append(literal(t.name())).append(",\n");
            s.append("            ").append(literal(t.key())).append(",\n");
            s.append("            ").append(literal(t.valueSchema())).append(",\n");
            s.append("            ").append(t.partitions()).append(", ").append(literal(t.cleanupPolicy())).append(", ")
                    .append(t.retentionMs()).append("L,\n");
            s.append("            ").append(mapOf(t.configs())).append(",\n");
            s.append("            ").append(listOf(t.writers())).append(",\n");
            s.append("            ").append(listOf(t.readers())).append(");\n\n");
        }
        s.append("    /** Every topic, in spec order. */\n");
        s.append("    public static final List<TopicSpec> ALL = List.of(\n            ")
                .append(topics.stream().map(Topic::constant).collect(Collectors.joining(",\n            ")))
                .append(");\n\n");
        s.append("""
                    private Topics() {
                    }

                    /** The topic with this name, if the catalogue has it. */
                    public static Optional<TopicSpec> byName(String name) {
                        return ALL.stream().filter(t -> t.name().equals(name)).findFirst();
                    }
                }
                """);
        return s.toString();
    }

    static String canonicalSpec(Spec spec) {
        StringBuilder s = new StringBuilder(HEADER);
        s.append("""
                import java.io.IOException;
                import java.io.InputStream;
                import java.io.UncheckedIOException;
                import java.nio.charset.StandardCharsets;
                import java.util.Collections;
                import java.util.LinkedHashMap;
                import java.util.List;
                import java.util.Map;

                /** Facts about spec/00_CANONICAL.md itself, and its label sets by table name. */
                public final class CanonicalSpec {

                    /** Classpath resource holding the spec this code was generated from. */
                    public static final String RESOURCE = "/ieim/spec/00_CANONICAL.md";

                    /** Lowercase hex SHA-256 of the spec file's bytes (e.g. for a configuration hash). */
                """);
        s.append("    public static final String SHA256 = ").append(literal(spec.sha256())).append(";\n\n");
        s.append("    /** Every label table by marker name, in spec order (reference-kinds included). */\n");
        s.append("    public static final Map<String, List<CanonicalLabel>> LABEL_SETS;\n\n");
        s.append("    static {\n");
        s.append("        Map<String, List<CanonicalLabel>> sets = new LinkedHashMap<>();\n");
        LABEL_TABLES.forEach((table, type) ->
                s.append("        sets.put(").append(literal(table)).append(", List.of(").append(type).append(".values()));\n"));
        s.append("        sets.put(").append(literal(REFERENCE_KINDS)).append(", List.of(ReferenceKind.values()));\n");
        s.append("        LABEL_SETS = Collections.unmodifiableMap(sets);\n");
        s.append("    }\n\n");
        s.append("""
                    private CanonicalSpec() {
                    }

                    /** The spec's Markdown text, read from the classpath. */
                    public static String markdown() {
                        try (InputStream in = CanonicalSpec.class.getResourceAsStream(RESOURCE)) {
                            if (in == null) {
                                throw new IllegalStateException("resource " + RESOURCE + " is missing from the classpath");
                            }
                            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    }
                }
                """);
        return s.toString();
    }

    /** Writes files that changed (so an unchanged spec does not force recompilation) and removes stale ones. */
    static void write(Map<String, String> files, Path dir) throws IOException {
        Files.createDirectories(dir);
        try (Stream<Path> existing = Files.list(dir)) {
            for (Path old : existing.toList()) {
                if (old.getFileName().toString().endsWith(".java") && !files.containsKey(old.getFileName().toString())) {
                    Files.delete(old);
                }
            }
        }
        for (Map.Entry<String, String> e : files.entrySet()) {
            Path file = dir.resolve(e.getKey());
            byte[] content = e.getValue().getBytes(StandardCharsets.UTF_8);
            if (!Files.exists(file) || !java.util.Arrays.equals(Files.readAllBytes(file), content)) {
                Files.write(file, content);
            }
        }
    }

    /** A Java string literal; non-ASCII as unicode escapes so the output is encoding-proof. */
    static String literal(String value) {
        StringBuilder s = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '\\' -> s.append("\\\\");
                case '"' -> s.append("\\\"");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.append('"').toString();
    }

    /** Text safe inside a Javadoc comment (javac reads unicode escapes even in comments). */
    static String javadoc(String text) {
        StringBuilder s = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> s.append("&amp;");
                case '<' -> s.append("&lt;");
                case '>' -> s.append("&gt;");
                case '@' -> s.append("&#64;");
                case '\\' -> s.append("&#92;");
                case '*' -> s.append("&#42;");
                case '{' -> s.append("&#123;");
                case '}' -> s.append("&#125;");
                default -> {
                    if (c > 0x7e) {
                        s.append("&#").append((int) c).append(';');
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        return s.toString();
    }

    static String listOf(List<String> values) {
        return "List.of(" + values.stream().map(GenerateCanonical::literal).collect(Collectors.joining(", ")) + ")";
    }

    static String mapOf(Map<String, String> values) {
        if (values.isEmpty()) {
            return "Map.of()";
        }
        return "Map.ofEntries(" + values.entrySet().stream()
                .map(e -> "Map.entry(" + literal(e.getKey()) + ", " + literal(e.getValue()) + ")")
                .collect(Collectors.joining(", ")) + ")";
    }

    private static Map<String, List<String>> columns() {
        Map<String, List<String>> columns = new LinkedHashMap<>();
        LABEL_TABLES.keySet().forEach(t -> columns.put(t, List.of("label", "meaning")));
        columns.put(REFERENCE_KINDS, List.of("label", "meaning", "canonical format", "canonical regex", "example"));
        columns.put(REFERENCE_PATTERNS, List.of("id", "kind", "regex", "canonical", "examples"));
        columns.put(COMPONENTS, List.of("component", "description"));
        columns.put(TOPICS, List.of("constant", "name", "key", "value schema", "partitions", "cleanup.policy",
                "retention.ms", "configs", "writers", "readers"));
        return columns;
    }

    private static Map<String, String> orderedMap(String... keysAndValues) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(map);
    }
}
