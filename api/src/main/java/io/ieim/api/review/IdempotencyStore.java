package io.ieim.api.review;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.ieim.api.web.ApiException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;

/**
 * First results of mutations per (caller, Idempotency-Key), in the same transaction as the mutation
 * itself: a result is stored if and only if the mutation committed. Only successful mutations are
 * stored; a refused one (4xx) may be retried with the same key.
 */
@Component
public class IdempotencyStore {

    private final JdbcClient db;
    private final ObjectMapper json;
    private final ObjectMapper canonical;

    public IdempotencyStore(JdbcClient db, ObjectMapper json) {
        this.db = db;
        this.json = json;
        this.canonical = json.copy().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);
    }

    /** What the request means: operation, target and body, so a reused key with another request is caught. */
    public String requestHash(String operation, String target, Object body) {
        try {
            Object tree = canonical.convertValue(body, Object.class); // maps, sorted on output
            byte[] bytes = (operation + "\n" + target + "\n" + canonical.writeValueAsString(tree))
                    .getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The stored result for this key, or empty; 422 when the key was used for another request. */
    public Optional<Mutation> replay(String subject, String key, String requestHash) {
        return db.sql("""
                        SELECT request_hash, status_code, response_body::text AS body, response_etag
                        FROM ieim_review.idempotent_request WHERE subject = :subject AND idempotency_key = :key""")
                .param("subject", subject).param("key", key)
                .query((rs, n) -> {
                    if (!rs.getString("request_hash").equals(requestHash)) {
                        throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "idempotency_key_reused",
                                "this Idempotency-Key was used for a different request", Map.of(), false);
                    }
                    return new Mutation(rs.getInt("status_code"), readTree(rs.getString("body")),
                            rs.getString("response_etag"));
                })
                .optional();
    }

    /** Inside the mutation's transaction; a concurrent twin makes it fail on the primary key. */
    public void record(String subject, String key, String requestHash, Mutation result) {
        try {
            db.sql("""
                            INSERT INTO ieim_review.idempotent_request
                                (subject, idempotency_key, request_hash, status_code, response_body, response_etag)
                            VALUES (:subject, :key, :hash, :status, CAST(:body AS jsonb), :etag)""")
                    .param("subject", subject).param("key", key).param("hash", requestHash)
                    .param("status", result.status()).param("body", json.writeValueAsString(result.body()))
                    .param("etag", result.etag())
                    .update();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private JsonNode readTree(String body) {
        try {
            return body == null ? null : json.readTree(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
