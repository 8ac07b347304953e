package io.ieim.ingest;

import io.ieim.avro.RawMimeReference;
import io.minio.MinioClient;

import java.io.IOException;

/** The CLI's object store (same keys, same write-once rule, same published markers), for source connectors. */
public final class S3RawObjectStore implements RawObjectStore {

    private final MinioClient client;
    private final RawMailStore store;

    public S3RawObjectStore(String endpoint, String accessKey, String secretKey, String bucket) {
        this.client = MinioClient.builder().endpoint(endpoint).credentials(accessKey, secretKey).build();
        this.store = new RawMailStore(client, bucket);
    }

    @Override
    public RawMimeReference store(String sha256, byte[] raw) throws IOException {
        return store.store(sha256, raw);
    }

    @Override
    public void markPublished(String sha256) throws IOException {
        store.markPublished(sha256);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (Exception e) {
            // closing an HTTP client pool: nothing to recover
        }
    }
}
