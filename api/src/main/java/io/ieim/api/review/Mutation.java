package io.ieim.api.review;

/**
 * The outcome of a mutation as it went out the first time: status, body and the item's new ETag.
 * A repeat with the same Idempotency-Key gets exactly this again.
 */
public record Mutation(int status, Object body, String etag) {
}
