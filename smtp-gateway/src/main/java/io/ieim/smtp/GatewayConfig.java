package io.ieim.smtp;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Settings of the SMTP gateway, read from the environment (see docs/OPERATIONS.md, "SMTP gateway").
 *
 * @param bindAddress      interface to listen on
 * @param port             TCP port
 * @param hostName         name in the greeting and EHLO answer
 * @param domains          recipient domains accepted (lower case); any other recipient gets 550
 * @param users            accounts allowed to submit (AUTH PLAIN or LOGIN is required)
 * @param maxMessageBytes  advertised as SIZE; a larger mail gets 552
 * @param ratePerMinute    mails per minute per envelope sender, after the burst
 * @param rateBurst        mails a sender may send at once
 * @param maxHops          Received fields a mail may carry (loop protection)
 * @param noReplyLocalParts local parts of our no-reply addresses (loop protection)
 * @param tlsKeyStore      PKCS#12 key store with the certificate for STARTTLS; null: no STARTTLS
 * @param tlsKeyStorePassword its password
 * @param requireTls       refuse AUTH and mail before STARTTLS
 */
public record GatewayConfig(String bindAddress, int port, String hostName, Set<String> domains, SmtpUsers users,
                            int maxMessageBytes, long ratePerMinute, long rateBurst, int maxHops,
                            Set<String> noReplyLocalParts, Path tlsKeyStore, char[] tlsKeyStorePassword,
                            boolean requireTls) {

    public static final int DEFAULT_MAX_MESSAGE_BYTES = 25 * 1024 * 1024;
    public static final String DEFAULT_NO_REPLY = "no-reply,noreply,do-not-reply,donotreply,mailer-daemon";

    public GatewayConfig {
        if (domains.isEmpty()) {
            throw new IllegalArgumentException("IEIM_SMTP_DOMAINS: at least one recipient domain is needed");
        }
        if (users.size() == 0) {
            throw new IllegalArgumentException("IEIM_SMTP_USERS or IEIM_SMTP_USERS_FILE: at least one user is needed (AUTH is required)");
        }
        if (maxMessageBytes < 1024) {
            throw new IllegalArgumentException("IEIM_SMTP_MAX_MESSAGE_BYTES must be at least 1024");
        }
        if (requireTls && tlsKeyStore == null) {
            throw new IllegalArgumentException("IEIM_SMTP_REQUIRE_TLS needs IEIM_SMTP_TLS_KEYSTORE");
        }
        domains = domains.stream().map(d -> d.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        noReplyLocalParts = Set.copyOf(noReplyLocalParts);
    }

    /**
     * From environment variables; {@code defaultPort} is the stack's (port base + 25). The mail size
     * limit defaults to IEIM_MAIL_MAX_BYTES, the normalizer's, so what SMTP accepts is never over a
     * limit that would quarantine it.
     */
    public static GatewayConfig fromEnvironment(Map<String, String> env, int defaultPort) throws IOException {
        String usersText = env.get("IEIM_SMTP_USERS");
        String usersFile = env.get("IEIM_SMTP_USERS_FILE");
        if (usersFile != null && !usersFile.isBlank()) {
            usersText = Files.readString(Path.of(usersFile));
        }
        String keyStore = env.get("IEIM_SMTP_TLS_KEYSTORE");
        String defaultSize = env.getOrDefault("IEIM_MAIL_MAX_BYTES", Integer.toString(DEFAULT_MAX_MESSAGE_BYTES));
        return new GatewayConfig(
                env.getOrDefault("IEIM_SMTP_BIND", "127.0.0.1"),
                integer(env, "IEIM_SMTP_PORT", Integer.toString(defaultPort)),
                env.getOrDefault("IEIM_SMTP_HOSTNAME", "ieim-smtp.localhost"),
                list(env.getOrDefault("IEIM_SMTP_DOMAINS", "")),
                SmtpUsers.parse(usersText == null ? "" : usersText),
                integer(env, "IEIM_SMTP_MAX_MESSAGE_BYTES", defaultSize),
                integer(env, "IEIM_SMTP_RATE_PER_MINUTE", "60"),
                integer(env, "IEIM_SMTP_RATE_BURST", "20"),
                integer(env, "IEIM_SMTP_MAX_HOPS", "30"),
                list(env.getOrDefault("IEIM_SMTP_NO_REPLY", DEFAULT_NO_REPLY)),
                keyStore == null || keyStore.isBlank() ? null : Path.of(keyStore),
                env.getOrDefault("IEIM_SMTP_TLS_KEYSTORE_PASSWORD", "").toCharArray(),
                Boolean.parseBoolean(env.getOrDefault("IEIM_SMTP_REQUIRE_TLS", "false")));
    }

    private static int integer(Map<String, String> env, String name, String fallback) {
        String value = env.getOrDefault(name, fallback);
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + ": not a number");
        }
    }

    private static Set<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }
}
