package io.ieim.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dev stack's demo users and real tokens for them, for tests and the CLI. These are demo
 * credentials of the embedded stack only: the provider accepts any password, so nothing here is a
 * secret and nothing here may reach production, where a real OIDC provider (Keycloak or any other
 * whose tokens carry the {@code roles} claim) issues the tokens.
 */
public final class DemoTokens {

    /** The audience of every token the dev provider issues (the reviewer API). */
    public static final String AUDIENCE = "ieim-api";

    /** The public client the CLI and tests name in token requests; the provider registers no clients. */
    public static final String CLI_CLIENT_ID = "ieim-cli";

    /**
     * Demo user name to the roles in its token's {@code roles} claim: one user per role of the reviewer
     * API (ingest: the service account of the mail upload), and a second approver because LEGAL/PRIVACY drafts need two different approvers.
     * Any other user name gets a token with an empty {@code roles} claim (fail closed).
     */
    public static final Map<String, List<String>> USERS = users();

    private static final ObjectMapper JSON = new ObjectMapper();

    private DemoTokens() {
    }

    private static Map<String, List<String>> users() {
        Map<String, List<String>> users = new LinkedHashMap<>();
        users.put("reviewer", List.of("reviewer"));
        users.put("approver", List.of("approver"));
        users.put("approver2", List.of("approver"));
        users.put("privacy_officer", List.of("privacy_officer"));
        users.put("auditor", List.of("auditor"));
        users.put("admin", List.of("admin"));
        // a service account of the mail upload (POST /api/v1/mails), not a person
        users.put("ingest", List.of("ingest"));
        return java.util.Collections.unmodifiableMap(users);
    }

    public static String tokenEndpoint(StackConfig config) {
        return config.oidcIssuerUrl() + "/token";
    }

    /**
     * A signed access token for {@code user} from the running stack's provider (resource-owner
     * password grant; the password is not checked). An unknown user still gets a token, but without
     * roles, so that callers can test that the API refuses it.
     */
    public static String issue(StackConfig config, String user) throws IOException {
        return tokens(config, user).path("access_token").asText();
    }

    /** The whole token response (access_token, id_token, expires_in), for callers that need more. */
    public static JsonNode tokens(StackConfig config, String user) throws IOException {
        Http.Response response = Http.postForm(tokenEndpoint(config), Map.of(
                "grant_type", "password",
                "username", user,
                "password", "demo",
                "client_id", CLI_CLIENT_ID,
                "scope", "openid"));
        if (!response.ok()) {
            throw new IOException("token request for " + user + " failed: HTTP " + response.status() + " "
                    + response.body());
        }
        JsonNode body = JSON.readTree(response.body());
        if (!body.path("access_token").isTextual()) {
            throw new IOException("token response for " + user + " has no access_token: " + response.body());
        }
        return body;
    }
}
