package io.ieim.domain.signals;

import io.ieim.domain.mail.MailView;
import io.ieim.domain.mail.TextParts;
import io.ieim.spec.ReferenceFormats;
import io.ieim.spec.ReferenceKind;
import io.ieim.spec.TextSource;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the identifying signals of contract §4 in a mail (issue 3, stage 2).
 *
 * <ul>
 *   <li>Claim, policy and customer numbers in every written variant, with the spec's patterns
 *       ({@link ReferenceFormats#findAll}), canonical values, from the subject, the new text, the quoted
 *       text and each attachment file name (underscores in file names count as separators, so
 *       {@code Police_KF-20481234.pdf} is found; offsets are within that one file name).</li>
 *   <li>The sender address, lower-cased ({@link TextSource#SENDER}, offsets -1).</li>
 *   <li>Person names, dates of birth and postal codes from the subject, new and quoted text, only where
 *       the mail states them: a labelled name line ({@code Name: Max Mustermann},
 *       {@code Versicherungsnehmer: ...}, {@code Full name: ...}), a name right before a birth marker
 *       ({@code Max Mustermann, geb. 03.04.1981}, {@code ... born 1981-04-03}), a signature block of name
 *       line, street line and {@code 10115 Berlin} line; dates of birth after {@code geb.}, {@code geboren},
 *       {@code Geburtsdatum}, {@code born}, {@code date of birth}, {@code DOB}; postal codes after
 *       {@code PLZ}, {@code Postleitzahl}, {@code postcode}, {@code ZIP}, in a signature block or after a
 *       street ({@code Musterstraße 1, 10115 Berlin}). Capitalized words alone never make a name.
 *       Names are kept as written without titles (Herr, Frau, Dr., Mr, ...); the resolver normalizes them.
 *       Dates become ISO {@code yyyy-MM-dd}; UK postcodes are upper-cased with one space.</li>
 * </ul>
 *
 * <p>Output is sorted by source (the order of {@link TextSource}), offset, end, kind and value, with
 * duplicates of (kind, value, source) removed (the first occurrence stays). Pure and deterministic.
 */
public final class SignalExtractor {

    private static final String UPPER_WORD = "\\p{Lu}[\\p{Ll}\\p{Lu}']*\\p{Ll}[\\p{Ll}']*";
    private static final String NAME_TOKEN = UPPER_WORD + "(?:-" + UPPER_WORD + ")?";
    private static final String PARTICLE = "(?:von|van|de|der|den|zu|zur|vom|di|da|del|la|le|ten|ter|dos|du)";
    /** Two to four name tokens, particles allowed between them, separated by blanks (never a line break). */
    private static final String NAME = NAME_TOKEN + "(?:[ \\t]+(?:" + PARTICLE + "[ \\t]+)*" + NAME_TOKEN + "){1,3}";
    private static final String TITLES = "(?:(?:Herrn?|Frau|Hr\\.|Fr\\.|Mr\\.?|Mrs\\.?|Ms\\.?|Miss|Dr\\.|Prof\\.|"
            + "Dipl\\.-\\p{L}+\\.?)[ \\t]+)*";

    private static final Pattern LABELLED_NAME = Pattern.compile(
            "(?mu)^[ \\t]*(?iu:name|vor-?[ \\t]*und[ \\t]*(?:nach|zu)name|vollständiger[ \\t]+name|full[ \\t]+name|"
                    + "versicherungsnehmer(?:in)?|versicherte[rn]?(?:[ \\t]+person)?|policy[ \\t]?holder|"
                    + "insured(?:[ \\t]+person)?|name[ \\t]+des[ \\t]+versicherungsnehmers|antragsteller(?:in)?|"
                    + "customer[ \\t]+name|kundenname|your[ \\t]+name|ihr[ \\t]+name)[ \\t]*:[ \\t]*" + TITLES
                    + "(?<name>" + NAME + ")[ \\t]*(?=$|[,;(])");

    private static final Pattern NAME_AT_END = Pattern.compile("(?u)(?<name>" + NAME + ")$");

    private static final Pattern POSTAL_LABEL = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:plz(?:[ \\t]*/[ \\t]*ort)?|postleitzahl|post[ \\t]?code|postal[ \\t]+code|"
                    + "zip(?:[ \\t]?code)?)[ \\t]*[:.]?[ \\t]*(?<pc>(?:D-[ \\t]?)?\\d{5}(?!\\d)|"
                    + "[A-Za-z]{1,2}\\d[A-Za-z\\d]?[ \\t]?\\d[A-Za-z]{2}\\b)");

    private static final String STREET = "(?:[\\p{L}.'-]+[ \\t]){0,4}?[\\p{L}.'-]*(?i:straße|strasse|str\\.|weg|allee|"
            + "platz|gasse|ring|damm|ufer|chaussee|steig|pfad|markt|graben|kamp|wall|road|rd\\.|street|st\\.|"
            + "avenue|ave\\.|lane|drive|close|way)[ \\t]*\\d{1,4}[ \\t]?[a-zA-Z]?(?:[ \\t]*[-/][ \\t]*\\d{1,4}[a-zA-Z]?)?";
    private static final String ENGLISH_STREET = "\\d{1,4}[a-zA-Z]?[ \\t]+(?:[\\p{L}.'-]+[ \\t]){0,3}(?i:street|st\\.?|"
            + "road|rd\\.?|avenue|ave\\.?|lane|drive|close|way|place|square|crescent|gardens)";

    private static final Pattern NAME_LINE = Pattern.compile("(?u)^[ \\t]*" + TITLES + "(?<name>" + NAME + ")[ \\t]*$");
    private static final Pattern STREET_LINE = Pattern.compile(
            "(?u)^[ \\t]*(?:" + STREET + "|" + ENGLISH_STREET + ")[ \\t]*,?[ \\t]*$");
    private static final Pattern CITY_LINE = Pattern.compile(
            "(?u)^[ \\t]*(?:D-[ \\t]?)?(?<pc>\\d{5})[ \\t]+\\p{Lu}[\\p{L} .()/-]{1,40}$");
    private static final Pattern STREET_THEN_CITY = Pattern.compile(
            // starts only where a word starts: a match found mid-word starts at that word's start anyway, and
            // without the guard every position of a long letter run is tried again (quadratic on wild mail)
            "(?u)(?<![\\p{L}.'-])" + STREET + "[ \\t]*,[ \\t]*(?:D-[ \\t]?)?(?<pc>\\d{5})[ \\t]+\\p{Lu}\\p{Ll}+");

    private static final Pattern TOKEN = Pattern.compile("\\S+");

    /** Capitalized words that open or join phrases before a name; never part of a name. */
    private static final Set<String> NOT_NAME = Set.of(
            "mein", "meine", "meinem", "meinen", "meiner", "ich", "wir", "der", "die", "das", "dem", "den", "des",
            "herr", "herrn", "frau", "name", "versicherungsnehmer", "versicherungsnehmerin", "versicherte",
            "versicherter", "sohn", "tochter", "ehemann", "ehefrau", "mann", "kind", "vater", "mutter", "kunde",
            "kundin", "sehr", "geehrte", "geehrter", "hallo", "liebe", "lieber", "bitte", "dear", "my", "the",
            "i", "mr", "mrs", "ms", "dr", "prof", "miss", "und", "and", "or", "oder", "with", "mit", "für",
            "for", "von", "from", "an", "to", "unser", "unsere", "our", "his", "her", "husband", "wife", "son",
            "daughter", "father", "mother", "customer", "policyholder", "insured", "claimant", "antragsteller",
            "frau/herr", "betreff", "subject", "grüße", "gruß", "regards", "freundlichen", "mfg", "best",
            "sincerely", "yours", "viele", "vielen", "dank", "thanks", "danke", "geschädigte",
            "geschädigter", "fahrer", "fahrerin", "halter", "halterin", "partner", "partnerin", "schwester",
            "bruder", "sister", "brother", "person");

    /** Extracts every signal; see the class documentation. */
    public List<Signal> extract(MailView mail, TextParts parts) {
        List<Signal> all = new ArrayList<>();
        if (mail.subject() != null) {
            references(mail.subject(), TextSource.SUBJECT, all);
            personal(mail.subject(), TextSource.SUBJECT, all);
        }
        if (parts != null) {
            references(parts.newText(), TextSource.NEW_TEXT, all);
            personal(parts.newText(), TextSource.NEW_TEXT, all);
            references(parts.quotedText(), TextSource.QUOTED_TEXT, all);
            personal(parts.quotedText(), TextSource.QUOTED_TEXT, all);
        }
        for (MailView.AttachmentInfo a : mail.attachments()) {
            if (a.fileName() != null) {
                references(a.fileName().replace('_', ' '), TextSource.ATTACHMENT_NAME, all);
            }
            if (a.extractedText() != null) {
                // OCR text of an attachment-only mail: references only (a reference must still exist in the
                // identity data to count; names and dates read by OCR are too unreliable to identify anyone)
                references(a.extractedText(), TextSource.ATTACHMENT_TEXT, all);
            }
        }
        if (mail.fromAddress() != null && !mail.fromAddress().isBlank()) {
            all.add(new Signal(SignalKind.SENDER_ADDRESS, mail.fromAddress().strip().toLowerCase(Locale.ROOT),
                    TextSource.SENDER, -1, -1));
        }
        all.sort(Comparator.comparing(Signal::source)
                .thenComparingInt(Signal::start)
                .thenComparingInt(Signal::end)
                .thenComparing(Signal::kind)
                .thenComparing(Signal::value));
        Set<String> seen = new HashSet<>();
        List<Signal> out = new ArrayList<>();
        for (Signal s : all) {
            if (seen.add(s.kind() + "\u0000" + s.value() + "\u0000" + s.source())) {
                out.add(s);
            }
        }
        return List.copyOf(out);
    }

    private static void references(String text, TextSource source, List<Signal> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        for (ReferenceFormats.ReferenceMatch r : ReferenceFormats.findAll(text)) {
            out.add(new Signal(kindOf(r.kind()), r.canonical(), source, r.start(), r.end()));
        }
    }

    private static SignalKind kindOf(ReferenceKind kind) {
        return switch (kind) {
            case POLICY -> SignalKind.POLICY_NUMBER;
            case CLAIM -> SignalKind.CLAIM_NUMBER;
            case CUSTOMER -> SignalKind.CUSTOMER_NUMBER;
        };
    }

    private static void personal(String text, TextSource source, List<Signal> out) {
        if (text == null || text.isEmpty()) {
            return;
        }
        labelledNames(text, source, out);
        birth(text, source, out);
        postalCodes(text, source, out);
        signatureBlocks(text, source, out);
    }

    private static void labelledNames(String text, TextSource source, List<Signal> out) {
        Matcher m = LABELLED_NAME.matcher(text);
        while (m.find()) {
            name(text, m.start("name"), m.end("name"), source, out);
        }
    }

    /** Dates after a birth marker, and the name written right before the marker. */
    private static void birth(String text, TextSource source, List<Signal> out) {
        for (WrittenDates.BirthDate b : WrittenDates.birthDates(text)) {
            WrittenDates.DateMatch d = b.date();
            out.add(new Signal(SignalKind.DATE_OF_BIRTH, d.iso(), source, d.start(), d.end()));
            nameBefore(text, b.markerStart(), source, out);
        }
    }

    /** "Max Mustermann, geb." / "Max Mustermann (born" / "Max Mustermann geboren am": the name before. */
    private static void nameBefore(String text, int markerStart, TextSource source, List<Signal> out) {
        int end = markerStart;
        while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
            end--;
        }
        if (end > 0 && (text.charAt(end - 1) == ',' || text.charAt(end - 1) == '(')) {
            end--;
            while (end > 0 && (text.charAt(end - 1) == ' ' || text.charAt(end - 1) == '\t')) {
                end--;
            }
        }
        int lineStart = text.lastIndexOf('\n', end - 1) + 1;
        int from = Math.max(lineStart, end - 120);
        Matcher m = NAME_AT_END.matcher(text.substring(from, end));
        if (m.find()) {
            name(text, from + m.start("name"), from + m.end("name"), source, out);
        }
    }

    /**
     * Adds a name spanning [start, end) after dropping leading words that are not names ("Mein Mann Max
     * Mustermann" gives "Max Mustermann"); needs at least two words left.
     */
    private static void name(String text, int start, int end, TextSource source, List<Signal> out) {
        String written = text.substring(start, end);
        List<int[]> tokens = new ArrayList<>();
        Matcher t = TOKEN.matcher(written);
        while (t.find()) {
            tokens.add(new int[] {t.start(), t.end()});
        }
        int first = 0;
        for (int i = 0; i < tokens.size(); i++) {
            String word = written.substring(tokens.get(i)[0], tokens.get(i)[1]).toLowerCase(Locale.ROOT);
            boolean particle = word.equals(written.substring(tokens.get(i)[0], tokens.get(i)[1]));
            if (!particle && NOT_NAME.contains(word.replace(".", ""))) {
                first = i + 1;
            }
        }
        int nameTokens = 0;
        for (int i = first; i < tokens.size(); i++) {
            String word = written.substring(tokens.get(i)[0], tokens.get(i)[1]);
            if (!word.matches(PARTICLE)) {
                nameTokens++;
            }
        }
        while (first < tokens.size()
                && written.substring(tokens.get(first)[0], tokens.get(first)[1]).matches(PARTICLE)) {
            first++;
        }
        if (nameTokens < 2 || first >= tokens.size()) {
            return;
        }
        int s = start + tokens.get(first)[0];
        out.add(new Signal(SignalKind.PERSON_NAME, text.substring(s, end), source, s, end));
    }

    private static void postalCodes(String text, TextSource source, List<Signal> out) {
        Matcher m = POSTAL_LABEL.matcher(text);
        while (m.find()) {
            postal(m.group("pc"), m.start("pc"), m.end("pc"), source, out);
        }
        m = STREET_THEN_CITY.matcher(text);
        while (m.find()) {
            postal(m.group("pc"), m.start("pc"), m.end("pc"), source, out);
        }
    }

    private static void postal(String written, int start, int end, TextSource source, List<Signal> out) {
        String v = written.strip().toUpperCase(Locale.ROOT);
        if (v.startsWith("D-")) {
            v = v.substring(2).strip();
        }
        if (!v.chars().allMatch(Character::isDigit)) {
            String compact = v.replaceAll("[ \\t]", "");
            v = compact.substring(0, compact.length() - 3) + " " + compact.substring(compact.length() - 3);
        }
        out.add(new Signal(SignalKind.POSTAL_CODE, v, source, start, end));
    }

    /** Name line, street line, "10115 Berlin" line, consecutive. */
    private static void signatureBlocks(String text, TextSource source, List<Signal> out) {
        List<int[]> lines = new ArrayList<>();
        int pos = 0;
        while (pos <= text.length()) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            int lineEnd = end > pos && text.charAt(end - 1) == '\r' ? end - 1 : end;
            lines.add(new int[] {pos, lineEnd});
            if (nl < 0) {
                break;
            }
            pos = nl + 1;
        }
        for (int i = 0; i + 2 < lines.size(); i++) {
            // signature lines are short; a long line cannot be one, and would make the patterns backtrack
            // for seconds (found by the fuzzer: a 117,000-character line took 19 s)
            if (length(lines.get(i)) > MAX_SIGNATURE_LINE || length(lines.get(i + 1)) > MAX_SIGNATURE_LINE
                    || length(lines.get(i + 2)) > MAX_SIGNATURE_LINE) {
                continue;
            }
            String nameLine = line(text, lines.get(i));
            Matcher name = NAME_LINE.matcher(nameLine);
            if (!name.matches()) {
                continue;
            }
            if (!STREET_LINE.matcher(line(text, lines.get(i + 1))).matches()) {
                continue;
            }
            Matcher city = CITY_LINE.matcher(line(text, lines.get(i + 2)));
            if (!city.matches()) {
                continue;
            }
            int base = lines.get(i)[0];
            name(text, base + name.start("name"), base + name.end("name"), source, out);
            int cityBase = lines.get(i + 2)[0];
            postal(city.group("pc"), cityBase + city.start("pc"), cityBase + city.end("pc"), source, out);
        }
    }

    private static final int MAX_SIGNATURE_LINE = 200;

    private static int length(int[] span) {
        return span[1] - span[0];
    }

    private static String line(String text, int[] span) {
        return text.substring(span[0], span[1]);
    }
}
