package io.ieim.topology;

/**
 * A record that cannot be processed now for a reason outside the record (a scanner or the object store is
 * unreachable). Not a dead letter: the processing exception handler fails the task, the stream thread is
 * replaced, and the record is processed again from its last committed offset (exactly-once: nothing of the
 * failed attempt is visible).
 */
public final class RetryLater extends RuntimeException {

    public RetryLater(String message, Throwable cause) {
        super(message, cause);
    }
}
