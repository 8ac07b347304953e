package io.ieim.api;

import com.fasterxml.jackson.databind.JsonNode;
import io.ieim.devstack.StackConfig;
import io.minio.BucketExistsArgs;
import io.minio.MakeBucketArgs;
import io.minio.MinioClient;
import io.minio.PutObjectArgs;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

/** Raw-mail links, rate limiting, the envelope on Spring's own errors, health and metrics. */
class RawMailAndPlatformTest extends ApiStackTestBase {

    @Test
    void aPrivacyOfficerGetsAPresignedLinkThatServesTheRawMail() throws Exception {
        String id = insertDecision(Fixture.of("PRIVACY", "REVIEW"));
        byte[] raw = ("Message-ID: <" + id.substring(0, 8) + "@example.test>\r\nSubject: Auskunft\r\n\r\nBitte um Auskunft.\r\n")
                .getBytes(StandardCharsets.US_ASCII);
        StackConfig stack = stack();
        MinioClient s3 = MinioClient.builder().endpoint(stack.s3Endpoint()).region("us-east-1")
                .credentials(stack.s3AccessKey(), stack.s3SecretKey()).build();
        if (!s3.bucketExists(BucketExistsArgs.builder().bucket(stack.bucket()).build())) {
            s3.makeBucket(MakeBucketArgs.builder().bucket(stack.bucket()).build());
        }
        s3.putObject(PutObjectArgs.builder().bucket(stack.bucket()).object("raw/" + id.substring(0, 2) + "/" + id + ".eml")
                .stream(new ByteArrayInputStream(raw), (long) raw.length, -1L).contentType("message/rfc822").build());

        HttpResponse<String> link = get("/api/v1/items/" + id + "/raw", token(uniqueSubject("dpo"), "privacy_officer"));
        assertThat(link.statusCode()).as(link.body()).isEqualTo(200);
        JsonNode body = json(link);
        Instant expires = Instant.parse(body.path("expires_at").asText());
        assertThat(expires).isBetween(Instant.now().plusSeconds(240), Instant.now().plusSeconds(301));
        HttpResponse<byte[]> fetched = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(body.path("url").asText())).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).isEqualTo(raw);

        assertThat(get("/api/v1/items/" + id + "/raw", token(uniqueSubject("reviewer"), "reviewer")).statusCode())
                .isEqualTo(403);
        String other = insertDecision(Fixture.of("GENERAL", "REVIEW"));
        assertThat(get("/api/v1/items/" + other + "/raw", token(uniqueSubject("admin"), "admin")).statusCode())
                .as("no object stored for this mail").isEqualTo(404);
    }

    @Test
    void aUserWhoExceedsTheRateGets429WithRetryAfter() {
        String token = token(uniqueSubject("hasty"), "auditor");
        HttpResponse<String> limited = null;
        int sent = 0;
        while (sent < 300 && limited == null) {
            HttpResponse<String> response = get("/api/v1/queues", token);
            sent++;
            if (response.statusCode() == 429) {
                limited = response;
            } else {
                assertThat(response.statusCode()).isEqualTo(200);
            }
        }
        assertThat(limited).as("429 within " + sent + " requests").isNotNull();
        assertThat(sent).as("the burst of 40 passes first").isGreaterThan(40);
        assertThat(limited.headers().firstValue("Retry-After")).isPresent();
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(json(limited).path("error_code").asText()).isEqualTo("rate_limited");
        assertThat(json(limited).path("retryable").asBoolean()).isTrue();
        // another user is not affected
        assertThat(get("/api/v1/queues", token(uniqueSubject("calm"), "auditor")).statusCode()).isEqualTo(200);
    }

    @Test
    void springsOwnErrorsUseTheEnvelope() {
        String reviewer = token(uniqueSubject("reviewer"), "reviewer");
        String id = insertDecision(Fixture.of("GENERAL", "REVIEW"));

        HttpResponse<String> wrongMethod = get("/api/v1/items/" + id + "/corrections", reviewer);
        assertThat(wrongMethod.statusCode()).isEqualTo(405);
        assertEnvelope(wrongMethod, "method_not_allowed");

        HttpResponse<String> wrongType = send("POST", "/api/v1/items/" + id + "/corrections", reviewer, null,
                "Content-Type", "text/plain", "Idempotency-Key", "k", "If-Match", "\"1.0\"");
        assertThat(wrongType.statusCode()).isIn(400, 415);
        assertEnvelope(wrongType, wrongType.statusCode() == 415 ? "unsupported_media_type" : "malformed_body");

        HttpResponse<String> noSuchRoute = get("/api/v1/claims", reviewer);
        assertThat(noSuchRoute.statusCode()).isEqualTo(404);
        assertEnvelope(noSuchRoute, "not_found");

        HttpResponse<String> badToken = get("/api/v1/queues", reviewer.substring(0, reviewer.length() - 4) + "AAAA");
        assertThat(badToken.statusCode()).isEqualTo(401);
        assertEnvelope(badToken, "unauthenticated");
        assertThat(badToken.headers().firstValue("X-Correlation-Id")).isPresent();
    }

    @Test
    void probesAreOpenAndMetricsNeedAdmin() {
        HttpResponse<String> liveness = get("/actuator/health/liveness", null);
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(json(liveness).path("status").asText()).isEqualTo("UP");
        HttpResponse<String> readiness = get("/actuator/health/readiness", null);
        assertThat(readiness.statusCode()).isEqualTo(200);
        assertThat(json(readiness).path("status").asText()).isEqualTo("UP");

        assertThat(get("/actuator/prometheus", null).statusCode()).isEqualTo(401);
        assertThat(get("/actuator/prometheus", token(uniqueSubject("r"), "reviewer")).statusCode()).isEqualTo(403);
        HttpResponse<String> metrics = get("/actuator/prometheus", token(uniqueSubject("admin"), "admin"));
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.body()).contains("http_server_requests_seconds");
        assertThat(get("/actuator/env", token(uniqueSubject("admin"), "admin")).statusCode()).isIn(403, 404);
    }

    private static void assertEnvelope(HttpResponse<String> response, String code) {
        JsonNode envelope = json(response);
        assertThat(envelope.path("error_code").asText()).as(response.body()).isEqualTo(code);
        assertThat(envelope.has("message")).isTrue();
        assertThat(envelope.path("details").isObject()).isTrue();
        assertThat(envelope.path("correlation_id").asText()).isNotEmpty();
        assertThat(envelope.has("retryable")).isTrue();
    }
}
