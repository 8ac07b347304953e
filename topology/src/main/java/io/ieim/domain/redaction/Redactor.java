package io.ieim.domain.redaction;

import io.ieim.domain.signals.WrittenDates;
import io.ieim.spec.ReferenceFormats;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Redacts personal data from text before it leaves for analyst-facing outputs (issue 3, stage 3).
 *
 * <p>Detectors ({@link Detector}): e-mail addresses; IBANs that pass the mod-97 check; payment card numbers
 * (13-19 digits, Luhn); US SSNs (AAA-GG-SSSS without the invalid ranges); German tax ids (11 digits, ISO
 * 7064 MOD 11,10); dates right after a birth marker; phone numbers in German or international format that
 * are neither dates nor insurance references; health terms from the policy's list. Where findings overlap,
 * the detector listed first in {@link Detector} wins. Insurance references (policy, claim and customer
 * numbers, found with {@link ReferenceFormats}) are not personal data here: no numeric detector may take
 * a span that overlaps one, so they always survive.
 *
 * <p>Modes per field come from the {@link RedactionPolicy}: MASK gives «IBAN», HASH gives
 * «EMAIL:&lt;12 hex&gt;» (the first 12 hex digits of HMAC-SHA256(key, normalized value), the same for the
 * same value and key however it was written), DROP removes the match, KEEP leaves it. Findings report
 * detector, offsets in the original and mode, never the value. Pure and deterministic; thread-safe.
 */
public final class Redactor {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+%-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\\.)+"
                    + "[A-Za-z]{2,24}(?![\\w-])");

    private static final Pattern IBAN_CANDIDATE = Pattern.compile(
            "(?<![A-Za-z0-9])[A-Za-z]{2}\\d{2}(?: ?[A-Za-z0-9]){11,30}");

    private static final Pattern CARD_CONTIGUOUS = Pattern.compile("(?<![\\d.,/+-])\\d{13,19}(?![\\d])");
    private static final Pattern CARD_GROUPED = Pattern.compile(
            "(?<![\\d.,/+-])\\d{4}(?:[ -]\\d{3,6}){2,4}(?![\\d])");

    private static final Pattern SSN = Pattern.compile(
            "(?<![\\d-])(?!000|666|9\\d\\d)\\d{3}-(?!00)\\d{2}-(?!0000)\\d{4}(?![\\d-])");

    private static final Pattern TAX_ID = Pattern.compile("(?<![\\d.,/-])[1-9]\\d(?: ?\\d{3}){3}(?![\\d])");

    private static final Pattern PHONE_INTERNATIONAL = Pattern.compile(
            "(?<![\\w+/.-])(?:\\+|00)[1-9](?:[ \\t./()-]{0,2}\\d){6,14}(?!\\w)");
    private static final Pattern PHONE_NATIONAL = Pattern.compile(
            "(?<![\\w+/.-])\\(?0[1-9]\\d{1,4}\\)?(?:[ \\t./-]{0,2}\\d){4,12}(?!\\w)");

    private static final Map<String, Integer> IBAN_LENGTHS = Map.ofEntries(
            Map.entry("AD", 24), Map.entry("AT", 20), Map.entry("BE", 16), Map.entry("BG", 22), Map.entry("CH", 21),
            Map.entry("CY", 28), Map.entry("CZ", 24), Map.entry("DE", 22), Map.entry("DK", 18), Map.entry("EE", 20),
            Map.entry("ES", 24), Map.entry("FI", 18), Map.entry("FR", 27), Map.entry("GB", 22), Map.entry("GI", 23),
            Map.entry("GR", 27), Map.entry("HR", 21), Map.entry("HU", 28), Map.entry("IE", 22), Map.entry("IS", 26),
            Map.entry("IT", 27), Map.entry("LI", 21), Map.entry("LT", 20), Map.entry("LU", 20), Map.entry("LV", 21),
            Map.entry("MC", 27), Map.entry("MT", 31), Map.entry("NL", 18), Map.entry("NO", 15), Map.entry("PL", 28),
            Map.entry("PT", 25), Map.entry("RO", 24), Map.entry("SE", 24), Map.entry("SI", 19), Map.entry("SK", 24),
            Map.entry("SM", 27), Map.entry("TR", 26), Map.entry("VA", 22));

    private final RedactionPolicy policy;
    private final byte[] hmacKey;
    private final List<Pattern> healthPatterns;

    /**
     * @param policy  modes per field and the health terms
     * @param hmacKey secret key of the HASH mode, at least 16 bytes (copied)
     */
    public Redactor(RedactionPolicy policy, byte[] hmacKey) {
        this.policy = Objects.requireNonNull(policy, "policy");
        Objects.requireNonNull(hmacKey, "hmacKey");
        if (hmacKey.length < 16) {
            throw new IllegalArgumentException("the HMAC key needs at least 16 bytes");
        }
        this.hmacKey = hmacKey.clone();
        List<Pattern> patterns = new ArrayList<>();
        for (String term : policy.healthTerms()) {
            patterns.add(healthPattern(term));
        }
        this.healthPatterns = List.copyOf(patterns);
    }

    public RedactionPolicy policy() {
        return policy;
    }

    /**
     * Redacts a text for an output field of the policy.
     *
     * @param field a field of the policy (subject, body_excerpt, ...)
     * @param text  the text, may be null (gives null text and no findings)
     * @throws IllegalArgumentException when the policy has no such field
     */
    public RedactedText redact(String field, String text) {
        return apply(field, text).redacted;
    }

    /**
     * A redacted excerpt around the span [start, end) of the original text: the whole text is redacted
     * first (so that personal data cut by the window edge is still found), then a window of about
     * {@code radius} characters either side is cut at word boundaries ({@link #excerpt}).
     */
    public String redactedExcerpt(String field, String text, int start, int end, int radius) {
        if (text == null) {
            return "";
        }
        Applied applied = apply(field, text);
        int s = Math.max(0, Math.min(start, text.length()));
        int e = Math.max(s, Math.min(end, text.length()));
        return excerpt(applied.redacted.text(), applied.mapStart(s), applied.mapEnd(e), radius);
    }

    /**
     * A short window around [start, end) of {@code text}: about {@code radius} characters either side, moved
     * inwards to whole words, whitespace collapsed to single blanks, "…" where text was cut off. Not
     * redacted: redact the result (or use {@link #redactedExcerpt}).
     */
    public static String excerpt(String text, int start, int end, int radius) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        int len = text.length();
        int s = Math.max(0, Math.min(start, len));
        int e = Math.max(s, Math.min(end, len));
        int r = Math.max(0, radius);
        int from = Math.max(0, s - r);
        int to = (int) Math.min(len, (long) e + r);
        while (from > 0 && from < s && !Character.isWhitespace(text.charAt(from - 1))) {
            from++;
        }
        while (to < len && to > e && !Character.isWhitespace(text.charAt(to))) {
            to--;
        }
        String window = text.substring(from, to).replaceAll("\\s+", " ").strip();
        return (from > 0 ? "…" : "") + window + (to < len ? "…" : "");
    }

    // ------------------------------------------------------------------------------------------------

    /** A detection before the mode is applied, with the normalized value for hashing. */
    private record Hit(Detector detector, int start, int end, String normalized) {
    }

    /** The redacted text plus where each finding went, to map original offsets. */
    private record Applied(RedactedText redacted, List<int[]> spans) {

        /** spans: {originalStart, originalEnd, newStart, newEnd} per finding, sorted. */
        int mapStart(int p) {
            int delta = 0;
            for (int[] s : spans) {
                if (p >= s[1]) {
                    delta = s[3] - s[1];
                } else if (p > s[0]) {
                    return s[2];
                } else {
                    break;
                }
            }
            return p + delta;
        }

        int mapEnd(int p) {
            int delta = 0;
            for (int[] s : spans) {
                if (p >= s[1]) {
                    delta = s[3] - s[1];
                } else if (p > s[0]) {
                    return s[3];
                } else {
                    break;
                }
            }
            return p + delta;
        }
    }

    private Applied apply(String field, String text) {
        for (Detector d : Detector.values()) {
            policy.mode(field, d); // fails early for an unknown field
        }
        if (text == null) {
            return new Applied(new RedactedText(null, List.of()), List.of());
        }
        List<Hit> hits = detect(text);
        StringBuilder out = new StringBuilder(text.length());
        List<RedactedText.Finding> findings = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        int pos = 0;
        for (Hit h : hits) {
            RedactionMode mode = policy.mode(field, h.detector());
            out.append(text, pos, h.start());
            int newStart = out.length();
            switch (mode) {
                case KEEP -> out.append(text, h.start(), h.end());
                case MASK -> out.append('«').append(h.detector().label()).append('»');
                case HASH -> out.append('«').append(h.detector().label()).append(':')
                        .append(hash(h.normalized())).append('»');
                case DROP -> {
                    // removed
                }
            }
            spans.add(new int[] {h.start(), h.end(), newStart, out.length()});
            findings.add(new RedactedText.Finding(h.detector(), h.start(), h.end(), mode));
            pos = h.end();
        }
        out.append(text, pos, text.length());
        return new Applied(new RedactedText(out.toString(), findings), spans);
    }

    /** Every detection in priority order, overlaps resolved, sorted by position. */
    private List<Hit> detect(String text) {
        List<int[]> references = new ArrayList<>();
        for (ReferenceFormats.ReferenceMatch r : ReferenceFormats.findAll(text)) {
            references.add(new int[] {r.start(), r.end()});
        }
        List<Hit> candidates = new ArrayList<>();
        emails(text, candidates);
        ibans(text, candidates);
        cards(text, candidates);
        ssns(text, candidates);
        taxIds(text, candidates);
        birthDates(text, candidates);
        phones(text, candidates);
        health(text, candidates);

        candidates.sort(Comparator.comparing(Hit::detector).thenComparingInt(Hit::start)
                .thenComparing(Comparator.comparingInt(Hit::end).reversed()));
        List<Hit> kept = new ArrayList<>();
        for (Hit h : candidates) {
            if (numeric(h.detector()) && overlapsAny(h.start(), h.end(), references)) {
                continue; // insurance references are not personal data and must survive
            }
            boolean overlaps = false;
            for (Hit k : kept) {
                if (h.start() < k.end() && k.start() < h.end()) {
                    overlaps = true;
                    break;
                }
            }
            if (!overlaps) {
                kept.add(h);
            }
        }
        kept.sort(Comparator.comparingInt(Hit::start));
        return kept;
    }

    private static boolean numeric(Detector d) {
        return d == Detector.IBAN || d == Detector.PAYMENT_CARD || d == Detector.SSN_US || d == Detector.TAX_ID_DE
                || d == Detector.PHONE || d == Detector.DATE_OF_BIRTH;
    }

    private static boolean overlapsAny(int start, int end, List<int[]> spans) {
        for (int[] s : spans) {
            if (start < s[1] && s[0] < end) {
                return true;
            }
        }
        return false;
    }

    private static void emails(String text, List<Hit> out) {
        Matcher m = EMAIL.matcher(text);
        while (m.find()) {
            out.add(new Hit(Detector.EMAIL, m.start(), m.end(), m.group().toLowerCase(Locale.ROOT)));
        }
    }

    /** IBAN candidates, shortened from the end until the mod-97 check (and the country length) holds. */
    private static void ibans(String text, List<Hit> out) {
        Matcher m = IBAN_CANDIDATE.matcher(text);
        int from = 0;
        while (m.find(from)) {
            String cand = m.group();
            StringBuilder compact = new StringBuilder();
            List<Integer> ends = new ArrayList<>();
            for (int i = 0; i < cand.length(); i++) {
                char c = cand.charAt(i);
                if (c != ' ') {
                    compact.append(Character.toUpperCase(c));
                    ends.add(m.start() + i + 1);
                }
            }
            int found = -1;
            Integer expected = IBAN_LENGTHS.get(compact.substring(0, 2));
            for (int n = Math.min(34, compact.length()); n >= 15; n--) {
                if (expected != null && n != expected) {
                    continue;
                }
                int end = ends.get(n - 1);
                boolean boundary = end >= text.length() || !Character.isLetterOrDigit(text.charAt(end));
                if (boundary && mod97(compact.substring(0, n)) == 1) {
                    found = n;
                    break;
                }
            }
            if (found > 0) {
                int end = ends.get(found - 1);
                out.add(new Hit(Detector.IBAN, m.start(), end, compact.substring(0, found)));
                from = end;
            } else {
                from = m.start() + 1;
            }
            if (from >= text.length()) {
                break;
            }
        }
    }

    static int mod97(String iban) {
        String rearranged = iban.substring(4) + iban.substring(0, 4);
        int remainder = 0;
        for (int i = 0; i < rearranged.length(); i++) {
            char c = rearranged.charAt(i);
            int v;
            if (c >= '0' && c <= '9') {
                v = c - '0';
                remainder = (remainder * 10 + v) % 97;
            } else if (c >= 'A' && c <= 'Z') {
                v = c - 'A' + 10;
                remainder = (remainder * 100 + v) % 97;
            } else {
                return -1;
            }
        }
        return remainder;
    }

    /** Card numbers: contiguous digits, or groups (shortened by whole groups until one is valid). */
    private static void cards(String text, List<Hit> out) {
        Matcher m = CARD_CONTIGUOUS.matcher(text);
        while (m.find()) {
            if (validCard(m.group())) {
                out.add(new Hit(Detector.PAYMENT_CARD, m.start(), m.end(), m.group()));
            }
        }
        m = CARD_GROUPED.matcher(text);
        while (m.find()) {
            String cand = m.group();
            String[] groups = cand.split("[ -]");
            for (int n = groups.length; n >= 3; n--) {
                String digits = String.join("", Arrays.copyOfRange(groups, 0, n));
                if (validCard(digits)) {
                    int len = 0;
                    for (int g = 0; g < n; g++) {
                        len += groups[g].length() + (g > 0 ? 1 : 0);
                    }
                    out.add(new Hit(Detector.PAYMENT_CARD, m.start(), m.start() + len, digits));
                    break;
                }
            }
        }
    }

    static boolean validCard(String digits) {
        int n = digits.length();
        if (n < 13 || n > 19 || digits.charAt(0) < '2' || digits.charAt(0) > '6') {
            return false;
        }
        return luhn(digits);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) {
                return false;
            }
            if (dbl) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static void ssns(String text, List<Hit> out) {
        Matcher m = SSN.matcher(text);
        while (m.find()) {
            out.add(new Hit(Detector.SSN_US, m.start(), m.end(), m.group().replace("-", "")));
        }
    }

    private static void taxIds(String text, List<Hit> out) {
        Matcher m = TAX_ID.matcher(text);
        while (m.find()) {
            String digits = m.group().replace(" ", "");
            if (validTaxId(digits)) {
                out.add(new Hit(Detector.TAX_ID_DE, m.start(), m.end(), digits));
            }
        }
    }

    /**
     * German Steuer-IdNr: 11 digits, no leading 0; in the first ten exactly one digit occurs twice or three
     * times (three never in a row); the last is the ISO 7064 MOD 11,10 check digit.
     */
    static boolean validTaxId(String digits) {
        if (digits.length() != 11 || digits.charAt(0) == '0') {
            return false;
        }
        int[] counts = new int[10];
        for (int i = 0; i < 10; i++) {
            counts[digits.charAt(i) - '0']++;
        }
        int repeated = 0;
        for (int c : counts) {
            if (c > 3) {
                return false;
            }
            if (c > 1) {
                repeated++;
            }
        }
        if (repeated != 1) {
            return false;
        }
        for (int i = 2; i < 10; i++) {
            if (digits.charAt(i) == digits.charAt(i - 1) && digits.charAt(i) == digits.charAt(i - 2)) {
                return false;
            }
        }
        int product = 10;
        for (int i = 0; i < 10; i++) {
            int sum = (digits.charAt(i) - '0' + product) % 10;
            if (sum == 0) {
                sum = 10;
            }
            product = (sum * 2) % 11;
        }
        int check = 11 - product;
        if (check == 10) {
            check = 0;
        }
        return check == digits.charAt(10) - '0';
    }

    private static void birthDates(String text, List<Hit> out) {
        for (WrittenDates.BirthDate b : WrittenDates.birthDates(text)) {
            WrittenDates.DateMatch d = b.date();
            out.add(new Hit(Detector.DATE_OF_BIRTH, d.start(), d.end(), d.iso()));
        }
    }

    private static void phones(String text, List<Hit> out) {
        for (Pattern p : List.of(PHONE_INTERNATIONAL, PHONE_NATIONAL)) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                String written = m.group();
                if (!WrittenDates.findAll(written).isEmpty()) {
                    continue; // 03.04.2026 or 2026-04-03 is a date, not a phone number
                }
                String digits = written.replace("(0)", "").replaceAll("[^0-9+]", "");
                if (digits.startsWith("00")) {
                    digits = "+" + digits.substring(2);
                }
                int count = digits.replace("+", "").length();
                if (count < 7 || count > 15) {
                    continue;
                }
                out.add(new Hit(Detector.PHONE, m.start(), m.end(), digits));
            }
        }
    }

    private void health(String text, List<Hit> out) {
        for (Pattern p : healthPatterns) {
            Matcher m = p.matcher(text);
            while (m.find()) {
                out.add(new Hit(Detector.HEALTH_TERM, m.start(), m.end(),
                        m.group().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ")));
            }
        }
    }

    /** hiv = the word; diagnos* = word starting so; *krebs = word ending so; *krebs* = word containing it. */
    static Pattern healthPattern(String term) {
        boolean prefix = term.startsWith("*");
        boolean suffix = term.endsWith("*");
        String core = term.replace("*", "").strip();
        StringBuilder regex = new StringBuilder("(?<![\\p{L}\\p{N}])");
        if (prefix) {
            regex.append("\\p{L}*");
        }
        String[] words = core.split("\\s+");
        for (int i = 0; i < words.length; i++) {
            if (i > 0) {
                regex.append("\\s+");
            }
            regex.append(Pattern.quote(words[i]));
        }
        if (suffix) {
            regex.append("\\p{L}*");
        }
        regex.append("(?![\\p{L}\\p{N}])");
        return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    }

    private String hash(String normalized) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(hmacKey, "HmacSHA256"));
            byte[] digest = mac.doFinal(normalized.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 12);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }
}
