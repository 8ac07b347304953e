package io.ieim.connect.graph;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and as whom to read mail: a Microsoft Entra app registration with the application
 * permission Mail.Read (admin-consented), used with the OAuth2 client-credentials grant.
 *
 * @param authorityUrl  token service, https://login.microsoftonline.com (a stand-in in tests)
 * @param graphUrl      Graph API root including the version, https://graph.microsoft.com/v1.0
 * @param tenant        directory (tenant) id
 * @param clientId      application (client) id
 * @param clientSecret  client secret (never logged)
 * @param maxAttempts   attempts per request when Graph throttles (429) or is unavailable (503/504)
 * @param maxWait       the longest single wait accepted from Retry-After; longer is capped
 */
public record GraphSettings(String authorityUrl, String graphUrl, String tenant, String clientId, String clientSecret,
                            int maxAttempts, Duration maxWait) {

    public GraphSettings {
        Objects.requireNonNull(authorityUrl, "authorityUrl");
        Objects.requireNonNull(graphUrl, "graphUrl");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        authorityUrl = strip(authorityUrl);
        graphUrl = strip(graphUrl);
    }

    public static GraphSettings microsoft365(String tenant, String clientId, String clientSecret) {
        return new GraphSettings("https://login.microsoftonline.com", "https://graph.microsoft.com/v1.0", tenant, clientId,
                clientSecret, 6, Duration.ofMinutes(5));
    }

    String tokenUrl() {
        return authorityUrl + "/" + tenant + "/oauth2/v2.0/token";
    }

    private static String strip(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    @Override
    public String toString() {
        return "GraphSettings[" + graphUrl + ", tenant " + tenant + ", client " + clientId + "]";
    }
}
