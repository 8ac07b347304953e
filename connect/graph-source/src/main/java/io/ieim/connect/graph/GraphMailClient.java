package io.ieim.connect.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Microsoft Graph mail, as its documentation describes it: a folder's messages through delta queries
 * (pages linked by {@code @odata.nextLink}, the round closed by {@code @odata.deltaLink}, removed
 * messages marked {@code @removed}), a message's MIME from {@code /messages/{id}/$value}, app-only
 * tokens by the client-credentials grant, refreshed before they expire and once on a 401, and
 * throttling (429) or unavailability (503, 504) answered by waiting Retry-After (or backing off).
 */
public final class GraphMailClient {

    /** Waiting, replaceable in tests. */
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /** A message of a delta page: Graph's id and when the mailbox received it (null if not given). */
    public record GraphMessage(String id, Instant receivedAt) {
    }

    /** One page of a delta round: messages in order and the link to go on with. */
    public record DeltaPage(List<GraphMessage> messages, String nextLink, String deltaLink) {

        public List<String> messageIds() {
            return messages.stream().map(GraphMessage::id).toList();
        }

        /** The link that continues after this page: the next page, or the next round's delta link. */
        public String continuation() {
            return nextLink != null ? nextLink : deltaLink;
        }

        public boolean lastOfRound() {
            return nextLink == null;
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration EXPIRY_SKEW = Duration.ofSeconds(60);

    private final GraphSettings settings;
    private final HttpClient http;
    private final Sleeper sleeper;
    private final Clock clock;
    private String token;
    private Instant tokenExpires = Instant.EPOCH;

    public GraphMailClient(GraphSettings settings) {
        this(settings, HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build(), d -> Thread.sleep(d.toMillis()),
                Clock.systemUTC());
    }

    GraphMailClient(GraphSettings settings, HttpClient http, Sleeper sleeper, Clock clock) {
        this.settings = settings;
        this.http = http;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The first delta request of a folder: ids and receipt times only, since the MIME is fetched per message. */
    public String initialDeltaLink(String mailbox, String folder) {
        return settings.graphUrl() + "/users/" + encode(mailbox) + "/mailFolders/" + encode(folder) + "/messages/delta?$select=id,receivedDateTime";
    }

    /** Reads one page of a delta round (the initial link, a next link or a delta link). */
    public DeltaPage delta(String link) throws GraphException, InterruptedException {
        if (!link.startsWith(settings.graphUrl() + "/")) {
            // links come from offsets: never send the token anywhere but to Graph
            throw new GraphException("not a link of " + settings.graphUrl(), 0, false);
        }
        HttpResponse<byte[]> response = send(link, "application/json");
        try {
            JsonNode page = JSON.readTree(response.body());
            List<GraphMessage> messages = new ArrayList<>();
            for (JsonNode message : page.path("value")) {
                if (!message.has("@removed") && message.hasNonNull("id")) {
                    Instant received = null;
                    try {
                        received = message.hasNonNull("receivedDateTime") ? Instant.parse(message.get("receivedDateTime").asText()) : null;
                    } catch (DateTimeParseException e) {
                        // not worth refusing the mail for: the intake falls back to another time
                    }
                    messages.add(new GraphMessage(message.get("id").asText(), received));
                }
            }
            String next = page.hasNonNull("@odata.nextLink") ? page.get("@odata.nextLink").asText() : null;
            String delta = page.hasNonNull("@odata.deltaLink") ? page.get("@odata.deltaLink").asText() : null;
            if (next == null && delta == null) {
                throw new GraphException("a delta page without @odata.nextLink or @odata.deltaLink", response.statusCode(), false);
            }
            return new DeltaPage(List.copyOf(messages), next, delta);
        } catch (IOException e) {
            throw new GraphException("a delta page that is not JSON: " + e.getMessage(), response.statusCode(), false);
        }
    }

    /** The message as MIME (RFC 5322 bytes), as the mailbox holds it. */
    public byte[] rawMessage(String mailbox, String messageId) throws GraphException, InterruptedException {
        return send(settings.graphUrl() + "/users/" + encode(mailbox) + "/messages/" + encode(messageId) + "/$value",
                "message/rfc822").body();
    }

    private HttpResponse<byte[]> send(String url, String accept) throws GraphException, InterruptedException {
        boolean refreshed = false;
        Duration backoff = Duration.ofSeconds(1);
        for (int attempt = 1; ; attempt++) {
            HttpResponse<byte[]> response;
            try {
                response = http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                        .header("Authorization", "Bearer " + token()).header("Accept", accept).GET().build(),
                        HttpResponse.BodyHandlers.ofByteArray());
            } catch (IOException e) {
                if (attempt >= settings.maxAttempts()) {
                    throw new GraphException("Graph unreachable: " + e.getMessage(), e);
                }
                sleeper.sleep(backoff);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            int status = response.statusCode();
            if (status == 200) {
                return response;
            }
            if (status == 401 && !refreshed) {
                // a token revoked or expired early: one fresh token, then give up
                forgetToken();
                refreshed = true;
                continue;
            }
            if ((status == 429 || status == 503 || status == 504) && attempt < settings.maxAttempts()) {
                Duration wait = retryAfter(response).orElse(backoff);
                sleeper.sleep(wait.compareTo(settings.maxWait()) > 0 ? settings.maxWait() : wait);
                backoff = backoff.multipliedBy(2);
                continue;
            }
            boolean retryable = status == 429 || status >= 500;
            throw new GraphException("Graph answered " + status + " for " + redacted(url) + errorCode(response.body()), status, retryable);
        }
    }

    /** Retry-After as seconds or as an HTTP date (RFC 9110 §10.2.3). */
    private java.util.Optional<Duration> retryAfter(HttpResponse<?> response) {
        return response.headers().firstValue("Retry-After").flatMap(value -> {
            try {
                return java.util.Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(value.trim()))));
            } catch (NumberFormatException notSeconds) {
                try {
                    Instant at = ZonedDateTime.parse(value.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
                    Duration wait = Duration.between(clock.instant(), at);
                    return java.util.Optional.of(wait.isNegative() ? Duration.ZERO : wait);
                } catch (DateTimeParseException unreadable) {
                    return java.util.Optional.empty();
                }
            }
        });
    }

    private synchronized void forgetToken() {
        token = null;
        tokenExpires = Instant.EPOCH;
    }

    private synchronized String token() throws GraphException, InterruptedException {
        if (token != null && clock.instant().isBefore(tokenExpires.minus(EXPIRY_SKEW))) {
            return token;
        }
        String form = Map.of("grant_type", "client_credentials", "client_id", settings.clientId(),
                        "client_secret", settings.clientSecret(), "scope", "https://graph.microsoft.com/.default")
                .entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<byte[]> response;
        try {
            response = http.send(HttpRequest.newBuilder(URI.create(settings.tokenUrl())).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new GraphException("token service unreachable: " + e.getMessage(), e);
        }
        if (response.statusCode() != 200) {
            // 400/401 from the token service: wrong tenant, client or secret — retrying will not help
            throw new GraphException("token request refused with " + response.statusCode() + errorCode(response.body()),
                    response.statusCode(), response.statusCode() >= 500 || response.statusCode() == 429);
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            token = body.path("access_token").asText(null);
            if (token == null) {
                throw new GraphException("token response without access_token", 200, false);
            }
            tokenExpires = clock.instant().plusSeconds(body.path("expires_in").asLong(3599));
            return token;
        } catch (IOException e) {
            throw new GraphException("token response is not JSON", 200, false);
        }
    }

    /** Graph's error code (never the message, which may quote mailbox contents). */
    private static String errorCode(byte[] body) {
        try {
            JsonNode error = JSON.readTree(body).path("error");
            String code = error.isTextual() ? error.asText() : error.path("code").asText("");
            return code.isEmpty() ? "" : " (" + code + ")";
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** A URL for messages: path only, since skip and delta tokens are credentials of a sort. */
    private static String redacted(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
