package io.ieim.connect.graph;

/** A Graph or token request that failed; {@link #retryable()} says whether trying later may help. */
public final class GraphException extends Exception {

    private final int status;
    private final boolean retryable;

    public GraphException(String message, int status, boolean retryable) {
        super(message);
        this.status = status;
        this.retryable = retryable;
    }

    public GraphException(String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.retryable = true;
    }

    /** HTTP status, 0 when no answer came. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
