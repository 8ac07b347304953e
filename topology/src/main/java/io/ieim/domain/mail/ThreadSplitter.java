package io.ieim.domain.mail;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Separates what the sender wrote now from the quoted earlier messages of a reply thread (contract §4).
 *
 * <p>Quoted text is every line starting with "&gt;" and everything from a reply header on:
 * "On &lt;date&gt;, &lt;name&gt; wrote:" (also wrapped over up to three lines), "Am &lt;date&gt; schrieb
 * &lt;name&gt;:", "&lt;name&gt; &lt;address&gt; wrote:", Outlook's "-----Original Message-----" /
 * "-----Ursprüngliche Nachricht-----" / "-------- Original-Nachricht --------", and a header block of at
 * least three of From/Von, Sent/Date/Gesendet/Datum, To/An, Cc, Subject/Betreff lines starting with a
 * From/Sent/Date line (an "___" or "---" rule right above it belongs to the quote).
 *
 * <p>Forwarded content stays new text: after "---------- Forwarded message ---------",
 * "-------- Weitergeleitete Nachricht --------", "-------- Forwarded Message --------",
 * "Begin forwarded message:" or "Anfang der weitergeleiteten Nachricht:" every line is new, whatever it
 * looks like. Outlook writes a forward exactly like a reply (a header block), so when the subject is
 * given and its first prefix is a forward prefix (FW:, Fwd:, WG:, TR:, Wtr:), the first reply-like block
 * counts as a forward; so does an Outlook block with nothing written above it (a reply has new text above
 * its quote, a forward without comment has none). Inside a quoted region only {@link MailNormalizer#FORWARD_MARKER} (the block the
 * normalizer appends for a message/rfc822 attachment) ends the quote, because such a forward follows the
 * whole reply text in the normalized body.
 *
 * <p>Deterministic, pure; "\r\n" and "\r" are read as line ends, the parts use "\n".
 */
public final class ThreadSplitter {

    private static final Pattern FORWARD_MARKER = Pattern.compile(
            "(?i)^(?:-{2,}\\s*(?:forwarded message|weitergeleitete nachricht|weitergeleitete e-?mail|"
                    + "message transféré|mensaje reenviado)\\s*-{2,}"
                    + "|begin forwarded message:|anfang der weitergeleiteten nachricht:)$");

    private static final Pattern ORIGINAL_MESSAGE = Pattern.compile(
            "(?i)^-{2,}\\s*(?:original message|ursprüngliche nachricht|original-?nachricht|urspr\\S*ngliche nachricht)"
                    + "\\s*-{2,}$");

    private static final Pattern ON_WROTE = Pattern.compile("(?i)^on\\s.{2,300}?\\swrote\\s?:$");
    private static final Pattern AM_SCHRIEB = Pattern.compile("(?i)^am\\s.{2,300}?\\sschrieb(?:\\s.{1,300})?\\s?:$");
    private static final Pattern ADDRESS_WROTE = Pattern.compile(
            "(?i)^.{0,200}<[^<>\\s]+@[^<>\\s]+>\\s*(?:wrote|schrieb)(?:\\s+am\\s.{1,100})?\\s?:$");
    private static final Pattern SCHRIEB_AM = Pattern.compile(
            "(?i)^.{1,200}\\sschrieb am\\s.{1,100}\\d.{0,100}:$");

    private static final Set<String> PRONOUNS_BEFORE_WROTE = Set.of("i", "we", "you", "he", "she", "they", "it");
    private static final Set<String> WORDS_AFTER_SCHRIEB = Set.of("ich", "wir", "du", "sie", "er", "es", "man",
            "mir", "uns", "ihnen", "dir", "euch", "bereits", "schon", "noch", "ihr", "mich");

    private static final Pattern HEADER_KEY = Pattern.compile(
            "(?i)^\\*{0,2}(from|von|sent|date|gesendet|datum|to|an|cc|subject|betreff)\\s?:\\*{0,2}(?:\\s.*)?$");

    private static final Pattern RULE = Pattern.compile("^(?:_{5,}|-{5,})$");

    private static final Pattern FORWARD_SUBJECT = Pattern.compile("(?i)^\\s*(?:\\[[^]]{0,40}]\\s*)?"
            + "(fw|fwd|wg|tr|wtr|weitergeleitet|re|aw|sv|antw|vs)\\s*(?:\\[\\d+])?\\s*:");

    private static final int HEADER_WINDOW = 8;

    private ThreadSplitter() {
    }

    /** Splits a body without knowing its subject. */
    public static TextParts split(String bodyText) {
        return split(bodyText, null);
    }

    /**
     * Splits a body; the subject (may be null) only tells an Outlook forward from an Outlook reply.
     */
    public static TextParts split(String bodyText, String subject) {
        if (bodyText == null || bodyText.isEmpty()) {
            return new TextParts("", "");
        }
        String[] lines = bodyText.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        boolean forwardSubject = isForwardSubject(subject);
        List<String> fresh = new ArrayList<>();
        List<String> quoted = new ArrayList<>();
        Mode mode = Mode.NEW;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            String t = line.strip();
            if (mode == Mode.FORWARD) {
                fresh.add(line);
                continue;
            }
            if (mode == Mode.QUOTED) {
                if (t.equals(MailNormalizer.FORWARD_MARKER)) {
                    mode = Mode.FORWARD;
                    fresh.add(line);
                } else {
                    quoted.add(line);
                }
                continue;
            }
            if (FORWARD_MARKER.matcher(t).matches()) {
                mode = Mode.FORWARD;
                fresh.add(line);
                continue;
            }
            int headerLines = replyHeaderLines(lines, i);
            boolean block = headerLines == 0 && (ORIGINAL_MESSAGE.matcher(t).matches() || isHeaderBlock(lines, i));
            if (block && (forwardSubject || lastNonBlank(fresh) < 0)) {
                // an Outlook forward, or a header block with nothing written above it: a reply always has
                // new text above its quote, a forward without comment does not
                mode = Mode.FORWARD;
                fresh.add(line);
                continue;
            }
            if (headerLines > 0 || block) {
                mode = Mode.QUOTED;
                if (block && !fresh.isEmpty()) {
                    int prev = lastNonBlank(fresh);
                    if (prev >= 0 && RULE.matcher(fresh.get(prev).strip()).matches()) {
                        quoted.addAll(fresh.subList(prev, fresh.size()));
                        fresh.subList(prev, fresh.size()).clear();
                    }
                }
                for (int k = 0; k < Math.max(1, headerLines); k++) {
                    quoted.add(lines[i + k]);
                }
                i += Math.max(1, headerLines) - 1;
                continue;
            }
            if (t.startsWith(">")) {
                quoted.add(line);
            } else {
                fresh.add(line);
            }
        }
        return new TextParts(join(fresh), join(quoted));
    }

    private enum Mode { NEW, QUOTED, FORWARD }

    static boolean isForwardSubject(String subject) {
        if (subject == null) {
            return false;
        }
        Matcher m = FORWARD_SUBJECT.matcher(subject);
        if (!m.find()) {
            return false;
        }
        String prefix = m.group(1).toLowerCase(Locale.ROOT);
        return switch (prefix) {
            case "fw", "fwd", "wg", "tr", "wtr", "weitergeleitet" -> true;
            default -> false;
        };
    }

    /** Number of lines (1-3) forming a reply header that starts at line i, or 0. */
    private static int replyHeaderLines(String[] lines, int i) {
        StringBuilder joined = new StringBuilder();
        for (int k = 0; k < 3 && i + k < lines.length; k++) {
            String t = lines[i + k].strip();
            if (t.isEmpty() || k > 0 && t.startsWith(">")) {
                return 0;
            }
            if (k > 0) {
                joined.append(' ');
            }
            joined.append(t);
            if (isReplyHeader(joined.toString())) {
                return k + 1;
            }
            if (k == 0 && !startsLikeReplyHeader(t)) {
                return 0;
            }
        }
        return 0;
    }

    private static boolean startsLikeReplyHeader(String t) {
        String lower = t.toLowerCase(Locale.ROOT);
        return lower.startsWith("on ") || lower.startsWith("am ") || t.contains("<") || lower.contains("schrieb");
    }

    private static boolean isReplyHeader(String t) {
        if (t.length() > 400 || !containsDigitOrAddress(t)) {
            return false;
        }
        if (ON_WROTE.matcher(t).matches()) {
            String before = lastWordBefore(t, t.toLowerCase(Locale.ROOT).lastIndexOf("wrote"));
            return !PRONOUNS_BEFORE_WROTE.contains(before);
        }
        if (AM_SCHRIEB.matcher(t).matches() || SCHRIEB_AM.matcher(t).matches()) {
            int at = t.toLowerCase(Locale.ROOT).indexOf("schrieb");
            String after = firstWordAfter(t, at + "schrieb".length());
            return !WORDS_AFTER_SCHRIEB.contains(after);
        }
        return ADDRESS_WROTE.matcher(t).matches();
    }

    private static boolean containsDigitOrAddress(String t) {
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (Character.isDigit(c) || c == '@') {
                return true;
            }
        }
        return false;
    }

    private static String lastWordBefore(String t, int index) {
        String head = t.substring(0, Math.max(0, index)).strip();
        int sp = head.lastIndexOf(' ');
        return head.substring(sp + 1).replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }

    private static String firstWordAfter(String t, int index) {
        String tail = t.substring(Math.min(t.length(), index)).strip();
        int sp = tail.indexOf(' ');
        String w = sp < 0 ? tail : tail.substring(0, sp);
        return w.replaceAll("[^\\p{L}]", "").toLowerCase(Locale.ROOT);
    }

    /**
     * A block of header lines at i: the first is From/Von or Sent/Date/Gesendet/Datum, and the window holds
     * at least three distinct header kinds including a sender.
     */
    private static boolean isHeaderBlock(String[] lines, int i) {
        Matcher first = HEADER_KEY.matcher(lines[i].strip());
        if (!first.matches()) {
            return false;
        }
        String firstKind = kind(first.group(1));
        if (!firstKind.equals("from") && !firstKind.equals("date")) {
            return false;
        }
        Set<String> kinds = new HashSet<>();
        kinds.add(firstKind);
        int seenLines = 1;
        for (int k = i + 1; k < lines.length && seenLines < HEADER_WINDOW; k++) {
            String t = lines[k].strip();
            if (t.isEmpty()) {
                break;
            }
            seenLines++;
            Matcher m = HEADER_KEY.matcher(t);
            if (m.matches()) {
                kinds.add(kind(m.group(1)));
            }
        }
        return kinds.size() >= 3 && kinds.contains("from") && (kinds.contains("date") || kinds.contains("subject"));
    }

    private static String kind(String key) {
        return switch (key.toLowerCase(Locale.ROOT)) {
            case "from", "von" -> "from";
            case "sent", "date", "gesendet", "datum" -> "date";
            case "to", "an" -> "to";
            case "cc" -> "cc";
            default -> "subject";
        };
    }

    private static int lastNonBlank(List<String> lines) {
        for (int k = lines.size() - 1; k >= 0; k--) {
            if (!lines.get(k).isBlank()) {
                return k;
            }
        }
        return -1;
    }

    private static String join(List<String> lines) {
        return String.join("\n", lines).strip();
    }
}
