package io.ieim.domain.identity.csv;

import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.spec.ClaimStatus;
import io.ieim.spec.LineCode;
import io.ieim.spec.PolicyStatus;
import io.ieim.spec.ReferenceKind;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the three identity CSV files of contract §3 into ordered changes, all or nothing: the first
 * malformed row fails the whole read with an {@link IdentityCsvException} ({@code FILE:LINE: reason},
 * one line), so an import never publishes half a file.
 *
 * <h2>Format</h2>
 * <ul>
 *   <li>UTF-8 (a leading byte order mark is skipped; an invalid byte sequence is an error with its line),
 *       RFC 4180 (comma, double quotes, quoted fields may hold commas, quotes and line breaks; CRLF or LF).
 *       Cells are trimmed. Blank lines are skipped.</li>
 *   <li>A header row is required: exactly the contract's columns ({@link #CUSTOMER_COLUMNS},
 *       {@link #POLICY_COLUMNS}, {@link #CLAIM_COLUMNS}), each once, names compared exactly after trimming.
 *       The id column must come first (so that a {@code ID,DELETED} row is well defined); the other columns
 *       may come in any order. A missing, repeated or extra column is an error naming the column. A first
 *       row that names none of the columns is reported as a missing header (without echoing it: it is
 *       probably data).</li>
 *   <li>Every data row has as many fields as the header, except a deletion: the id, then {@code DELETED}
 *       (compared case-insensitively) in the second column, and the remaining fields empty or absent.</li>
 *   <li>Ids must be in canonical form ({@link ReferenceKind#isCanonical}): {@code CU-NNNNNNN},
 *       {@code LL-NNNNNNNN} with a line code of the spec, {@code SC-YYYY-NNNNNN}. They are not
 *       re-formatted: identity data must already be canonical (spec §2.2).</li>
 *   <li>customers: full_name required; email optional, split on {@code ;}, each address trimmed,
 *       lower-cased, checked for the shape {@code local@domain}, duplicates dropped; phone optional (at least
 *       3 digits, no control characters); date_of_birth optional ISO date; postal_code optional (letters,
 *       digits, spaces and hyphens, at most 10).</li>
 *   <li>policies: customer_id canonical; product_line required and kept as written; when it names a line
 *       code of the spec (by code, e.g. {@code KF}, or by meaning, e.g. {@code motor}, case-insensitively)
 *       it must be the line code of the policy_id, otherwise (free text) it cannot be checked and is
 *       accepted; status one of {@link PolicyStatus}; start_date required, end_date optional, ISO dates,
 *       end_date not before start_date.</li>
 *   <li>claims: policy_id canonical; status one of {@link ClaimStatus}; loss_date required ISO date.</li>
 *   <li>Dates are ISO 8601 calendar dates {@code yyyy-MM-dd}, checked strictly (no 30 February).</li>
 * </ul>
 *
 * <h2>Within and across files</h2>
 * A later row with the same id replaces the earlier one (as on the compacted topic); such repeats are
 * counted in {@link IdentityCsvFile#duplicateIds()}. After the rows of all three files are applied in order,
 * every policy written by this import must name a customer that exists: written (and not deleted) by the
 * customers file of this import, or, when the file does not mention it, known before the import (the
 * {@code known} directory given to the constructor, empty by default). The same holds for every claim
 * and its policy. The error is reported on the line of the policy or claim row. Records published by an
 * earlier import that refer to an id deleted by this one cannot all be detected here (the directory
 * cannot list the claims of a policy); identity resolution reports such broken chains instead of guessing.
 *
 * <h2>Personal data</h2>
 * Messages echo ids, statuses, product lines and policy and claim dates; the values of full_name, email,
 * phone, date_of_birth and postal_code are never echoed, only what is wrong with them.
 */
public final class IdentityCsvReader {

    public static final List<String> CUSTOMER_COLUMNS =
            List.of("customer_id", "full_name", "email", "phone", "date_of_birth", "postal_code");
    public static final List<String> POLICY_COLUMNS =
            List.of("policy_id", "customer_id", "product_line", "status", "start_date", "end_date");
    public static final List<String> CLAIM_COLUMNS = List.of("claim_id", "policy_id", "status", "loss_date");

    /** The word in the second column that makes a row a deletion. */
    public static final String DELETED = "DELETED";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setIgnoreEmptyLines(false).get();
    private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>(),;:\"\\[\\]\\\\]+@[^@\\s<>(),;:\"\\[\\]\\\\]+");
    private static final Pattern POSTAL_CODE = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N} -]{0,9}");
    private static final int ECHO_LIMIT = 40;

    private final IdentityDirectory known;

    /** A reader for a first import: every reference must be satisfied by the files themselves. */
    public IdentityCsvReader() {
        this(InMemoryIdentityDirectory.empty());
    }

    /**
     * A reader for an import on top of identity data already published.
     *
     * @param known the identity data before this import; policies and claims may refer to its records
     */
    public IdentityCsvReader(IdentityDirectory known) {
        this.known = Objects.requireNonNull(known, "known");
    }

    /**
     * The content of one CSV file and the name to report it by.
     *
     * @param name    e.g. {@code customers.csv}
     * @param content the raw bytes (UTF-8)
     */
    public record CsvInput(String name, byte[] content) {

        public CsvInput {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(content, "content");
        }

        /** Reads a file; the message names it by its file name. */
        public static CsvInput of(Path file) {
            String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
            try {
                return new CsvInput(name, Files.readAllBytes(file));
            } catch (IOException e) {
                throw new IdentityCsvException(name, 0, "cannot be read (" + e.getClass().getSimpleName() + ")");
            }
        }

        public static CsvInput ofString(String name, String content) {
            return new CsvInput(name, content.getBytes(StandardCharsets.UTF_8));
        }
    }

    /** Reads and checks the three files of one import. */
    public IdentityImport read(Path customers, Path policies, Path claims) {
        return read(CsvInput.of(customers), CsvInput.of(policies), CsvInput.of(claims));
    }

    /** Reads and checks the three files of one import. */
    public IdentityImport read(CsvInput customers, CsvInput policies, CsvInput claims) {
        IdentityCsvFile<CustomerRecord> c = readCustomers(customers);
        IdentityCsvFile<PolicyRecord> p = readPolicies(policies);
        IdentityCsvFile<ClaimRecord> k = readClaims(claims);
        checkReferences(c, p, k);
        return new IdentityImport(c, p, k);
    }

    /** Reads one customers file on its own (no cross-file checks). */
    public IdentityCsvFile<CustomerRecord> readCustomers(CsvInput input) {
        return readFile(input, CUSTOMER_COLUMNS, ReferenceKind.CUSTOMER, IdentityCsvReader::customer);
    }

    /** Reads one policies file on its own (no cross-file checks). */
    public IdentityCsvFile<PolicyRecord> readPolicies(CsvInput input) {
        return readFile(input, POLICY_COLUMNS, ReferenceKind.POLICY, IdentityCsvReader::policy);
    }

    /** Reads one claims file on its own (no cross-file checks). */
    public IdentityCsvFile<ClaimRecord> readClaims(CsvInput input) {
        return readFile(input, CLAIM_COLUMNS, ReferenceKind.CLAIM, IdentityCsvReader::claim);
    }

    // ---------------------------------------------------------------- cross-file references

    private void checkReferences(IdentityCsvFile<CustomerRecord> customers, IdentityCsvFile<PolicyRecord> policies,
                                 IdentityCsvFile<ClaimRecord> claims) {
        Map<String, IdentityChange<CustomerRecord>> lastCustomer = customers.lastChangeById();
        Map<String, IdentityChange<PolicyRecord>> lastPolicy = policies.lastChangeById();
        for (IdentityChange<PolicyRecord> p : lastPolicy.values()) {
            if (p.isDelete()) {
                continue;
            }
            String customerId = p.record().customerId();
            IdentityChange<CustomerRecord> c = lastCustomer.get(customerId);
            if (c != null && c.isDelete()) {
                throw new IdentityCsvException(policies.fileName(), p.line(), "customer_id '" + customerId
                        + "' is deleted in " + customers.fileName() + ":" + c.line());
            }
            if (c == null && known.customer(customerId).isEmpty()) {
                throw new IdentityCsvException(policies.fileName(), p.line(), "customer_id '" + customerId
                        + "' is not in " + customers.fileName() + " nor known before this import");
            }
        }
        for (IdentityChange<ClaimRecord> k : claims.lastChangeById().values()) {
            if (k.isDelete()) {
                continue;
            }
            String policyId = k.record().policyId();
            IdentityChange<PolicyRecord> p = lastPolicy.get(policyId);
            if (p != null && p.isDelete()) {
                throw new IdentityCsvException(claims.fileName(), k.line(), "policy_id '" + policyId
                        + "' is deleted in " + policies.fileName() + ":" + p.line());
            }
            if (p == null && known.policy(policyId).isEmpty()) {
                throw new IdentityCsvException(claims.fileName(), k.line(), "policy_id '" + policyId
                        + "' is not in " + policies.fileName() + " nor known before this import");
            }
        }
    }

    // ---------------------------------------------------------------- one file

    @FunctionalInterface
    private interface RowMapper<T> {
        T map(Row row);
    }

    private static <T> IdentityCsvFile<T> readFile(CsvInput input, List<String> columns, ReferenceKind idKind,
                                                   RowMapper<T> mapper) {
        String file = input.name();
        String text = decode(file, input.content());
        List<IdentityChange<T>> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int duplicates = 0;
        List<String> header = null;
        try (CSVParser parser = CSVParser.parse(text, FORMAT)) {
            Iterator<CSVRecord> it = parser.iterator();
            long previousEnd = 0;
            while (true) {
                int line = (int) previousEnd + 1;
                CSVRecord record;
                try {
                    if (!it.hasNext()) {
                        break;
                    }
                    record = it.next();
                } catch (UncheckedIOException | IllegalStateException e) {
                    throw new IdentityCsvException(file, line, csvSyntaxReason(e));
                }
                previousEnd = parser.getCurrentLineNumber();
                List<String> cells = record.stream().map(String::strip).toList();
                if (cells.size() == 1 && cells.get(0).isEmpty()) {
                    continue; // blank line
                }
                if (header == null) {
                    header = checkHeader(file, line, cells, columns);
                    continue;
                }
                IdentityChange<T> change = row(file, line, header, cells, idKind, mapper);
                if (!seen.add(change.id())) {
                    duplicates++;
                }
                changes.add(change);
            }
        } catch (IOException e) {
            throw new IdentityCsvException(file, 0, "cannot be parsed (" + e.getClass().getSimpleName() + ")");
        }
        if (header == null) {
            throw new IdentityCsvException(file, 1, "header row missing (the file is empty); expected "
                    + String.join(",", columns));
        }
        return new IdentityCsvFile<>(file, changes, duplicates);
    }

    private static String decode(String file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            int at = in.position();
            int line = 1;
            for (int i = 0; i < at; i++) {
                if (bytes[i] == '\n') {
                    line++;
                }
            }
            throw new IdentityCsvException(file, line, "not valid UTF-8 (invalid byte sequence at byte offset "
                    + at + ")");
        }
        out.flip();
        String text = out.toString();
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }

    private static String csvSyntaxReason(RuntimeException e) {
        String m = String.valueOf(e.getMessage()).toLowerCase(Locale.ROOT);
        if (m.contains("eof reached before encapsulated token finished")) {
            return "malformed CSV: a quoted field is not closed";
        }
        if (m.contains("invalid character between encapsulated token and delimiter")) {
            return "malformed CSV: characters after the closing quote of a field";
        }
        return "malformed CSV";
    }

    private static List<String> checkHeader(String file, int line, List<String> cells, List<String> columns) {
        if (cells.stream().noneMatch(columns::contains)) {
            throw new IdentityCsvException(file, line, "header row missing: the first row names none of the columns "
                    + String.join(",", columns));
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < cells.size(); i++) {
            String name = cells.get(i);
            if (name.isEmpty()) {
                throw new IdentityCsvException(file, line, "column " + (i + 1) + " of the header has no name");
            }
            if (!columns.contains(name)) {
                throw new IdentityCsvException(file, line, "unexpected column '" + echo(name) + "' (expected "
                        + String.join(",", columns) + ")");
            }
            if (!seen.add(name)) {
                throw new IdentityCsvException(file, line, "duplicate column '" + name + "'");
            }
        }
        for (String column : columns) {
            if (!seen.contains(column)) {
                throw new IdentityCsvException(file, line, "missing column '" + column + "' (expected "
                        + String.join(",", columns) + ")");
            }
        }
        if (!cells.get(0).equals(columns.get(0))) {
            throw new IdentityCsvException(file, line, "the first column must be '" + columns.get(0)
                    + "' (found '" + cells.get(0) + "')");
        }
        return cells;
    }

    private static <T> IdentityChange<T> row(String file, int line, List<String> header, List<String> cells,
                                             ReferenceKind idKind, RowMapper<T> mapper) {
        String idColumn = header.get(0);
        if (cells.size() >= 2 && cells.get(1).equalsIgnoreCase(DELETED)) {
            if (cells.size() > header.size()) {
                throw new IdentityCsvException(file, line, "expected " + header.size() + " fields, found "
                        + cells.size());
            }
            for (int i = 2; i < cells.size(); i++) {
                if (!cells.get(i).isEmpty()) {
                    throw new IdentityCsvException(file, line, "a DELETED row must leave the other fields empty, "
                            + "but '" + header.get(i) + "' has a value");
                }
            }
            String id = checkId(file, line, idColumn, cells.get(0), idKind);
            return IdentityChange.delete(id, line);
        }
        if (cells.size() != header.size()) {
            throw new IdentityCsvException(file, line, "expected " + header.size() + " fields, found "
                    + cells.size());
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < header.size(); i++) {
            values.put(header.get(i), cells.get(i));
        }
        String id = checkId(file, line, idColumn, cells.get(0), idKind);
        return IdentityChange.upsert(id, mapper.map(new Row(file, line, values)), line);
    }

    private static String checkId(String file, int line, String column, String value, ReferenceKind kind) {
        if (value.isEmpty()) {
            throw new IdentityCsvException(file, line, column + " is empty");
        }
        if (!kind.isCanonical(value)) {
            throw new IdentityCsvException(file, line, column + " '" + echo(value) + "' is not a "
                    + kind.name().toLowerCase(Locale.ROOT) + " number in canonical form (" + formatHint(kind) + ")");
        }
        return value;
    }

    private static String formatHint(ReferenceKind kind) {
        if (kind == ReferenceKind.POLICY) {
            return kind.canonicalFormat() + " with LL one of "
                    + Arrays.stream(LineCode.values()).map(Enum::name).collect(Collectors.joining(", "));
        }
        return kind.canonicalFormat();
    }

    // ---------------------------------------------------------------- records

    private static CustomerRecord customer(Row row) {
        String name = row.required("full_name");
        List<String> emails = emails(row);
        String phone = row.optional("phone");
        if (phone != null) {
            long digits = phone.chars().filter(Character::isDigit).count();
            if (digits < 3 || phone.chars().anyMatch(Character::isISOControl)) {
                throw row.error("phone is not a phone number (needs at least 3 digits, no control characters)");
            }
        }
        LocalDate dateOfBirth = row.optionalDate("date_of_birth");
        String postalCode = row.optional("postal_code");
        if (postalCode != null && !POSTAL_CODE.matcher(postalCode).matches()) {
            throw row.error("postal_code is not a postal code (letters, digits, spaces and hyphens, at most 10)");
        }
        return new CustomerRecord(row.id("customer_id"), name, emails, phone, dateOfBirth, postalCode);
    }

    private static List<String> emails(Row row) {
        String cell = row.optional("email");
        if (cell == null) {
            return List.of();
        }
        String[] parts = cell.split(";", -1);
        Set<String> emails = new LinkedHashSet<>();
        for (int i = 0; i < parts.length; i++) {
            String address = parts[i].strip().toLowerCase(Locale.ROOT);
            if (address.isEmpty()) {
                continue; // "a@x.de;" or "a@x.de; ;b@y.de": empty entries are separators, not addresses
            }
            if (!EMAIL.matcher(address).matches()) {
                throw row.error("email has an entry that is not an e-mail address (entry " + (i + 1) + " of "
                        + parts.length + ")");
            }
            emails.add(address);
        }
        return List.copyOf(emails);
    }

    private static PolicyRecord policy(Row row) {
        String policyId = row.id("policy_id");
        String customerId = row.required("customer_id");
        if (!ReferenceKind.CUSTOMER.isCanonical(customerId)) {
            throw row.error("customer_id '" + echo(customerId) + "' is not a customer number in canonical form ("
                    + ReferenceKind.CUSTOMER.canonicalFormat() + ")");
        }
        String productLine = row.required("product_line");
        LineCode policyLine = LineCode.valueOf(policyId.substring(0, 2));
        Optional<LineCode> named = Arrays.stream(LineCode.values())
                .filter(l -> l.name().equalsIgnoreCase(productLine) || l.description().equalsIgnoreCase(productLine))
                .findFirst();
        if (named.isPresent() && named.get() != policyLine) {
            throw row.error("product_line '" + echo(productLine) + "' does not match line code " + policyLine.name()
                    + " of policy_id '" + policyId + "'");
        }
        String status = row.required("status");
        if (Arrays.stream(PolicyStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw row.error("status '" + echo(status) + "' is not one of "
                    + Arrays.stream(PolicyStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        LocalDate start = row.requiredDate("start_date");
        LocalDate end = row.optionalDate("end_date");
        if (end != null && end.isBefore(start)) {
            throw row.error("end_date '" + end + "' is before start_date '" + start + "'");
        }
        return new PolicyRecord(policyId, customerId, productLine, status, start, end);
    }

    private static ClaimRecord claim(Row row) {
        String claimId = row.id("claim_id");
        String policyId = row.required("policy_id");
        if (!ReferenceKind.POLICY.isCanonical(policyId)) {
            throw row.error("policy_id '" + echo(policyId) + "' is not a policy number in canonical form ("
                    + formatHint(ReferenceKind.POLICY) + ")");
        }
        String status = row.required("status");
        if (Arrays.stream(ClaimStatus.values()).noneMatch(s -> s.name().equals(status))) {
            throw row.error("status '" + echo(status) + "' is not one of "
                    + Arrays.stream(ClaimStatus.values()).map(Enum::name).collect(Collectors.joining(", ")));
        }
        LocalDate lossDate = row.requiredDate("loss_date");
        return new ClaimRecord(claimId, policyId, status, lossDate);
    }

    /** Echo of a non-personal value in a message: one line, at most {@value #ECHO_LIMIT} characters. */
    private static String echo(String value) {
        String v = value.codePoints()
                .map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
                .toString();
        return v.length() > ECHO_LIMIT ? v.substring(0, ECHO_LIMIT) + "..." : v;
    }

    /** One data row by column name, with helpers that fail with the row's line. */
    private record Row(String file, int line, Map<String, String> values) {

        private static final Set<String> PERSONAL =
                Set.of("full_name", "email", "phone", "date_of_birth", "postal_code");

        IdentityCsvException error(String reason) {
            return new IdentityCsvException(file, line, reason);
        }

        String id(String column) {
            return values.get(column); // checked before mapping
        }

        String required(String column) {
            String v = values.get(column);
            if (v == null || v.isEmpty()) {
                throw error(column + " is empty");
            }
            return v;
        }

        String optional(String column) {
            String v = values.get(column);
            return v == null || v.isEmpty() ? null : v;
        }

        LocalDate requiredDate(String column) {
            return date(column, required(column));
        }

        LocalDate optionalDate(String column) {
            String v = optional(column);
            return v == null ? null : date(column, v);
        }

        private LocalDate date(String column, String value) {
            boolean personal = PERSONAL.contains(column);
            String shown = personal ? "" : " '" + echo(value) + "'";
            if (!ISO_DATE.matcher(value).matches()) {
                throw error(column + shown + " is not an ISO date (yyyy-MM-dd)");
            }
            try {
                return LocalDate.parse(value, DateTimeFormatter.ISO_LOCAL_DATE);
            } catch (DateTimeParseException e) {
                throw error(column + shown + " is not an ISO date (yyyy-MM-dd)");
            }
        }
    }
}
