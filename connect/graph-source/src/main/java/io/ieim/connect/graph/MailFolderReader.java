package io.ieim.connect.graph;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a mail folder incrementally, in batches, from a {@link Position} that a Kafka Connect source
 * task stores as its offset: the page link being read and how many of its messages were delivered.
 * Restarting from a stored position re-reads that page and skips what was delivered, so a crash
 * between producing and committing repeats at most the uncommitted messages (and with exactly-once
 * source support not even those). A finished round continues from the delta link: later polls see
 * only new or changed messages.
 */
public final class MailFolderReader {

    /** Where to go on: the page link (null: start the folder's first round) and messages already delivered from it. */
    public record Position(String link, int delivered) {

        public static final Position START = new Position(null, 0);

        public Map<String, Object> toOffset() {
            Map<String, Object> offset = new HashMap<>();
            offset.put("link", link);
            offset.put("delivered", delivered);
            return offset;
        }

        public static Position fromOffset(Map<String, ?> offset) {
            if (offset == null || offset.get("link") == null) {
                return START;
            }
            Object delivered = offset.get("delivered");
            return new Position((String) offset.get("link"), delivered instanceof Number n ? n.intValue() : 0);
        }
    }

    /** A message read: Graph's id, when the mailbox received it (may be null), its MIME bytes and the position after it. */
    public record FetchedMail(String graphId, java.time.Instant receivedAt, byte[] raw, Position after) {
    }

    /** What one read returned; {@code roundComplete} when the folder is read up to its delta link. */
    public record Batch(List<FetchedMail> mails, Position next, boolean roundComplete) {
    }

    private final GraphMailClient client;
    private final String mailbox;
    private final String folder;

    public MailFolderReader(GraphMailClient client, String mailbox, String folder) {
        this.client = client;
        this.mailbox = mailbox;
        this.folder = folder;
    }

    /** Reads up to {@code max} messages of one page from {@code from}. */
    public Batch read(Position from, int max) throws GraphException, InterruptedException {
        String link = from.link() == null ? client.initialDeltaLink(mailbox, folder) : from.link();
        GraphMailClient.DeltaPage page = client.delta(link);
        List<GraphMailClient.GraphMessage> ids = page.messages();
        int start = Math.min(from.delivered(), ids.size());
        int end = Math.min(ids.size(), start + max);
        List<FetchedMail> mails = new ArrayList<>();
        for (int i = start; i < end; i++) {
            Position after = i + 1 < ids.size() ? new Position(link, i + 1) : new Position(page.continuation(), 0);
            GraphMailClient.GraphMessage message = ids.get(i);
            mails.add(new FetchedMail(message.id(), message.receivedAt(), client.rawMessage(mailbox, message.id()), after));
        }
        boolean pageDone = end >= ids.size();
        Position next = pageDone ? new Position(page.continuation(), 0) : new Position(link, end);
        return new Batch(List.copyOf(mails), next, pageDone && page.lastOfRound());
    }
}
