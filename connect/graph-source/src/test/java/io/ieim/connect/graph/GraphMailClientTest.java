package io.ieim.connect.graph;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Against a local stand-in of Microsoft Graph and the Microsoft identity platform that answers as
 * their documentation shows: token responses (access_token, expires_in), delta pages with
 * {@code @odata.nextLink} / {@code @odata.deltaLink} and {@code @removed} entries, MIME from
 * {@code $value}, 429 with Retry-After, 401 for an expired token.
 */
class GraphMailClientTest {

    private static final String MAILBOX = "schaden@versicherung.example";
    private WireMockServer graph;
    private final List<Duration> waits = new ArrayList<>();
    private GraphMailClient client;
    private String base;

    @BeforeEach
    void start() {
        graph = new WireMockServer(options().bindAddress("127.0.0.1").dynamicPort());
        graph.start();
        base = "http://127.0.0.1:" + graph.port();
        GraphSettings settings = new GraphSettings(base, base + "/v1.0", "tenant-1", "client-1", "s3cret", 4, Duration.ofSeconds(30));
        client = new GraphMailClient(settings, HttpClient.newHttpClient(), waits::add,
                Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC));
        token("token-1", 3599);
    }

    @AfterEach
    void stop() {
        graph.stop();
    }

    private void token(String value, long expiresIn) {
        graph.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(okJson(
                "{\"token_type\":\"Bearer\",\"expires_in\":" + expiresIn + ",\"ext_expires_in\":" + expiresIn
                        + ",\"access_token\":\"" + value + "\"}")));
    }

    private String deltaPath() {
        return "/v1.0/users/schaden%40versicherung.example/mailFolders/inbox/messages/delta";
    }

    private void mime(String id, String subject) {
        graph.stubFor(get(urlEqualTo("/v1.0/users/schaden%40versicherung.example/messages/" + id + "/$value"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "text/plain")
                        .withBody("Subject: " + subject + "\r\nMessage-ID: <" + id + "@example.org>\r\n\r\nBody of " + id + "\r\n")));
    }

    @Test
    void aFolderIsReadPageByPageThenOnlyNewMailFromTheDeltaLink() throws Exception {
        String page2 = base + "/v1.0/users/schaden%40versicherung.example/mailFolders/inbox/messages/delta?$skiptoken=p2";
        String deltaLink = base + "/v1.0/users/schaden%40versicherung.example/mailFolders/inbox/messages/delta?$deltatoken=d1";
        graph.stubFor(get(urlPathEqualTo(deltaPath())).withQueryParam("$select", equalTo("id,receivedDateTime")).willReturn(okJson("""
                {"@odata.context":"https://graph.microsoft.com/v1.0/$metadata#Collection(message)",
                 "value":[{"@odata.type":"#microsoft.graph.message","id":"AAA1"},{"@odata.type":"#microsoft.graph.message","id":"AAA2"}],
                 "@odata.nextLink":"%s"}""".formatted(page2))));
        graph.stubFor(get(urlPathEqualTo(deltaPath())).withQueryParam("$skiptoken", equalTo("p2")).willReturn(okJson("""
                {"value":[{"id":"AAA3"},{"id":"GONE","@removed":{"reason":"deleted"}}],
                 "@odata.deltaLink":"%s"}""".formatted(deltaLink))));
        graph.stubFor(get(urlPathEqualTo(deltaPath())).withQueryParam("$deltatoken", equalTo("d1")).willReturn(okJson("""
                {"value":[{"id":"AAA4"}],"@odata.deltaLink":"%s"}""".formatted(deltaLink))));
        for (String id : List.of("AAA1", "AAA2", "AAA3", "AAA4")) {
            mime(id, "Schaden " + id);
        }
        MailFolderReader reader = new MailFolderReader(client, MAILBOX, "inbox");

        MailFolderReader.Batch first = reader.read(MailFolderReader.Position.START, 10);
        assertThat(first.mails()).extracting(MailFolderReader.FetchedMail::graphId).containsExactly("AAA1", "AAA2");
        assertThat(new String(first.mails().get(0).raw(), StandardCharsets.UTF_8)).startsWith("Subject: Schaden AAA1");
        assertThat(first.roundComplete()).isFalse();
        MailFolderReader.Batch second = reader.read(first.next(), 10);
        assertThat(second.mails()).extracting(MailFolderReader.FetchedMail::graphId).containsExactly("AAA3"); // @removed skipped
        assertThat(second.roundComplete()).isTrue();
        assertThat(second.next().link()).isEqualTo(deltaLink);
        MailFolderReader.Batch later = reader.read(second.next(), 10);
        assertThat(later.mails()).extracting(MailFolderReader.FetchedMail::graphId).containsExactly("AAA4");

        // one token for all of it, sent as a bearer token; the client-credentials grant with the .default scope
        graph.verify(1, postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("grant_type=client_credentials"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("scope=https%3A%2F%2Fgraph.microsoft.com%2F.default")));
        graph.verify(getRequestedFor(urlPathEqualTo(deltaPath())).withHeader("Authorization", equalTo("Bearer token-1")));
    }

    @Test
    void aStoredPositionResumesMidPageWithoutRepeatingDeliveredMail() throws Exception {
        String deltaLink = base + "/v1.0/users/x/delta?$deltatoken=d";
        graph.stubFor(get(urlPathEqualTo(deltaPath())).willReturn(okJson("""
                {"value":[{"id":"M1"},{"id":"M2"},{"id":"M3"}],"@odata.deltaLink":"%s"}""".formatted(deltaLink))));
        List.of("M1", "M2", "M3").forEach(id -> mime(id, id));
        MailFolderReader reader = new MailFolderReader(client, MAILBOX, "inbox");
        MailFolderReader.Batch two = reader.read(MailFolderReader.Position.START, 2);
        assertThat(two.mails()).extracting(MailFolderReader.FetchedMail::graphId).containsExactly("M1", "M2");
        // the task stored the position after M2 as its offset, crashed, and restarts from the offset
        MailFolderReader.Position stored = MailFolderReader.Position.fromOffset(two.mails().get(1).after().toOffset());
        MailFolderReader.Batch rest = reader.read(stored, 10);
        assertThat(rest.mails()).extracting(MailFolderReader.FetchedMail::graphId).containsExactly("M3");
        assertThat(rest.mails().get(0).after().link()).isEqualTo(deltaLink);
        assertThat(MailFolderReader.Position.fromOffset(null)).isEqualTo(MailFolderReader.Position.START);
    }

    @Test
    void throttlingIsAnsweredByWaitingRetryAfter() throws Exception {
        graph.stubFor(get(urlPathEqualTo(deltaPath())).inScenario("throttle").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "7")
                        .withBody("{\"error\":{\"code\":\"TooManyRequests\",\"message\":\"Please retry after\"}}"))
                .willSetStateTo("once"));
        graph.stubFor(get(urlPathEqualTo(deltaPath())).inScenario("throttle").whenScenarioStateIs("once")
                .willReturn(aResponse().withStatus(503).withHeader("Retry-After", "Sun, 22 Nov 2026 08:00:03 GMT"))
                .willSetStateTo("ok"));
        graph.stubFor(get(urlPathEqualTo(deltaPath())).inScenario("throttle").whenScenarioStateIs("ok")
                .willReturn(okJson("{\"value\":[],\"@odata.deltaLink\":\"" + base + "/v1.0/d?$deltatoken=x\"}")));
        GraphMailClient.DeltaPage page = client.delta(client.initialDeltaLink(MAILBOX, "inbox"));
        assertThat(page.messageIds()).isEmpty();
        assertThat(waits).containsExactly(Duration.ofSeconds(7), Duration.ofSeconds(3)); // seconds, then an HTTP date
    }

    @Test
    void persistentThrottlingGivesUpAsRetryableAndNamesGraphsErrorCode() {
        graph.stubFor(get(urlPathEqualTo(deltaPath())).willReturn(aResponse().withStatus(429).withHeader("Retry-After", "120")
                .withBody("{\"error\":{\"code\":\"ApplicationThrottled\",\"message\":\"quota of mailbox x exceeded\"}}")));
        assertThatThrownBy(() -> client.delta(client.initialDeltaLink(MAILBOX, "inbox")))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.status()).isEqualTo(429);
                    assertThat(e.retryable()).isTrue();
                    assertThat(e.getMessage()).contains("(ApplicationThrottled)").doesNotContain("quota of mailbox");
                });
        assertThat(waits).hasSize(3).allSatisfy(w -> assertThat(w).isEqualTo(Duration.ofSeconds(30))); // capped at maxWait
    }

    @Test
    void aRevokedTokenIsReplacedOnceOnA401AndATokenNearItsExpiryIsRenewed() throws Exception {
        graph.resetMappings();
        graph.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).inScenario("tokens").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":3599,\"access_token\":\"token-1\"}")).willSetStateTo("second"));
        graph.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).inScenario("tokens").whenScenarioStateIs("second")
                .willReturn(okJson("{\"token_type\":\"Bearer\",\"expires_in\":30,\"access_token\":\"token-2\"}")));
        graph.stubFor(get(urlPathEqualTo(deltaPath())).withHeader("Authorization", equalTo("Bearer token-1"))
                .willReturn(aResponse().withStatus(401).withBody("{\"error\":{\"code\":\"InvalidAuthenticationToken\"}}")));
        graph.stubFor(get(urlPathEqualTo(deltaPath())).withHeader("Authorization", equalTo("Bearer token-2"))
                .willReturn(okJson("{\"value\":[{\"id\":\"N1\"}],\"@odata.deltaLink\":\"" + base + "/v1.0/d?$deltatoken=x\"}")));
        assertThat(client.delta(client.initialDeltaLink(MAILBOX, "inbox")).messageIds()).containsExactly("N1");
        graph.verify(2, postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token")));
        // token-2 expires within the 60 s skew: the next request gets a new token first
        client.delta(client.initialDeltaLink(MAILBOX, "inbox"));
        graph.verify(3, postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token")));
    }

    @Test
    void aRefusedClientSecretIsNotRetriedAndForeignLinksAreNeverFollowed() {
        graph.resetMappings();
        graph.stubFor(post(urlEqualTo("/tenant-1/oauth2/v2.0/token")).willReturn(aResponse().withStatus(401)
                .withBody("{\"error\":\"invalid_client\",\"error_description\":\"AADSTS7000215: Invalid client secret\"}")));
        assertThatThrownBy(() -> client.delta(client.initialDeltaLink(MAILBOX, "inbox")))
                .isInstanceOfSatisfying(GraphException.class, e -> {
                    assertThat(e.retryable()).isFalse();
                    assertThat(e.getMessage()).isEqualTo("token request refused with 401 (invalid_client)");
                });
        graph.verify(1, postRequestedFor(urlEqualTo("/tenant-1/oauth2/v2.0/token")));
        assertThatThrownBy(() -> client.delta("https://attacker.example/v1.0/users/x/delta"))
                .isInstanceOf(GraphException.class).hasMessageStartingWith("not a link of");
        assertThat(waits).isEmpty();
    }
}
