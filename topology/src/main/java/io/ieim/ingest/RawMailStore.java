package io.ieim.ingest;

import io.ieim.avro.RawMimeReference;
import io.ieim.storage.WriteOnceObjects;
import io.minio.MinioClient;

import java.io.IOException;

/**
 * Raw MIME in object storage: content-addressed (the key is the SHA-256 of the bytes) and written
 * once. An object that exists is never overwritten; since the key is the content's hash, a second
 * writer of the same mail would write identical bytes. A marker per mail records that its event was
 * published, so a re-ingested file is recognized instead of published twice.
 */
public final class RawMailStore {

    private final WriteOnceObjects objects;

    public RawMailStore(MinioClient client, String bucket) {
        this.objects = new WriteOnceObjects(client, bucket);
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
        if (objects.putContentAddressed(key, raw, "message/rfc822") == WriteOnceObjects.Outcome.CONFLICT) {
            throw new IOException("object " + key + " exists with a different size: the store is corrupt");
        }
        return RawMimeReference.newBuilder().setBucket(objects.bucket()).setKey(key).setSha256(sha256)
                .setSizeBytes(raw.length).build();
    }

    public boolean published(String sha256) throws IOException {
        return objects.exists(markerKey(sha256));
    }

    public void markPublished(String sha256) throws IOException {
        objects.put(markerKey(sha256), new byte[0], "application/octet-stream");
    }

    public byte[] read(String key) throws IOException {
        return objects.read(key);
    }
}
