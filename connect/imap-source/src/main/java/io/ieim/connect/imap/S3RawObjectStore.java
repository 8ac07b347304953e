package io.ieim.connect.imap;

import io.ieim.avro.RawMimeReference;
import io.ieim.ingest.RawMailStore;
import io.minio.MinioClient;

import java.io.IOException;

/** The CLI's object store (same keys, same write-once rule, same published markers). */
final class S3RawObjectStore implements RawObjectStore {

    private final MinioClient client;
    private final RawMailStore store;

    S3RawObjectStore(ImapSourceConfig config) {
        this.client = MinioClient.builder().endpoint(config.getString(ImapSourceConfig.S3_ENDPOINT))
                .credentials(config.getString(ImapSourceConfig.S3_ACCESS_KEY),
                        config.getPassword(ImapSourceConfig.S3_SECRET_KEY).value())
                .build();
        this.store = new RawMailStore(client, config.getString(ImapSourceConfig.S3_BUCKET));
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
