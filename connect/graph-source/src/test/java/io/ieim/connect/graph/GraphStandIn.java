package io.ieim.connect.graph;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

/**
 * A stateful local stand-in of Microsoft Graph and the Microsoft identity platform (WireMock), for
 * tests that run the connector for real (e.g. on the stack's Connect worker). It answers as the
 * documentation shows:
 * <ul>
 *   <li>{@code POST /{tenant}/oauth2/v2.0/token} with {@code grant_type=client_credentials}:
 *       {@code token_type}, {@code expires_in}, {@code ext_expires_in}, {@code access_token};</li>
 *   <li>{@code GET /v1.0/users/{mailbox}/mailFolders/{folder}/messages/delta}: pages of
 *       {@code odata.maxpagesize} messages (default 10, as Graph's; {@code Prefer: odata.maxpagesize=n}
 *       honoured) linked by {@code @odata.nextLink} ({@code $skiptoken}), the last page of a round with
 *       an {@code @odata.deltaLink} ({@code $deltatoken}); a delta link returns only mail added since;</li>
 *   <li>{@code GET /v1.0/users/{mailbox}/messages/{id}/$value}: the MIME;</li>
 *   <li>401 {@code InvalidAuthenticationToken} without the current bearer token; 429
 *       {@code ApplicationThrottled} with {@code Retry-After} for requests armed by {@link #throttle}.</li>
 * </ul>
 * Folders are append-only message lists; tokens encode positions in them, so links are stable and a
 * restarted reader re-reading a page link gets the same page.
 */
public final class GraphStandIn implements AutoCloseable {

    public static final String TENANT = "tenant-stand-in";
    public static final String CLIENT_ID = "client-stand-in";
    public static final String CLIENT_SECRET = "secret-stand-in";
    private static final String TRANSFORMER = "graph-stand-in";

    private record Message(String id, Instant receivedAt, byte[] mime) {
    }

    private final WireMockServer server;
    private final Map<String, List<Message>> folders = new ConcurrentHashMap<>();
    private final Map<String, byte[]> mimeById = new ConcurrentHashMap<>();
    private final AtomicInteger throttles = new AtomicInteger();
    private final Map<String, AtomicInteger> folderThrottles = new ConcurrentHashMap<>();
    private volatile int retryAfterSeconds = 1;
    private final String accessToken = "eyJ0eXAiOiJKV1Qi." + UUID.randomUUID();
    private final AtomicInteger tokenRequests = new AtomicInteger();
    private final AtomicInteger deltaRequests = new AtomicInteger();
    private final AtomicInteger mimeRequests = new AtomicInteger();
    private final AtomicInteger throttled = new AtomicInteger();

    public GraphStandIn() {
        server = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort().extensions(new Transformer())
                .containerThreads(20).disableRequestJournal());
        server.start();
        server.stubFor(post(urlPathEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + CLIENT_ID))
                .withRequestBody(containing("client_secret=" + CLIENT_SECRET))
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(get(urlPathMatching("/v1\\.0/users/[^/]+/mailFolders/[^/]+/messages/delta"))
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
        server.stubFor(get(urlPathMatching("/v1\\.0/users/[^/]+/messages/[^/]+/\\$value"))
                .willReturn(aResponse().withTransformers(TRANSFORMER)));
    }

    /** The token service root ({@code graph.authority.url}). */
    public String authorityUrl() {
        return "http://127.0.0.1:" + server.port();
    }

    /** The Graph root with version ({@code graph.url}). */
    public String graphUrl() {
        return authorityUrl() + "/v1.0";
    }

    /** Delivers mails into {@code mailbox/folder}; they show in the running round or the next delta round. */
    public synchronized List<String> deliver(String mailboxFolder, List<byte[]> mimes) {
        List<Message> folder = folders.computeIfAbsent(mailboxFolder, k -> new ArrayList<>());
        List<String> ids = new ArrayList<>();
        Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        for (byte[] mime : mimes) {
            // Graph ids are long opaque base64url strings
            String id = "AAMkAGI2" + UUID.randomUUID().toString().replace("-", "") + "AAA=";
            Message message = new Message(id, now, mime.clone());
            synchronized (folder) {
                folder.add(message);
            }
            mimeById.put(mailboxFolder.substring(0, mailboxFolder.indexOf('/')) + "/" + id, message.mime());
            ids.add(id);
        }
        return ids;
    }

    /** The next {@code requests} Graph requests are answered 429 with {@code Retry-After: seconds}. */
    public void throttle(int requests, int seconds) {
        retryAfterSeconds = seconds;
        throttles.set(requests);
    }

    /** The next {@code requests} delta requests of {@code mailbox/folder} are answered 429 with {@code Retry-After: seconds}. */
    public void throttleFolder(String mailboxFolder, int requests, int seconds) {
        retryAfterSeconds = seconds;
        folderThrottles.put(mailboxFolder, new AtomicInteger(requests));
    }

    public int tokenRequests() {
        return tokenRequests.get();
    }

    public int deltaRequests() {
        return deltaRequests.get();
    }

    public int mimeRequests() {
        return mimeRequests.get();
    }

    public int throttledRequests() {
        return throttled.get();
    }

    @Override
    public void close() {
        server.stop();
    }

    private final class Transformer implements ResponseDefinitionTransformerV2 {

        @Override
        public String getName() {
            return TRANSFORMER;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            String path = request.getUrl();
            int q = path.indexOf('?');
            String query = q < 0 ? "" : path.substring(q + 1);
            path = q < 0 ? path : path.substring(0, q);
            if (path.endsWith("/oauth2/v2.0/token")) {
                tokenRequests.incrementAndGet();
                return json(200, "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,\"access_token\":\""
                        + accessToken + "\"}");
            }
            if (!("Bearer " + accessToken).equals(request.getHeader("Authorization"))) {
                return json(401, error("InvalidAuthenticationToken", "Access token is empty."));
            }
            String[] segments = path.split("/"); // "", v1.0, users, {mailbox}, ...
            String mailbox = URLDecoder.decode(segments[3], StandardCharsets.UTF_8);
            String folderKey = path.endsWith("/messages/delta") ? mailbox + "/" + URLDecoder.decode(segments[5], StandardCharsets.UTF_8) : "";
            if (throttles.getAndUpdate(n -> Math.max(0, n - 1)) > 0
                    || folderThrottles.getOrDefault(folderKey, new AtomicInteger()).getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                throttled.incrementAndGet();
                return ResponseDefinitionBuilder.responseDefinition().withStatus(429).withHeader("Content-Type", "application/json")
                        .withHeader("Retry-After", Integer.toString(retryAfterSeconds))
                        .withBody(error("ApplicationThrottled", "Application is over its MailboxConcurrency limit.")).build();
            }
            if (path.endsWith("/$value")) {
                mimeRequests.incrementAndGet();
                byte[] mime = mimeById.get(mailbox + "/" + URLDecoder.decode(segments[5], StandardCharsets.UTF_8));
                if (mime == null) {
                    return json(404, error("ErrorItemNotFound", "The specified object was not found in the store."));
                }
                return ResponseDefinitionBuilder.responseDefinition().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody(mime).build();
            }
            deltaRequests.incrementAndGet();
            List<Message> folder = folders.getOrDefault(folderKey, List.of());
            Map<String, String> params = params(query);
            int pageSize = pageSize(request.getHeader("Prefer"));
            int start;
            int end;
            List<Message> snapshot;
            synchronized (folder) {
                snapshot = List.copyOf(folder);
            }
            if (params.containsKey("$skiptoken")) {
                String[] range = unwrap(params.get("$skiptoken")).split(":");
                start = Integer.parseInt(range[0]);
                end = Integer.parseInt(range[1]);
            } else if (params.containsKey("$deltatoken")) {
                start = Integer.parseInt(unwrap(params.get("$deltatoken")));
                end = snapshot.size();
            } else {
                start = 0; // the initial round: the whole folder
                end = snapshot.size();
            }
            String self = authorityUrl() + path;
            StringBuilder body = new StringBuilder("{\"@odata.context\":\"" + graphUrl() + "/$metadata#Collection(message)\",");
            int pageEnd = Math.min(end, start + pageSize);
            if (pageEnd < end) {
                body.append("\"@odata.nextLink\":\"").append(self).append("?$skiptoken=").append(wrap(pageEnd + ":" + end)).append("\",");
            } else {
                body.append("\"@odata.deltaLink\":\"").append(self).append("?$deltatoken=").append(wrap(Integer.toString(end))).append("\",");
            }
            body.append("\"value\":[");
            for (int i = start; i < pageEnd; i++) {
                Message m = snapshot.get(i);
                body.append(i > start ? "," : "").append("{\"@odata.type\":\"#microsoft.graph.message\",\"@odata.etag\":\"W/\\\"CQAAABYAAAA")
                        .append(i).append("\\\"\",\"id\":\"").append(m.id()).append("\",\"receivedDateTime\":\"")
                        .append(m.receivedAt()).append("\"}");
            }
            body.append("]}");
            return json(200, body.toString());
        }
    }

    private static int pageSize(String prefer) {
        if (prefer != null && prefer.contains("odata.maxpagesize=")) {
            return Integer.parseInt(prefer.replaceAll(".*odata.maxpagesize=(\\d+).*", "$1"));
        }
        return 10;
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new HashMap<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                params.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static String wrap(String position) {
        return URLEncoder.encode(Base64.getUrlEncoder().withoutPadding().encodeToString(("ieim:" + position).getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);
    }

    private static String unwrap(String token) {
        return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).substring("ieim:".length());
    }

    private static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\",\"innerError\":{\"request-id\":\""
                + UUID.randomUUID() + "\",\"date\":\"" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "\"}}}";
    }

    private static ResponseDefinition json(int status, String body) {
        return ResponseDefinitionBuilder.responseDefinition().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody(body).build();
    }
}
