package io.ieim.smtp;

import io.ieim.ingest.MailIntake;
import io.ieim.spec.SourceChannel;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The gateway's rules, over a real socket, with a recording sink instead of the stack. */
class SmtpGatewayTest {

    static final String PASSWORD = "s3cret-submission";
    static final String HASH = SmtpUsers.hash(PASSWORD);

    record Delivered(byte[] raw, SourceChannel channel, String reference) {
    }

    final List<Delivered> delivered = new CopyOnWriteArrayList<>();
    volatile IOException failure;
    SmtpGateway gateway;

    @TempDir
    Path temp;

    MailSink recordingSink() {
        return (raw, channel, reference) -> {
            if (failure != null) {
                throw failure;
            }
            delivered.add(new Delivered(raw, channel, reference));
            return new MailIntake.Outcome(sha256(raw), MailIntake.Status.PUBLISHED, raw.length);
        };
    }

    GatewayConfig config(int maxBytes, long burst, Path keyStore) {
        return new GatewayConfig("127.0.0.1", 0, "mx.test", Set.of("ieim.example"),
                SmtpUsers.parse("intake:" + HASH + ",pbkdf2user:" + SmtpUsers.hashPbkdf2(PASSWORD)), maxBytes, 60, burst, 5,
                Set.of("no-reply"), keyStore, "changeit".toCharArray(), false);
    }

    int start(GatewayConfig config) {
        gateway = new SmtpGateway(config, recordingSink());
        gateway.start();
        return gateway.port();
    }

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
    }

    static byte[] mail(String headers) {
        return (headers + "From: a@customer.example\r\nTo: claims@ieim.example\r\nSubject: Schaden\r\n"
                + "Message-ID: <t1@customer.example>\r\n\r\nHallo,\r\n.dot line\r\nGruss\r\n").getBytes(StandardCharsets.UTF_8);
    }

    static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** AUTH, MAIL, RCPT, DATA; returns the reply to the end of DATA (or the first refusal). */
    static String submit(SmtpClient c, String rcpt, byte[] message) throws IOException {
        String mailFrom = c.send("MAIL FROM:<a@customer.example>");
        if (!mailFrom.startsWith("250")) {
            return mailFrom;
        }
        String rcptTo = c.send("RCPT TO:<" + rcpt + ">");
        if (!rcptTo.startsWith("250")) {
            return rcptTo;
        }
        return c.data(message);
    }

    @Test
    void anAuthenticatedSubmissionIsHandedOverByteForByteAndAnsweredWithTheMessageId() throws Exception {
        int port = start(config(64 * 1024, 20, null));
        try (SmtpClient c = new SmtpClient(port)) {
            String ehlo = c.send("EHLO client.test");
            assertThat(ehlo).contains("250-SIZE 65536").contains("AUTH").contains("PLAIN").contains("LOGIN");
            assertThat(c.authPlain("intake", PASSWORD)).startsWith("235");
            byte[] message = mail("");
            String reply = submit(c, "Claims@IEIM.example", message);
            assertThat(reply).startsWith("250").contains(sha256(message));
        }
        assertThat(delivered).hasSize(1);
        // the SMTP dot-stuffing is undone and no Received field is added: the bytes are the sender's
        assertThat(new String(delivered.getFirst().raw(), StandardCharsets.UTF_8))
                .isEqualTo(new String(mail(""), StandardCharsets.UTF_8));
        assertThat(delivered.getFirst().channel()).isEqualTo(SourceChannel.SMTP);
        assertThat(delivered.getFirst().reference()).startsWith("smtp session ");
    }

    @Test
    void aWrongPasswordIs535AndMailWithoutAuthIs530() throws Exception {
        int port = start(config(64 * 1024, 20, null));
        try (SmtpClient c = new SmtpClient(port)) {
            c.send("EHLO client.test");
            assertThat(c.authPlain("intake", "wrong")).startsWith("535");
            assertThat(c.authPlain("nobody", PASSWORD)).startsWith("535");
            assertThat(c.send("MAIL FROM:<a@customer.example>")).startsWith("530");
            // a PBKDF2-hashed account works like a bcrypt one
            assertThat(c.authPlain("pbkdf2user", PASSWORD)).startsWith("235");
        }
        assertThat(delivered).isEmpty();
    }

    @Test
    void aMailOverTheSizeLimitIs552WhetherDeclaredOrCounted() throws Exception {
        int port = start(config(2048, 20, null));
        byte[] big = mail("X-Padding: " + "x".repeat(4000) + "\r\n");
        try (SmtpClient c = new SmtpClient(port)) {
            c.send("EHLO client.test");
            c.authPlain("intake", PASSWORD);
            assertThat(c.send("MAIL FROM:<a@customer.example> SIZE=5000")).startsWith("552");
            assertThat(submit(c, "claims@ieim.example", big)).startsWith("552 5.3.4");
            // the oversized data was consumed: the session is still in step
            assertThat(c.send("NOOP")).startsWith("250");
            assertThat(submit(c, "claims@ieim.example", mail(""))).startsWith("250");
        }
        assertThat(delivered).hasSize(1);
    }

    @Test
    void aSenderOverItsRateIs451WithTheReason() throws Exception {
        int port = start(config(64 * 1024, 2, null));
        try (SmtpClient c = new SmtpClient(port)) {
            c.send("EHLO client.test");
            c.authPlain("intake", PASSWORD);
            assertThat(submit(c, "claims@ieim.example", mail("X-N: 1\r\n"))).startsWith("250");
            assertThat(submit(c, "claims@ieim.example", mail("X-N: 2\r\n"))).startsWith("250");
            assertThat(c.send("MAIL FROM:<A@Customer.example>")).startsWith("451 4.7.1").contains("Rate limit");
            // another sender has its own bucket
            assertThat(c.send("MAIL FROM:<b@customer.example>")).startsWith("250");
        }
        assertThat(delivered).hasSize(2);
    }

    @Test
    void loopsAre554() throws Exception {
        int port = start(config(64 * 1024, 20, null));
        try (SmtpClient c = new SmtpClient(port)) {
            c.send("EHLO client.test");
            c.authPlain("intake", PASSWORD);
            String sixHops = "Received: from a by b;\r\n Mon, 1 Jan 2026 00:00:00 +0000\r\n".repeat(6);
            assertThat(submit(c, "claims@ieim.example", mail(sixHops))).startsWith("554 5.4.6").contains("hops");
            c.send("RSET");
            String fiveHops = "Received: from a by b; Mon, 1 Jan 2026 00:00:00 +0000\r\n".repeat(5);
            assertThat(submit(c, "claims@ieim.example", mail(fiveHops))).startsWith("250");
            assertThat(submit(c, "claims@ieim.example", mail("x-ieim-loop: decision-7\r\n"))).startsWith("554 5.4.6");
            c.send("RSET");
            assertThat(submit(c, "No-Reply@ieim.example", mail("Auto-Submitted: auto-replied\r\n"))).startsWith("554 5.4.6");
            c.send("RSET");
            // automatic mail to an ordinary address is input (an out-of-office reply), not a loop
            assertThat(submit(c, "claims@ieim.example", mail("Auto-Submitted: auto-replied\r\n"))).startsWith("250");
            assertThat(submit(c, "no-reply@ieim.example", mail("Auto-Submitted: no\r\n"))).startsWith("250");
        }
        assertThat(delivered).hasSize(3);
    }

    @Test
    void aRecipientOutsideTheDomainsIs550() throws Exception {
        int port = start(config(64 * 1024, 20, null));
        try (SmtpClient c = new SmtpClient(port)) {
            c.send("EHLO client.test");
            c.authPlain("intake", PASSWORD);
            assertThat(submit(c, "someone@elsewhere.example", mail(""))).startsWith("550 5.7.1");
            // a refused recipient leaves the transaction open (RFC 5321): the next recipient is still refused
            assertThat(c.send("RCPT TO:<claims@ieim.example.evil>")).startsWith("550 5.7.1");
            assertThat(c.data(mail(""))).startsWith("503");
        }
        assertThat(delivered).isEmpty();
    }

    @Test
    void aMailThatCannotBePublishedIs451SoTheClientRetries() throws Exception {
        int port = start(config(64 * 1024, 20, null));
        failure = new MailIntake.PublishFailed("nothing was published: broker down", null);
        try (SmtpClient c = new SmtpClient(port)) {
            c.send("EHLO client.test");
            c.authPlain("intake", PASSWORD);
            String reply = submit(c, "claims@ieim.example", mail(""));
            assertThat(reply).startsWith("451 4.3.0").doesNotContain("broker");
            failure = null;
            assertThat(submit(c, "claims@ieim.example", mail(""))).startsWith("250");
        }
        assertThat(delivered).hasSize(1);
    }

    @Test
    void startTlsWithASelfSignedCertificateAndAuthLoginThroughAStandardClient() throws Exception {
        Path keyStore = temp.resolve("smtp.p12");
        Process keytool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", "smtp", "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=localhost",
                "-ext", "SAN=ip:127.0.0.1,dns:localhost",
                "-validity", "2", "-storetype", "PKCS12", "-keystore", keyStore.toString(), "-storepass", "changeit")
                .redirectErrorStream(true).start();
        assertThat(keytool.waitFor()).as(new String(keytool.getInputStream().readAllBytes())).isZero();
        GatewayConfig base = config(64 * 1024, 20, keyStore);
        GatewayConfig tlsRequired = new GatewayConfig(base.bindAddress(), 0, base.hostName(), base.domains(), base.users(),
                base.maxMessageBytes(), base.ratePerMinute(), base.rateBurst(), base.maxHops(), base.noReplyLocalParts(),
                keyStore, "changeit".toCharArray(), true);
        int port = start(tlsRequired);
        try (SmtpClient c = new SmtpClient(port)) {
            String ehlo = c.send("EHLO client.test");
            // TLS required: AUTH is not even offered in the clear
            assertThat(ehlo).contains("STARTTLS").doesNotContain("AUTH");
        }
        var props = new java.util.Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(port));
        props.put("mail.smtp.auth", "true");
        props.put("mail.smtp.auth.mechanisms", "LOGIN");
        props.put("mail.smtp.starttls.enable", "true");
        props.put("mail.smtp.starttls.required", "true");
        props.put("mail.smtp.ssl.trust", "*"); // the self-signed test certificate
        var session = jakarta.mail.Session.getInstance(props);
        var message = new jakarta.mail.internet.MimeMessage(session);
        message.setFrom("a@customer.example");
        message.setRecipients(jakarta.mail.Message.RecipientType.TO, "claims@ieim.example");
        message.setSubject("Kfz-Schaden KF-20481234");
        message.setText("Guten Tag");
        jakarta.mail.Transport.send(message, "intake", PASSWORD);
        assertThat(delivered).hasSize(1);
        assertThat(new String(delivered.getFirst().raw(), StandardCharsets.UTF_8)).contains("Kfz-Schaden KF-20481234");
        jakarta.mail.Transport transport = session.getTransport("smtp");
        assertThatThrownBy(() -> transport.connect("intake", "wrong"))
                .isInstanceOf(jakarta.mail.AuthenticationFailedException.class).hasMessageContaining("535");
    }

    @Test
    void configurationRefusesPlainPasswordsAndMissingDomains() {
        assertThatThrownBy(() -> SmtpUsers.parse("intake:secret")).hasMessageContaining("{bcrypt}");
        assertThatThrownBy(() -> GatewayConfig.fromEnvironment(Map.of("IEIM_SMTP_USERS", "intake:" + HASH), 25))
                .hasMessageContaining("IEIM_SMTP_DOMAINS");
    }

    @Test
    void configurationFromTheEnvironment() throws Exception {
        GatewayConfig c = GatewayConfig.fromEnvironment(Map.of("IEIM_SMTP_USERS", "intake:" + HASH,
                "IEIM_SMTP_DOMAINS", "IEIM.example, claims.example", "IEIM_MAIL_MAX_BYTES", "1048576"), 19025);
        assertThat(c.port()).isEqualTo(19025);
        assertThat(c.domains()).containsExactlyInAnyOrder("ieim.example", "claims.example");
        assertThat(c.maxMessageBytes()).isEqualTo(1048576);
        assertThat(c.users().matches("intake", PASSWORD)).isTrue();
        assertThat(c.users().matches("intake", PASSWORD + "x")).isFalse();
    }
}
