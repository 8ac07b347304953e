package io.ieim.connect.imap;

import io.ieim.ingest.MailEventEncoder;
import io.ieim.ingest.RawObjectStore;

import io.ieim.avro.RawMimeReference;
import io.ieim.ingest.RawMailStore;

import java.io.IOException;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Object storage stand-in with RawMailStore's keys and write-once rule; counts what happened. */
final class InMemoryObjects implements RawObjectStore {

    final Map<String, byte[]> objects = new ConcurrentHashMap<>();
    final Set<String> published = ConcurrentHashMap.newKeySet();
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger alreadyPresent = new AtomicInteger();
    volatile boolean failing;

    @Override
    public RawMimeReference store(String sha256, byte[] raw) throws IOException {
        if (failing) {
            throw new IOException("storage down");
        }
        String key = RawMailStore.objectKey(sha256);
        byte[] before = objects.putIfAbsent(key, raw.clone());
        if (before == null) {
            created.incrementAndGet();
        } else if (!Arrays.equals(before, raw)) {
            throw new IOException("object " + key + " exists with different bytes");
        } else {
            alreadyPresent.incrementAndGet();
        }
        return RawMimeReference.newBuilder().setBucket("test").setKey(key).setSha256(sha256)
                .setSizeBytes(raw.length).build();
    }

    @Override
    public void markPublished(String sha256) {
        published.add(sha256);
    }
}
