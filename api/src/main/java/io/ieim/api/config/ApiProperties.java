package io.ieim.api.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;

/**
 * Settings under {@code ieim.api}. The OIDC issuer has no default on purpose: without one the
 * service does not start, instead of starting open.
 */
@ConfigurationProperties("ieim.api")
public record ApiProperties(Oidc oidc, S3 s3, @DefaultValue RateLimit rateLimit, String registryUrl,
                            @DefaultValue Ui ui, String kafkaBootstrap, @DefaultValue Ingest ingest) {

    /**
     * The mail upload: an .eml larger than {@code maxSize} is refused with 413. The default is the
     * normalizer's own limit (IEIM_MAIL_MAX_BYTES), so nothing accepted is quarantined for size.
     */
    public record Ingest(@DefaultValue("25MB") org.springframework.util.unit.DataSize maxSize) {
    }

    public record Oidc(String issuerUri) {
    }

    /** The raw-mail object store; links to it are presigned for {@code rawLinkTtl}. */
    public record S3(String endpoint, String accessKey, String secretKey, String bucket,
                     @DefaultValue("us-east-1") String region, @DefaultValue("5m") Duration rawLinkTtl) {
    }

    /**
     * The review UI's OIDC client at the same issuer. Without a secret it is a public client (PKCE),
     * which is what the dev provider needs; Keycloak usually registers a confidential one.
     */
    public record Ui(@DefaultValue("ieim-ui") String clientId, String clientSecret) {
    }

    /** Per token subject: a bucket of {@code burst} requests refilled at {@code perSecond}. */
    public record RateLimit(@DefaultValue("true") boolean enabled, @DefaultValue("20") long perSecond,
                            @DefaultValue("40") long burst) {
    }
}
