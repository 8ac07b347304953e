package io.ieim.domain.signals;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Calendar dates as people write them in German and English mail, to ISO {@code yyyy-MM-dd}:
 * {@code 03.04.1981}, {@code 3.4.1981}, {@code 03/04/1981} (day first; month first only when the day
 * cannot be a month, {@code 04/23/1981}), {@code 03-04-1981}, {@code 1981-04-03}, {@code 3. April 1981},
 * {@code 3rd April 1981}, {@code April 3, 1981}, {@code 3 Apr. 1981}, {@code 3. März 1981}. Only four-digit
 * years 1900-2099 and real calendar days count (no 31.02.). Pure and deterministic.
 */
public final class WrittenDates {

    private static final String MONTH_NAMES = "januar|jänner|january|jan|februar|february|feb|märz|maerz|march|"
            + "mär|mar|april|apr|mai|may|juni|june|jun|juli|july|jul|august|aug|september|sept|sep|oktober|"
            + "october|okt|oct|november|nov|dezember|december|dez|dec";

    private static final Map<String, Integer> MONTHS = Map.ofEntries(
            Map.entry("januar", 1), Map.entry("jänner", 1), Map.entry("january", 1), Map.entry("jan", 1),
            Map.entry("februar", 2), Map.entry("february", 2), Map.entry("feb", 2),
            Map.entry("märz", 3), Map.entry("maerz", 3), Map.entry("march", 3), Map.entry("mär", 3),
            Map.entry("mar", 3), Map.entry("april", 4), Map.entry("apr", 4), Map.entry("mai", 5),
            Map.entry("may", 5), Map.entry("juni", 6), Map.entry("june", 6), Map.entry("jun", 6),
            Map.entry("juli", 7), Map.entry("july", 7), Map.entry("jul", 7), Map.entry("august", 8),
            Map.entry("aug", 8), Map.entry("september", 9), Map.entry("sept", 9), Map.entry("sep", 9),
            Map.entry("oktober", 10), Map.entry("october", 10), Map.entry("okt", 10), Map.entry("oct", 10),
            Map.entry("november", 11), Map.entry("nov", 11), Map.entry("dezember", 12),
            Map.entry("december", 12), Map.entry("dez", 12), Map.entry("dec", 12));

    private static final String YEAR = "(?:19|20)\\d{2}";

    private static final Pattern NUMERIC = Pattern.compile(
            "(?<![\\d.\\-/])(?<a>\\d{1,2})\\s?(?<sep>[./-])\\s?(?<b>\\d{1,2})\\s?\\k<sep>\\s?(?<y>" + YEAR + ")(?![\\d])");
    private static final Pattern ISO = Pattern.compile(
            "(?<![\\d\\-])(?<y>" + YEAR + ")-(?<m>\\d{1,2})-(?<d>\\d{1,2})(?![\\d])");
    private static final Pattern DAY_MONTH_NAME = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(?<d>\\d{1,2})(?:\\.|st|nd|rd|th)?\\s*(?:of\\s+)?(?<mon>" + MONTH_NAMES
                    + ")\\.?,?\\s+(?<y>" + YEAR + ")(?!\\d)");
    private static final Pattern MONTH_NAME_DAY = Pattern.compile(
            "(?iu)(?<![\\p{L}\\d])(?<mon>" + MONTH_NAMES + ")\\.?\\s+(?<d>\\d{1,2})(?:st|nd|rd|th)?,?\\s+(?<y>"
                    + YEAR + ")(?!\\d)");

    private static final Pattern BIRTH_MARKER = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:geb\\.|geboren|geburtsdatum|geb\\.-?datum|geburtstag|date[ \\t]+of[ \\t]+birth|"
                    + "birth[ \\t]?date|born|d\\.o\\.b\\.?|dob)(?![\\p{L}])[ \\t]*[:\\-]?[ \\t]*"
                    + "(?:(?:am|on|is|ist|war|was|the|der|den)[ \\t]+){0,2}");

    private WrittenDates() {
    }

    /**
     * A date of birth: a date right after a birth marker (geb., geboren am, Geburtsdatum:, Geburtstag,
     * born on, date of birth is, DOB:), on the same line.
     *
     * @param date        the date
     * @param markerStart offset where the marker starts
     */
    public record BirthDate(DateMatch date, int markerStart) {
    }

    /** Every date of birth in the text, by position. */
    public static List<BirthDate> birthDates(CharSequence text) {
        List<BirthDate> out = new ArrayList<>();
        Matcher m = BIRTH_MARKER.matcher(text);
        while (m.find()) {
            Optional<DateMatch> d = startingAt(text, m.end());
            d.ifPresent(date -> out.add(new BirthDate(date, m.start())));
        }
        return List.copyOf(out);
    }

    /**
     * A date found in a text.
     *
     * @param date  the calendar date
     * @param start offset of the first character
     * @param end   offset after the last character
     */
    public record DateMatch(LocalDate date, int start, int end) {

        /** ISO form, {@code yyyy-MM-dd}. */
        public String iso() {
            return date.toString();
        }
    }

    /** Every date in the text, by position; overlapping finds keep the longest. */
    public static List<DateMatch> findAll(CharSequence text) {
        List<DateMatch> all = new ArrayList<>();
        Matcher m = NUMERIC.matcher(text);
        while (m.find()) {
            int a = Integer.parseInt(m.group("a"));
            int b = Integer.parseInt(m.group("b"));
            int y = Integer.parseInt(m.group("y"));
            LocalDate d = of(y, b, a);
            if (d == null && "/".equals(m.group("sep"))) {
                d = of(y, a, b); // 04/23/1981: the day cannot be 23th month, so month first
            }
            add(all, d, m);
        }
        m = ISO.matcher(text);
        while (m.find()) {
            add(all, of(Integer.parseInt(m.group("y")), Integer.parseInt(m.group("m")),
                    Integer.parseInt(m.group("d"))), m);
        }
        for (Pattern p : List.of(DAY_MONTH_NAME, MONTH_NAME_DAY)) {
            m = p.matcher(text);
            while (m.find()) {
                Integer month = MONTHS.get(m.group("mon").toLowerCase(Locale.ROOT));
                if (month != null) {
                    add(all, of(Integer.parseInt(m.group("y")), month, Integer.parseInt(m.group("d"))), m);
                }
            }
        }
        all.sort(Comparator.comparingInt(DateMatch::start)
                .thenComparing(Comparator.comparingInt(DateMatch::end).reversed()));
        List<DateMatch> kept = new ArrayList<>();
        for (DateMatch d : all) {
            if (kept.isEmpty() || d.start() >= kept.get(kept.size() - 1).end()) {
                kept.add(d);
            }
        }
        return List.copyOf(kept);
    }

    /** The date that starts exactly at {@code offset}, if any. */
    public static Optional<DateMatch> startingAt(CharSequence text, int offset) {
        int end = Math.min(text.length(), offset + 40);
        for (DateMatch d : findAll(text.subSequence(offset, end))) {
            if (d.start() == 0) {
                return Optional.of(new DateMatch(d.date(), offset, offset + d.end()));
            }
        }
        return Optional.empty();
    }

    private static void add(List<DateMatch> all, LocalDate d, Matcher m) {
        if (d != null) {
            all.add(new DateMatch(d, m.start(), m.end()));
        }
    }

    private static LocalDate of(int year, int month, int day) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
