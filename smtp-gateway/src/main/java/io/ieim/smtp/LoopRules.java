package io.ieim.smtp;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Mail loop protection, applied to the header section of a submitted mail before it is accepted.
 * A mail is refused (554 5.4.6) when
 * <ol>
 *   <li>it carries more than {@code maxHops} Received fields: it has travelled too far, the classic
 *       loop symptom (RFC 5321 §6.3; Postfix's hopcount_limit is the same rule);</li>
 *   <li>it carries our own {@value #LOOP_HEADER} field: IEIM puts it on every mail it sends (reply
 *       drafts), so such a mail coming back in is our own output;</li>
 *   <li>it is automatically submitted (an Auto-Submitted field with any value but {@code no},
 *       RFC 3834) and addressed to one of our no-reply addresses: an auto-responder answering our
 *       own automatic mail would otherwise start a ping-pong.</li>
 * </ol>
 * Automatic mail to an ordinary address is accepted: out-of-office replies to a case handler are
 * legitimate input, and the topology classifies them as AUTO_REPLY.
 */
public final class LoopRules {

    public static final String LOOP_HEADER = "X-IEIM-Loop";

    private final int maxHops;
    private final Set<String> noReplyLocalParts;

    public LoopRules(int maxHops, Set<String> noReplyLocalParts) {
        if (maxHops < 1) {
            throw new IllegalArgumentException("max hops must be at least 1");
        }
        this.maxHops = maxHops;
        this.noReplyLocalParts = noReplyLocalParts.stream().map(s -> s.toLowerCase(Locale.ROOT)).collect(
                java.util.stream.Collectors.toUnmodifiableSet());
    }

    /** The reason to refuse the mail, or empty to accept it. */
    public Optional<String> violation(byte[] raw, List<String> recipients) {
        List<Header> headers = headerSection(raw);
        long hops = headers.stream().filter(h -> h.name().equals("received")).count();
        if (hops > maxHops) {
            return Optional.of("too many hops (" + hops + " Received fields, limit " + maxHops + "): mail loop");
        }
        if (headers.stream().anyMatch(h -> h.name().equals(LOOP_HEADER.toLowerCase(Locale.ROOT)))) {
            return Optional.of("mail carries our own " + LOOP_HEADER + " marker: mail loop");
        }
        boolean auto = headers.stream().filter(h -> h.name().equals("auto-submitted"))
                .anyMatch(h -> !h.value().strip().toLowerCase(Locale.ROOT).startsWith("no"));
        if (auto && recipients.stream().anyMatch(this::isNoReply)) {
            return Optional.of("automatic mail to a no-reply address: mail loop");
        }
        return Optional.empty();
    }

    boolean isNoReply(String address) {
        int at = address.lastIndexOf('@');
        String local = (at < 0 ? address : address.substring(0, at)).toLowerCase(Locale.ROOT);
        return noReplyLocalParts.contains(local);
    }

    record Header(String name, String value) {
    }

    /**
     * Field names and unfolded values of the header section (up to the first empty line). Lenient on
     * purpose: a mail whose header cannot be read is not refused here; the normalizer quarantines it.
     */
    static List<Header> headerSection(byte[] raw) {
        List<Header> headers = new ArrayList<>();
        String text = new String(raw, 0, headerEnd(raw), StandardCharsets.ISO_8859_1);
        String name = null;
        StringBuilder value = new StringBuilder();
        for (String line : text.split("\r?\n")) {
            if (!line.isEmpty() && (line.charAt(0) == ' ' || line.charAt(0) == '\t') && name != null) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (name != null) {
                headers.add(new Header(name, value.toString()));
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                name = null;
                continue;
            }
            name = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
            value.setLength(0);
            value.append(line.substring(colon + 1).strip());
        }
        if (name != null) {
            headers.add(new Header(name, value.toString()));
        }
        return headers;
    }

    private static int headerEnd(byte[] raw) {
        for (int i = 0; i < raw.length - 1; i++) {
            if (raw[i] == '\n' && (raw[i + 1] == '\n' || (raw[i + 1] == '\r' && i + 2 < raw.length && raw[i + 2] == '\n'))) {
                return i + 1;
            }
        }
        return raw.length;
    }
}
