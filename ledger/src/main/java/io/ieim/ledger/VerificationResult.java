package io.ieim.ledger;

/**
 * The outcome of verifying a proof: valid, or invalid with the reason.
 *
 * @param valid whether the proof holds
 * @param reason why it does not hold; empty when valid
 */
public record VerificationResult(boolean valid, String reason) {

    private static final VerificationResult OK = new VerificationResult(true, "");

    public VerificationResult {
        reason = reason == null ? "" : reason;
    }

    /** A valid result. */
    public static VerificationResult ok() {
        return OK;
    }

    /** An invalid result with its reason. */
    public static VerificationResult fail(String reason) {
        return new VerificationResult(false, reason);
    }

    @Override
    public String toString() {
        return valid ? "valid" : "invalid: " + reason;
    }
}
