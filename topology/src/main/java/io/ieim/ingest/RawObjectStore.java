package io.ieim.ingest;

import io.ieim.avro.RawMimeReference;

import java.io.IOException;

/**
 * Where the raw MIME goes before its event is returned from poll(): content-addressed and write-once.
 * An interface only so that unit tests can run without an S3 server; production is
 * {@link S3RawObjectStore}, i.e. the CLI's {@link RawMailStore}.
 */
public interface RawObjectStore extends AutoCloseable {

    /** Stores the bytes under their hash unless present; returns the claim-check reference. */
    RawMimeReference store(String sha256, byte[] raw) throws IOException;

    /** Records that the mail's event is in Kafka, so `ieim ingest` of the same bytes skips it. */
    void markPublished(String sha256) throws IOException;

    @Override
    default void close() {
    }
}
