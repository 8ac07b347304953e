package io.ieim.api.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** Request bodies of the mutations (snake_case on the wire). Reasons and bodies are free text: never logged. */
public final class ReviewRequests {

    private ReviewRequests() {
    }

    /** Claim an item (no assignee: the caller) or hand it to another reviewer. */
    public record Assignment(@Size(min = 1, max = 255) String assignee) {
    }

    /** Overrides of the decision; labels are checked against the canonical spec by the service. */
    public record Correction(String primaryIntent, List<String> intents, String queue, String action,
                             String identityStatus, String customerId, String policyId, String claimId,
                             @NotBlank @Size(max = 4000) String reason) {
    }

    public record DraftCreation(@NotBlank @Size(max = 20000) String body) {
    }

    public record DraftVerdict(@NotNull @Pattern(regexp = "APPROVE|REJECT") String verdict) {
    }
}
