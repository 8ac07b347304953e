package io.ieim.smtp;

import io.ieim.ingest.MailIntake;
import io.ieim.spec.SourceChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.RejectException;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.server.SMTPServer;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The SMTP gateway: a submission server for the configured recipient domains. Every session must
 * authenticate (AUTH PLAIN or LOGIN) before MAIL; STARTTLS is offered when a key store is configured.
 * Replies, in the order the checks run:
 * <ul>
 *   <li>535 5.7.8 wrong user or password (530 for MAIL before AUTH);</li>
 *   <li>451 4.7.1 the envelope sender is over its rate limit (MAIL FROM; the client retries later);</li>
 *   <li>550 5.7.1 a recipient outside the configured domains (no relaying);</li>
 *   <li>552 5.3.4 the mail is larger than the limit (declared SIZE at MAIL FROM, or counted in DATA);</li>
 *   <li>554 5.4.6 a mail loop ({@link LoopRules});</li>
 *   <li>451 4.3.0 the mail could not be published (Kafka or object storage down): nothing was
 *       published, the client keeps the mail and retries;</li>
 *   <li>250 only after {@link MailSink#ingest} returned, i.e. the Kafka transaction committed.</li>
 * </ul>
 * The mail is stored exactly as submitted (no Received field is added): a client that retries after
 * a lost 250 resubmits the same bytes, which intake recognizes as already published.
 */
public final class SmtpGateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(SmtpGateway.class);

    private final GatewayConfig config;
    private final MailSink sink;
    private final LoopRules loops;
    private final SenderRateLimiter rates;
    private final SMTPServer server;

    public SmtpGateway(GatewayConfig config, MailSink sink) {
        this.config = config;
        this.sink = sink;
        this.loops = new LoopRules(config.maxHops(), config.noReplyLocalParts());
        this.rates = new SenderRateLimiter(config.ratePerMinute(), config.rateBurst());
        SMTPServer.Builder builder = SMTPServer.port(config.port())
                .bindAddress(address(config.bindAddress()))
                .hostName(config.hostName())
                .softwareName("IEIM SMTP gateway")
                .requireAuth(true)
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory(this::login))
                .maxMessageSize(config.maxMessageBytes())
                .maxRecipients(100)
                .connectionTimeout(60, java.util.concurrent.TimeUnit.SECONDS)
                .insertReceivedHeaders(false)
                .messageHandlerFactory(Session::new);
        if (config.tlsKeyStore() != null) {
            SSLContext tls = sslContext(config);
            builder.enableTLS(true).requireTLS(config.requireTls()).startTlsSocketFactory(socket -> {
                InetSocketAddress remote = (InetSocketAddress) socket.getRemoteSocketAddress();
                SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(socket, remote.getHostString(),
                        socket.getPort(), true);
                s.setUseClientMode(false);
                // the JDK's defaults, not "everything supported" (which would include SSLv3 and anonymous suites)
                s.setEnabledProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
                return s;
            });
        }
        this.server = builder.build();
    }

    public void start() {
        server.start();
        LOG.info("SMTP gateway listening on {}:{} ({} recipient domains, {} users, STARTTLS {})", config.bindAddress(),
                server.getPortAllocated(), config.domains().size(), config.users().size(),
                config.tlsKeyStore() == null ? "off" : config.requireTls() ? "required" : "offered");
    }

    /** The port actually bound (useful with port 0). */
    public int port() {
        return server.getPortAllocated();
    }

    @Override
    public void close() {
        server.stop();
    }

    private void login(String user, String password, MessageContext context) throws LoginFailedException {
        if (!config.users().matches(user, password)) {
            // the session id, not the user name: a mistyped name is often someone's password
            LOG.info("session {}: authentication failed", context.getSessionId());
            throw new LoginFailedException();
        }
    }

    /** One mail transaction of a session (subethasmtp creates a handler per MAIL FROM). */
    private final class Session implements MessageHandler {
        private final MessageContext context;
        private final List<String> recipients = new ArrayList<>();

        Session(MessageContext context) {
            this.context = context;
        }

        @Override
        public void from(String from) throws RejectException {
            if (!rates.tryAcquire(from)) {
                LOG.info("session {}: sender over its rate limit", context.getSessionId());
                throw new RejectException(451, "4.7.1 Rate limit exceeded for this sender, try again later");
            }
        }

        @Override
        public void recipient(String recipient) throws RejectException {
            int at = recipient.lastIndexOf('@');
            String domain = at < 0 ? "" : recipient.substring(at + 1).toLowerCase(Locale.ROOT);
            if (!config.domains().contains(domain)) {
                throw new RejectException(550, "5.7.1 Relaying denied: recipient domain not served here");
            }
            recipients.add(recipient);
        }

        @Override
        public String data(InputStream data) throws RejectException, IOException {
            try {
                return deliver(data);
            } catch (RejectException e) {
                // RFC 5321 §4.1.1.4: the transaction ends with DATA's reply, refused or not; subethasmtp
                // 7.2 only resets it after a 250, so the client's next MAIL would get 503 without this
                if (context instanceof org.subethamail.smtp.server.Session session) {
                    session.resetMailTransaction();
                }
                throw e;
            }
        }

        private String deliver(InputStream data) throws RejectException, IOException {
            byte[] raw = readAtMost(data, config.maxMessageBytes());
            if (raw == null) {
                LOG.info("session {}: mail over {} bytes refused", context.getSessionId(), config.maxMessageBytes());
                throw new RejectException(552, "5.3.4 Message size exceeds fixed limit of " + config.maxMessageBytes() + " bytes");
            }
            var loop = loops.violation(raw, recipients);
            if (loop.isPresent()) {
                LOG.info("session {}: refused, {}", context.getSessionId(), loop.get());
                throw new RejectException(554, "5.4.6 " + loop.get());
            }
            MailIntake.Outcome outcome;
            try {
                outcome = sink.ingest(raw, SourceChannel.SMTP, "smtp session " + context.getSessionId());
            } catch (IOException | RuntimeException e) {
                LOG.warn("session {}: mail not published, client told to retry: {}", context.getSessionId(), e.toString());
                throw new RejectException(451, "4.3.0 Temporary failure, mail not accepted; try again later");
            }
            LOG.info("session {}: mail {} {} ({} bytes)", context.getSessionId(), outcome.messageId(),
                    outcome.status().name().toLowerCase(Locale.ROOT), raw.length);
            return "2.0.0 Ok: queued as " + outcome.messageId();
        }

        @Override
        public void done() {
        }
    }

    /**
     * The whole stream, or null when it is longer than {@code limit}; the rest is read and dropped
     * either way, so the session stays in step with the client and memory stays bounded.
     */
    static byte[] readAtMost(InputStream in, int limit) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.min(limit, 64 * 1024));
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        for (int n; (n = in.read(buffer)) != -1; ) {
            total += n;
            if (total <= limit) {
                out.write(buffer, 0, n);
            }
        }
        return total <= limit ? out.toByteArray() : null;
    }

    private static InetAddress address(String host) {
        try {
            return InetAddress.getByName(host);
        } catch (IOException e) {
            throw new IllegalArgumentException("IEIM_SMTP_BIND: unknown address " + host);
        }
    }

    private static SSLContext sslContext(GatewayConfig config) {
        try (InputStream in = Files.newInputStream(config.tlsKeyStore())) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, config.tlsKeyStorePassword());
            KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            keys.init(store, config.tlsKeyStorePassword());
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys.getKeyManagers(), null, null);
            return context;
        } catch (IOException e) {
            throw new UncheckedIOException("IEIM_SMTP_TLS_KEYSTORE: " + e.getMessage(), e);
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("IEIM_SMTP_TLS_KEYSTORE: " + e.getMessage(), e);
        }
    }
}
