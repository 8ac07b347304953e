package io.ieim.storage;

import io.minio.GetObjectArgs;
import io.minio.ListObjectsArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.Result;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.messages.Item;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A bucket whose objects are written once and never replaced: raw mails and audit anchors. Writing a
 * key that exists compares instead of overwriting, so a replayed writer is harmless and a conflicting
 * one is reported. The put also carries {@code If-None-Match: *} so stores with conditional writes (S3,
 * MinIO) refuse a concurrent second writer; production buckets add Object Lock for retention.
 */
public final class WriteOnceObjects {

    /** What a write-once put found. */
    public enum Outcome {
        /** The object did not exist and was written. */
        WRITTEN,
        /** It existed with exactly these bytes: nothing to do. */
        ALREADY_PRESENT,
        /** It existed with other bytes: left untouched, the caller must report it. */
        CONFLICT
    }

    private final MinioClient client;
    private final String bucket;

    public WriteOnceObjects(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public String bucket() {
        return bucket;
    }

    /** Writes the bytes unless the key exists; an existing object is compared byte for byte. */
    public Outcome put(String key, byte[] bytes, String contentType) throws IOException {
        if (size(key) == null) {
            try {
                client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                        .stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                        .headers(Map.of("If-None-Match", "*"))
                        .contentType(contentType).build());
                return Outcome.WRITTEN;
            } catch (ErrorResponseException e) {
                if (!"PreconditionFailed".equals(e.errorResponse().code())) {
                    throw new IOException("object store: cannot write " + key + ": " + e.errorResponse().code(), e);
                }
                // another writer got there first: compare below
            } catch (Exception e) {
                throw new IOException("object store: cannot write " + key + ": " + e.getMessage(), e);
            }
        }
        return Arrays.equals(read(key), bytes) ? Outcome.ALREADY_PRESENT : Outcome.CONFLICT;
    }

    /** Like {@link #put} where the key is the content's hash: equal size is enough to know it is the same. */
    public Outcome putContentAddressed(String key, byte[] bytes, String contentType) throws IOException {
        Long existing = size(key);
        if (existing == null) {
            return put(key, bytes, contentType);
        }
        return existing == bytes.length ? Outcome.ALREADY_PRESENT : Outcome.CONFLICT;
    }

    public boolean exists(String key) throws IOException {
        return size(key) != null;
    }

    public byte[] read(String key) throws IOException {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IOException("cannot read " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
    }

    /** Keys under a prefix, in lexicographic order. */
    public List<String> list(String prefix) throws IOException {
        List<String> keys = new ArrayList<>();
        try {
            for (Result<Item> r : client.listObjects(ListObjectsArgs.builder().bucket(bucket).prefix(prefix).recursive(true).build())) {
                keys.add(r.get().objectName());
            }
        } catch (Exception e) {
            throw new IOException("cannot list " + prefix + " in bucket " + bucket + ": " + e.getMessage(), e);
        }
        keys.sort(null);
        return keys;
    }

    private Long size(String key) throws IOException {
        try {
            return client.statObject(StatObjectArgs.builder().bucket(bucket).object(key).build()).size();
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code()) || "NotFound".equals(e.errorResponse().code())) {
                return null;
            }
            throw new IOException("object store: " + e.errorResponse().code(), e);
        } catch (Exception e) {
            throw new IOException("object store unreachable: " + e.getMessage(), e);
        }
    }
}
