package io.ieim.devstack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/**
 * RS256 verification with JDK crypto only: the devstack's classpath has no JOSE library (nimbus lives
 * in the provider's own runtime), and a test that reimplements the check is independent of the issuer.
 */
final class Jwts {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Jwts() {
    }

    static JsonNode header(String jwt) throws Exception {
        return part(jwt, 0);
    }

    static JsonNode claims(String jwt) throws Exception {
        return part(jwt, 1);
    }

    private static JsonNode part(String jwt, int index) throws Exception {
        return JSON.readTree(Base64.getUrlDecoder().decode(jwt.split("\\.")[index]));
    }

    /** True when the token is RS256 and signed by the JWKS key its header names. */
    static boolean verifies(String jwt, JsonNode jwks) throws Exception {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3 || !"RS256".equals(header(jwt).path("alg").asText())) {
            return false;
        }
        String kid = header(jwt).path("kid").asText();
        for (JsonNode key : jwks.path("keys")) {
            if (kid.equals(key.path("kid").asText()) && "RSA".equals(key.path("kty").asText())) {
                Signature rs256 = Signature.getInstance("SHA256withRSA");
                rs256.initVerify(publicKey(key));
                rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
                return rs256.verify(Base64.getUrlDecoder().decode(parts[2]));
            }
        }
        return false;
    }

    static PublicKey publicKey(JsonNode jwk) throws Exception {
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("n").asText())),
                new BigInteger(1, Base64.getUrlDecoder().decode(jwk.path("e").asText()))));
    }

    /** The same token with its claims replaced and the original signature kept: must not verify. */
    static String tampered(String jwt, String claimsJson) {
        String[] parts = jwt.split("\\.");
        String payload = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(claimsJson.getBytes(StandardCharsets.UTF_8));
        return parts[0] + "." + payload + "." + parts[2];
    }
}
