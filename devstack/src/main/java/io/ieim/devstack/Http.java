package io.ieim.devstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Minimal HTTP calls to the stack's admin APIs (registry, Connect) and its OIDC provider. */
final class Http {

    private static final HttpClient CLIENT = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(2))
            .version(HttpClient.Version.HTTP_1_1)
            .build();

    record Response(int status, String body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private Http() {
    }

    static Response get(String url) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url)).GET());
    }

    static Response send(String method, String url, String json) throws IOException {
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json)));
    }

    /** A form POST (OAuth2 token requests). */
    static Response postForm(String url, java.util.Map<String, String> form) throws IOException {
        String body = form.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), java.nio.charset.StandardCharsets.UTF_8) + "="
                        + java.net.URLEncoder.encode(e.getValue(), java.nio.charset.StandardCharsets.UTF_8))
                .collect(java.util.stream.Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static Response send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> response = CLIENT.send(
                    request.timeout(Duration.ofSeconds(30)).header("Accept", "application/json").build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }

    /** True when a GET answers 2xx; any connection error counts as not healthy. */
    static boolean answers(String url) {
        try {
            return get(url).ok();
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }
}
