package io.ieim.smtp;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The accounts allowed to submit, each with a password hash in the {@code {id}hash} form of Spring
 * Security's DelegatingPasswordEncoder: {@code {bcrypt}$2a$10$...} or {@code {pbkdf2}...} (PBKDF2
 * with HMAC-SHA256, 310,000 iterations, Spring Security 5.8 defaults). No plain-text passwords: a
 * hash without a known prefix is refused when the configuration is read.
 */
public final class SmtpUsers {

    private static final Map<String, PasswordEncoder> ENCODERS = Map.of(
            "bcrypt", new BCryptPasswordEncoder(),
            "pbkdf2", Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8());
    private static final PasswordEncoder ENCODER = new DelegatingPasswordEncoder("bcrypt", ENCODERS);
    /** Compared against when the user is unknown, so a wrong name costs as long as a wrong password. */
    private static final String DUMMY_HASH = ENCODER.encode("not-a-password");

    private final Map<String, String> hashes;

    public SmtpUsers(Map<String, String> hashes) {
        Map<String, String> copy = new LinkedHashMap<>();
        hashes.forEach((user, hash) -> {
            if (user == null || user.isBlank()) {
                throw new IllegalArgumentException("an SMTP user without a name");
            }
            if (hash == null || ENCODERS.keySet().stream().noneMatch(id -> hash.startsWith("{" + id + "}"))) {
                throw new IllegalArgumentException("SMTP user " + user + ": the password must be a {bcrypt} or {pbkdf2} hash");
            }
            copy.put(user, hash);
        });
        this.hashes = Map.copyOf(copy);
    }

    /**
     * Parses {@code user:{bcrypt}hash} entries separated by commas or line breaks (neither occurs in
     * the hashes); blank lines and lines starting with {@code #} are ignored.
     */
    public static SmtpUsers parse(String entries) {
        Map<String, String> map = new LinkedHashMap<>();
        for (String entry : entries.split("[,\\r\\n]+")) {
            String e = entry.strip();
            if (e.isEmpty() || e.startsWith("#")) {
                continue;
            }
            int colon = e.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("SMTP users: an entry is not user:{scheme}hash");
            }
            map.put(e.substring(0, colon), e.substring(colon + 1));
        }
        return new SmtpUsers(map);
    }

    public boolean matches(String user, String password) {
        String hash = user == null ? null : hashes.get(user);
        if (hash == null || password == null) {
            ENCODER.matches("x", DUMMY_HASH);
            return false;
        }
        return ENCODER.matches(password, hash);
    }

    public int size() {
        return hashes.size();
    }

    /** A hash for the configuration, e.g. {@code ieim smtp hash-password}; bcrypt, cost 10. */
    public static String hash(String password) {
        return ENCODER.encode(password);
    }

    /** A PBKDF2 hash (for sites whose policy demands a FIPS-approved function). */
    public static String hashPbkdf2(String password) {
        return "{pbkdf2}" + ENCODERS.get("pbkdf2").encode(password);
    }
}
