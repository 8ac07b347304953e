package io.ieim.topology;

import io.ieim.avro.RawMimeReference;

import java.io.IOException;
import java.util.Optional;

/** Reads a mail's raw MIME back from object storage by its claim-check reference. */
@FunctionalInterface
public interface RawMailSource {

    /**
     * @return the bytes, or empty when no such object exists
     * @throws IOException the object store cannot be reached (the caller retries later)
     */
    Optional<byte[]> read(RawMimeReference reference) throws IOException;

    /** The raw mail objects of a write-once store (the bucket the ingest adapters write to). */
    static RawMailSource of(io.ieim.storage.WriteOnceObjects objects) {
        return reference -> objects.exists(reference.getKey()) ? Optional.of(objects.read(reference.getKey()))
                : Optional.empty();
    }
}
