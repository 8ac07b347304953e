package io.ieim.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.ieim.devstack.junit.StackTest;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The dev stack's OIDC provider, against the real server: discovery, JWKS, both flows, restarts. */
@StackTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OidcProviderTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String UI_CLIENT = "ieim-ui";
    private static final String REDIRECT = "http://127.0.0.1:1/callback";
    // redirects are the flow's result: read them, never follow them
    private static final HttpClient BROWSER = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(2)).build();

    @Test
    @Order(1)
    void discoveryNamesTheIssuerItsJwksAndItsEndpoints(StackConfig config, EmbeddedStack stack) throws Exception {
        String issuer = "http://127.0.0.1:" + (config.portBase() + 85) + "/ieim";
        assertThat(config.oidcIssuerUrl()).isEqualTo(issuer);
        JsonNode discovery = discovery(config);
        assertThat(discovery.path("issuer").asText()).isEqualTo(issuer);
        assertThat(discovery.path("jwks_uri").asText()).isEqualTo(issuer + "/jwks");
        assertThat(discovery.path("token_endpoint").asText()).isEqualTo(DemoTokens.tokenEndpoint(config));
        assertThat(discovery.path("authorization_endpoint").asText()).isEqualTo(issuer + "/authorize");
        JsonNode jwks = jwks(config);
        assertThat(jwks.path("keys")).hasSize(1);
        assertThat(jwks.path("keys").get(0).path("kty").asText()).isEqualTo("RSA");
        assertThat(jwks.path("keys").get(0).has("d")).as("the JWKS must not publish the private key").isFalse();
        // the published key is the one kept under var/, so it survives restarts
        JsonNode persisted = JSON.readTree(config.varDir().resolve("oidc/signing-key.jwk.json").toFile());
        assertThat(jwks.path("keys").get(0).path("n").asText()).isEqualTo(persisted.path("n").asText());
        assertThat(stack.status().oidcIssuer()).isEqualTo(issuer);
        for (String file : List.of("signing-key.jwk.json", "config.json")) {
            assertThat(java.nio.file.Files.getPosixFilePermissions(config.varDir().resolve("oidc").resolve(file)))
                    .as(file + " holds the private key").isEqualTo(java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        }
    }

    @Test
    @Order(2)
    void everyDemoUserGetsASignedTokenWithItsRolesAndName(StackConfig config) throws Exception {
        assertThat(DemoTokens.USERS.values().stream().flatMap(List::stream).collect(Collectors.toSet()))
                .as("one demo user per role of the reviewer API")
                .containsExactlyInAnyOrder("reviewer", "approver", "privacy_officer", "auditor", "admin", "ingest");
        assertThat(DemoTokens.USERS).containsEntry("approver2", List.of("approver"));
        JsonNode jwks = jwks(config);
        for (Map.Entry<String, List<String>> user : DemoTokens.USERS.entrySet()) {
            String token = DemoTokens.issue(config, user.getKey());
            assertThat(Jwts.verifies(token, jwks)).as(user.getKey() + " token signed by the JWKS key").isTrue();
            JsonNode claims = Jwts.claims(token);
            assertThat(claims.path("iss").asText()).isEqualTo(config.oidcIssuerUrl());
            assertThat(claims.path("sub").asText()).isEqualTo(user.getKey());
            assertThat(claims.path("preferred_username").asText()).isEqualTo(user.getKey());
            assertThat(strings(claims.path("roles"))).as(user.getKey() + " roles").isEqualTo(user.getValue());
            assertThat(audiences(claims)).contains(DemoTokens.AUDIENCE);
            assertThat(Instant.ofEpochSecond(claims.path("exp").asLong())).isAfter(Instant.now());
        }
        // the verifier itself must be able to fail: a reviewer token rewritten to admin does not verify
        String reviewer = DemoTokens.issue(config, "reviewer");
        String forged = Jwts.tampered(reviewer, Jwts.claims(reviewer).toString().replace("\"reviewer\"]", "\"admin\"]"));
        assertThat(Jwts.claims(forged).path("roles").get(0).asText()).isEqualTo("admin");
        assertThat(Jwts.verifies(forged, jwks)).isFalse();
    }

    @Test
    @Order(3)
    void anUnknownUserGetsATokenWithAnEmptyRolesClaim(StackConfig config) throws Exception {
        // names close to demo users must not match them: the mapping compares whole names
        for (String user : List.of("mallory", "approver22", "Admin", "admin ")) {
            JsonNode claims = Jwts.claims(DemoTokens.issue(config, user));
            assertThat(claims.path("sub").asText()).isEqualTo(user);
            assertThat(claims.path("roles").isArray()).as(user).isTrue();
            assertThat(claims.path("roles")).as(user + " roles").isEmpty();
        }
    }

    @Test
    @Order(4)
    void theLoginPageSignsInATypedDemoUserThroughTheAuthorizationCodeFlow(StackConfig config) throws Exception {
        String state = UUID.randomUUID().toString();
        String nonce = UUID.randomUUID().toString();
        String authorize = config.oidcIssuerUrl() + "/authorize?" + form(Map.of("client_id", UI_CLIENT,
                "response_type", "code", "redirect_uri", REDIRECT, "scope", "openid", "state", state, "nonce", nonce));
        HttpResponse<String> page = BROWSER.send(HttpRequest.newBuilder(URI.create(authorize)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("IEIM dev stack sign-in", "name=\"username\"", "name=\"claims\"",
                "Demo users of the embedded dev stack only");
        // the page's script maps the typed name through this table; do what it does
        Matcher table = Pattern.compile("<script type=\"application/json\" id=\"demo-roles\">(.*?)</script>",
                Pattern.DOTALL).matcher(page.body());
        assertThat(table.find()).isTrue();
        JsonNode roles = JSON.readTree(table.group(1));
        assertThat(JSON.convertValue(roles, Map.class)).isEqualTo(DemoTokens.USERS);

        String claims = JSON.writeValueAsString(Map.of("roles", roles.path("approver2"), "preferred_username", "approver2"));
        JsonNode tokens = signIn(config, authorize, state, Map.of("username", "approver2", "claims", claims));
        JsonNode jwks = jwks(config);
        for (String kind : List.of("access_token", "id_token")) {
            String token = tokens.path(kind).asText();
            assertThat(Jwts.verifies(token, jwks)).as(kind).isTrue();
            JsonNode c = Jwts.claims(token);
            assertThat(c.path("iss").asText()).isEqualTo(config.oidcIssuerUrl());
            assertThat(c.path("sub").asText()).as(kind).isEqualTo("approver2");
            assertThat(c.path("preferred_username").asText()).as(kind).isEqualTo("approver2");
            assertThat(strings(c.path("roles"))).as(kind).containsExactly("approver");
            assertThat(c.path("nonce").asText()).as(kind).isEqualTo(nonce);
            assertThat(audiences(c)).as(kind).contains(DemoTokens.AUDIENCE, UI_CLIENT);
            assertThat(c.path("azp").asText()).as(kind + ": azp, as OIDC wants with two audiences").isEqualTo(UI_CLIENT);
        }

        // without the page's script (no claims posted) the provider alone grants no roles
        JsonNode bare = signIn(config, authorize, state, Map.of("username", "admin"));
        JsonNode c = Jwts.claims(bare.path("access_token").asText());
        assertThat(c.path("sub").asText()).isEqualTo("admin");
        assertThat(c.path("roles")).isEmpty();
    }

    @Test
    @Order(100)
    void aRestartKeepsTheIssuerAndTheSigningKeySoEarlierTokensStillVerify(StackConfig config) throws Exception {
        String before = DemoTokens.issue(config, "auditor");
        OidcProvider oidc = new OidcProvider(config);
        long pid = new ManagedProcess(config, "oidc").running().orElseThrow().pid();
        oidc.stop();
        assertThat(oidc.running()).isFalse();
        assertThat(oidc.healthy()).isFalse();
        assertThatThrownBy(() -> DemoTokens.issue(config, "auditor")).isInstanceOf(java.io.IOException.class);

        oidc.start();
        Instant deadline = Instant.now().plus(oidc.startTimeout());
        while (!oidc.healthy() && Instant.now().isBefore(deadline)) {
            Thread.sleep(250);
        }
        assertThat(oidc.healthy()).isTrue();
        assertThat(new ManagedProcess(config, "oidc").running().orElseThrow().pid()).as("a new process").isNotEqualTo(pid);
        assertThat(discovery(config).path("issuer").asText()).isEqualTo(config.oidcIssuerUrl());
        assertThat(Jwts.verifies(before, jwks(config))).as("a token from before the restart").isTrue();
        String after = DemoTokens.issue(config, "auditor");
        assertThat(Jwts.header(after).path("kid").asText()).isEqualTo(Jwts.header(before).path("kid").asText());
        assertThat(Jwts.claims(after).path("iss").asText()).isEqualTo(Jwts.claims(before).path("iss").asText());
    }

    // --- helpers

    /** Posts the login form to the authorize URL, follows the redirect's code to the token endpoint. */
    private static JsonNode signIn(StackConfig config, String authorize, String state, Map<String, String> login)
            throws Exception {
        HttpResponse<String> submitted = BROWSER.send(HttpRequest.newBuilder(URI.create(authorize))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(login))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(302);
        URI location = URI.create(submitted.headers().firstValue("Location").orElseThrow());
        assertThat(location.toString()).startsWith(REDIRECT + "?");
        Map<String, String> query = new java.util.HashMap<>();
        for (String pair : location.getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            query.put(kv[0], java.net.URLDecoder.decode(kv[1], StandardCharsets.UTF_8));
        }
        assertThat(query).containsEntry("state", state).containsKey("code");
        Http.Response token = Http.postForm(DemoTokens.tokenEndpoint(config), Map.of("grant_type", "authorization_code",
                "code", query.get("code"), "redirect_uri", REDIRECT, "client_id", UI_CLIENT));
        assertThat(token.status()).as(token.body()).isEqualTo(200);
        return JSON.readTree(token.body());
    }

    private static JsonNode discovery(StackConfig config) throws Exception {
        Http.Response response = Http.get(config.oidcIssuerUrl() + "/.well-known/openid-configuration");
        assertThat(response.status()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode jwks(StackConfig config) throws Exception {
        return JSON.readTree(Http.get(discovery(config).path("jwks_uri").asText()).body());
    }

    private static String form(Map<String, String> values) {
        return values.entrySet().stream().map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** {@code aud} is a string for one audience and an array for several. */
    private static List<String> audiences(JsonNode claims) {
        JsonNode aud = claims.path("aud");
        return aud.isArray() ? strings(aud) : List.of(aud.asText());
    }
}
