package io.ieim.ingest;

import io.ieim.avro.RawMimeReference;
import io.minio.GetObjectArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Raw MIME in object storage: content-addressed (the key is the SHA-256 of the bytes) and written
 * once. An object that exists is never overwritten; since the key is the content's hash, a second
 * writer of the same mail would write identical bytes. A marker per mail records that its event was
 * published, so a re-ingested file is recognized instead of published twice.
 */
public final class RawMailStore {

    private final MinioClient client;
    private final String bucket;

    public RawMailStore(MinioClient client, String bucket) {
        this.client = client;
        this.bucket = bucket;
    }

    public static String objectKey(String sha256) {
        return "raw/" + sha256.substring(0, 2) + "/" + sha256 + ".eml";
    }

    private static String markerKey(String sha256) {
        return "published/" + sha256.substring(0, 2) + "/" + sha256;
    }

    /** Stores the bytes unless an object with this hash exists; returns the claim-check reference. */
    public RawMimeReference store(String sha256, byte[] raw) throws IOException {
        String key = objectKey(sha256);
        Long existing = size(key);
        if (existing == null) {
            put(key, raw, "message/rfc822");
        } else if (existing != raw.length) {
            throw new IOException("object " + key + " exists with a different size: the store is corrupt");
        }
        return RawMimeReference.newBuilder().setBucket(bucket).setKey(key).setSha256(sha256)
                .setSizeBytes(raw.length).build();
    }

    public boolean published(String sha256) throws IOException {
        return size(markerKey(sha256)) != null;
    }

    public void markPublished(String sha256) throws IOException {
        if (!published(sha256)) {
            put(markerKey(sha256), new byte[0], "application/octet-stream");
        }
    }

    public byte[] read(String key) throws IOException {
        try (InputStream in = client.getObject(GetObjectArgs.builder().bucket(bucket).object(key).build())) {
            return in.readAllBytes();
        } catch (Exception e) {
            throw new IOException("cannot read " + key + " from bucket " + bucket + ": " + e.getMessage(), e);
        }
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

    private void put(String key, byte[] bytes, String contentType) throws IOException {
        try {
            client.putObject(PutObjectArgs.builder().bucket(bucket).object(key)
                    .stream(new ByteArrayInputStream(bytes), (long) bytes.length, -1L)
                    .contentType(contentType).build());
        } catch (Exception e) {
            throw new IOException("object store: cannot write " + key + ": " + e.getMessage(), e);
        }
    }
}
