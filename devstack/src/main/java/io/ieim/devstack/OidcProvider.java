package io.ieim.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * A real OIDC provider for the dev stack: navikt's mock-oauth2-server (discovery, JWKS, token
 * endpoint, authorization code flow with a login page) with one issuer, {@value #ISSUER_ID}, and the
 * demo users of {@link DemoTokens#USERS}. The product only needs an issuer URL, so production points
 * the same code at Keycloak or any provider whose tokens carry the {@code roles} claim.
 *
 * <p>Tokens are signed with an RSA key generated once under {@code var/oidc} and handed to the
 * provider as its initial key, so tokens issued before a restart still verify after it.
 */
final class OidcProvider extends ProcessPart {

    static final String ISSUER_ID = "ieim";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path dir;

    OidcProvider(StackConfig config) {
        super(config, "oidc", Duration.ofSeconds(60), Duration.ofSeconds(10));
        this.dir = config.varDir().resolve("oidc");
    }

    @Override
    public String address() {
        return config.oidcIssuerUrl();
    }

    Path signingKeyFile() {
        return dir.resolve("signing-key.jwk.json");
    }

    @Override
    public void start() throws Exception {
        if (running()) {
            return;
        }
        Files.createDirectories(dir);
        ObjectNode key = loadOrCreateSigningKey(signingKeyFile());
        Path login = dir.resolve("login.html");
        Files.writeString(login, loginPage(), StandardCharsets.UTF_8);
        Path json = dir.resolve("config.json");
        writeOwnerOnly(json, configJson(key, login)); // it carries the private signing key
        // the standalone main reads its logback file from LOGBACK_CONFIG; the provider logs every
        // request at DEBUG and nothing at INFO, so keep only its "started server" line
        Path logging = writeQuietLogging(dir, "no.nav.security.mock.oauth2.http.OAuth2HttpServer", "DEBUG");
        String classpath = JavaRuntime.classpathOf(config.serversDir().resolve("oidc/target/lib"));
        process.start(JavaRuntime.command("128m", classpath, "no.nav.security.mock.oauth2.StandaloneMockOAuth2ServerKt",
                        List.of(), List.of()), dir,
                Map.of("SERVER_HOSTNAME", "127.0.0.1",
                        "SERVER_PORT", Integer.toString(config.oidcPort()),
                        "JSON_CONFIG_PATH", json.toString(),
                        "LOGBACK_CONFIG", logging.toString()));
    }

    /**
     * Healthy when discovery names the expected issuer and the JWKS publishes the persisted key: the
     * provider hands its one initial key to the first issuer that asks, so a request for another
     * issuer id racing the first start would leave {@value #ISSUER_ID} with a fresh key.
     */
    @Override
    public boolean healthy() {
        try {
            Http.Response discovery = Http.get(config.oidcIssuerUrl() + "/.well-known/openid-configuration");
            if (!discovery.ok()) {
                return false;
            }
            JsonNode document = JSON.readTree(discovery.body());
            if (!config.oidcIssuerUrl().equals(document.path("issuer").asText())) {
                return false;
            }
            Http.Response jwks = Http.get(document.path("jwks_uri").asText());
            if (!jwks.ok() || !Files.isRegularFile(signingKeyFile())) {
                return false;
            }
            String modulus = JSON.readTree(signingKeyFile().toFile()).path("n").asText();
            for (JsonNode key : JSON.readTree(jwks.body()).path("keys")) {
                if (modulus.equals(key.path("n").asText())) {
                    return true;
                }
            }
            return false;
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** The provider's configuration: the signing key, the login page, and the user-to-claims mappings. */
    static String configJson(ObjectNode signingKey, Path loginPage) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("interactiveLogin", true);
        root.put("loginPagePath", loginPage.toString());
        root.put("httpServer", "NettyWrapper");
        ObjectNode keyProvider = root.putObject("tokenProvider").putObject("keyProvider");
        keyProvider.put("initialKeys", JSON.writeValueAsString(signingKey));
        keyProvider.put("algorithm", "RS256");
        ObjectNode issuer = root.putArray("tokenCallbacks").addObject();
        issuer.put("issuerId", ISSUER_ID);
        issuer.put("tokenExpiry", 3600);
        // the first mapping that matches a token request's form parameter wins: demo users first
        ArrayNode mappings = issuer.putArray("requestMappings");
        for (Map.Entry<String, List<String>> user : DemoTokens.USERS.entrySet()) {
            ObjectNode claims = mapping(mappings, "username", user.getKey());
            claims.put("sub", user.getKey());
            claims.put("preferred_username", user.getKey());
            claims.putPOJO("roles", user.getValue());
            claims.putArray("aud").add(DemoTokens.AUDIENCE);
        }
        // fail closed: an unknown user name still gets a token (so the API's refusal can be tested)
        // but with an empty roles claim; ${username} is the provider's template for the form value
        ObjectNode unknown = mapping(mappings, "username", "*");
        unknown.put("sub", "${username}");
        unknown.put("preferred_username", "${username}");
        unknown.putArray("roles");
        unknown.putArray("aud").add(DemoTokens.AUDIENCE);
        // every other grant, above all the authorization code of the login page: no roles of its own;
        // the login page adds the typed user's roles. The client is an audience too, as OIDC wants
        // for the ID token a browser client validates.
        ObjectNode other = mapping(mappings, "grant_type", "*");
        other.putArray("roles");
        other.putArray("aud").add(DemoTokens.AUDIENCE).add("${client_id}");
        // with two audiences OIDC wants azp naming the client; Spring Security's ID token check needs it
        other.put("azp", "${client_id}");
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
    }

    private static ObjectNode mapping(ArrayNode mappings, String parameter, String match) {
        ObjectNode mapping = mappings.addObject();
        mapping.put("requestParam", parameter);
        mapping.put("match", match);
        return mapping.putObject("claims");
    }

    /**
     * The sign-in page of the authorization code flow. The provider takes the form's {@code username}
     * as the subject and its {@code claims} (JSON) as extra claims, and cannot map a user name to
     * roles itself, so the page does: a small script fills {@code claims} from the demo-user table.
     * Without the script (or for an unknown name) the token has no roles. The provider serves the
     * file as is and the form posts back to the authorize URL it was served from.
     */
    static String loginPage() throws IOException {
        StringBuilder options = new StringBuilder();
        StringBuilder rows = new StringBuilder();
        for (Map.Entry<String, List<String>> user : DemoTokens.USERS.entrySet()) {
            options.append("    <option value=\"").append(user.getKey()).append("\"></option>\n");
            rows.append("    <tr><td><code>").append(user.getKey()).append("</code></td><td>")
                    .append(String.join(", ", user.getValue())).append("</td></tr>\n");
        }
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                  <meta charset="utf-8">
                  <title>IEIM dev stack sign-in</title>
                  <style>body{font-family:sans-serif;max-width:36em;margin:3em auto}td{padding:.2em 1em}</style>
                </head>
                <body>
                  <h1>IEIM dev stack sign-in</h1>
                  <p><strong>Demo users of the embedded dev stack only.</strong> No password: type a user
                  name. Production signs in through a real OIDC provider.</p>
                  <form method="post" id="sign-in">
                    <label>User name <input name="username" list="demo-users" required autofocus></label>
                    <input type="hidden" name="claims" id="claims" value="">
                    <button type="submit">Sign in</button>
                  </form>
                  <datalist id="demo-users">
                %s  </datalist>
                  <table>
                    <tr><th>user</th><th>roles</th></tr>
                %s  </table>
                  <script type="application/json" id="demo-roles">%s</script>
                  <script>
                    document.getElementById('sign-in').addEventListener('submit', function () {
                      var users = JSON.parse(document.getElementById('demo-roles').textContent);
                      var name = this.elements.username.value.trim();
                      this.elements.username.value = name;
                      var roles = Object.prototype.hasOwnProperty.call(users, name) ? users[name] : [];
                      document.getElementById('claims').value =
                          JSON.stringify({roles: roles, preferred_username: name});
                    });
                  </script>
                </body>
                </html>
                """.formatted(options, rows, JSON.writeValueAsString(DemoTokens.USERS));
    }

    /**
     * The provider's RSA signing key as a private JWK, created once so that tokens and the JWKS
     * survive a restart. Owner-readable only: a dev key, but a signing key all the same.
     */
    static ObjectNode loadOrCreateSigningKey(Path file) throws Exception {
        if (Files.isRegularFile(file)) {
            return (ObjectNode) JSON.readTree(file.toFile());
        }
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) generator.generateKeyPair().getPrivate();
        ObjectNode jwk = JSON.createObjectNode();
        jwk.put("kty", "RSA");
        jwk.put("use", "sig");
        jwk.put("alg", "RS256");
        jwk.put("kid", ISSUER_ID);
        jwk.put("n", base64url(key.getModulus()));
        jwk.put("e", base64url(key.getPublicExponent()));
        jwk.put("d", base64url(key.getPrivateExponent()));
        jwk.put("p", base64url(key.getPrimeP()));
        jwk.put("q", base64url(key.getPrimeQ()));
        jwk.put("dp", base64url(key.getPrimeExponentP()));
        jwk.put("dq", base64url(key.getPrimeExponentQ()));
        jwk.put("qi", base64url(key.getCrtCoefficient()));
        writeOwnerOnly(file, JSON.writeValueAsString(jwk));
        return jwk;
    }

    /** Written whole or not at all (a torn key file would change the key), readable by the owner only. */
    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Path temp = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(temp, content, StandardCharsets.UTF_8);
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    /** JWK integers are unsigned big-endian: drop the sign byte BigInteger adds. */
    static String base64url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
