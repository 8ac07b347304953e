package io.ieim.api.review;

import io.ieim.api.config.ApiProperties;
import io.ieim.api.security.Caller;
import io.ieim.api.web.ApiException;
import io.minio.GetPresignedObjectUrlArgs;
import io.minio.Http;
import io.minio.MinioClient;
import io.minio.StatObjectArgs;
import io.minio.errors.ErrorResponseException;
import io.minio.errors.MinioException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Short-lived links to a mail's raw MIME in the object store. The link is a credential: it is
 * returned to the caller only, never logged.
 */
@Service
public class RawMailLinks {

    private static final Logger LOG = LoggerFactory.getLogger(RawMailLinks.class);
    private static final Pattern MESSAGE_ID = Pattern.compile("[0-9a-f]{64}");

    public record RawMailLink(String url, Instant expiresAt) {
    }

    private final ReviewQueries queries;
    private final MinioClient objects;
    private final ApiProperties.S3 s3;

    public RawMailLinks(ReviewQueries queries, MinioClient objects, ApiProperties properties) {
        this.queries = queries;
        this.objects = objects;
        this.s3 = properties.s3();
    }

    /** The raw mail's object key, as the ingest writes it (io.ieim.ingest.RawMailStore). */
    public static String objectKey(String messageId) {
        return "raw/" + messageId.substring(0, 2) + "/" + messageId + ".eml";
    }

    public RawMailLink link(Caller caller, String messageId) {
        queries.item(caller, messageId); // 404 unless the item exists and the caller may see it
        if (!MESSAGE_ID.matcher(messageId).matches()) {
            throw ApiException.notFound("raw mail");
        }
        String key = objectKey(messageId);
        int seconds = (int) s3.rawLinkTtl().toSeconds();
        try {
            objects.statObject(StatObjectArgs.builder().bucket(s3.bucket()).object(key).build());
            Instant expires = Instant.now().plusSeconds(seconds);
            String url = objects.getPresignedObjectUrl(GetPresignedObjectUrlArgs.builder().method(Http.Method.GET)
                    .bucket(s3.bucket()).object(key).expiry(seconds).build());
            LOG.info("raw mail link issued: message_id={} subject={}", messageId, caller.subject());
            return new RawMailLink(url, expires);
        } catch (ErrorResponseException e) {
            if ("NoSuchKey".equals(e.errorResponse().code())) {
                throw ApiException.notFound("raw mail");
            }
            throw unavailable(e);
        } catch (MinioException e) {
            throw unavailable(e);
        }
    }

    private static ApiException unavailable(Exception e) {
        LOG.warn("object store unavailable: {}", e.getClass().getSimpleName());
        return new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "the object store is unavailable",
                Map.of(), true);
    }
}
