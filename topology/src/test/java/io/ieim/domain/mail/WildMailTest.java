package io.ieim.domain.mail;

import io.ieim.domain.decision.DecisionOutcome;
import io.ieim.domain.decision.DecisionPipeline;
import io.ieim.domain.decision.StageObserver;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.spec.Action;
import io.ieim.spec.Intent;
import io.ieim.spec.ParseStatus;
import io.ieim.spec.Queue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

/**
 * Every file of data/wild-mail (see its README) normalizes without an exception, either parsed with the
 * properties listed here or quarantined with a reason, and gets a decision from the whole pure pipeline.
 */
class WildMailTest {

    private static final MailNormalizer NORMALIZER = new MailNormalizer();
    private static final DecisionPipeline PIPELINE = DecisionPipeline.standard(new byte[32]);

    static Path dir() {
        return Path.of(System.getProperty("ieim.home", "..")).resolve("data").resolve("wild-mail");
    }

    static Stream<Path> files() throws IOException {
        try (Stream<Path> s = Files.list(dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".eml")).sorted().toList().stream();
        }
    }

    private static String subjectOf(NormalizedMail m) {
        return m.subject();
    }

    /** What each file must give; files not listed only need to parse or fail with a reason. */
    private static final Map<String, Consumer<NormalizedMail>> EXPECTED = Map.ofEntries(
            Map.entry("01-iso-2022-jp.eml", m -> {
                assertThat(subjectOf(m)).isEqualTo("保険金請求について");
                assertThat(m.bodyText()).startsWith("お世話になっております。").contains("KF-20481234");
            }),
            Map.entry("02-shift-jis.eml", m -> {
                assertThat(subjectOf(m)).isEqualTo("保険金請求について");
                assertThat(m.bodyText()).contains("保険金を請求します");
            }),
            Map.entry("03-utf-7.eml", m -> {
                assertThat(subjectOf(m)).isEqualTo("Schäden am Dach");
                assertThat(m.bodyText()).contains("Schäden am Dach verursacht. Grüße").doesNotContain("+AOQ-");
            }),
            Map.entry("04-mislabeled-ascii-utf8.eml", m -> {
                assertThat(m.bodyText()).contains("kündige", "nächstmöglichen");
                assertThat(m.parseErrors()).contains("charset mislabeled: declared us-ascii, decoded as utf-8");
            }),
            Map.entry("05-mislabeled-ascii-latin1.eml", m -> {
                assertThat(subjectOf(m)).isEqualTo("Adressänderung");
                assertThat(m.bodyText()).contains("Gartenstraße 5, 12345 Münster");
            }),
            Map.entry("06-mislabeled-utf8-latin1.eml", m -> assertThat(m.bodyText()).contains("Rückfrage", "Prämie")),
            Map.entry("07-encoded-word-split-multibyte.eml", m -> assertThat(subjectOf(m)).isEqualTo("Schäden am Dach")),
            Map.entry("08-encoded-word-broken.eml", m -> {
                // undecodable words stay as written (RFC 2047 §6.3): no replacement characters, nothing lost
                assertThat(subjectOf(m)).startsWith("Schaden =?UTF-8?B?!!!not-base64***?= Nummer")
                        .contains("KF-20481234").doesNotContain("\uFFFD");
                assertThat(m.parseStatus()).isEqualTo(ParseStatus.DEFECTS);
                assertThat(m.parseErrors()).contains("invalid encoded word", "unknown charset in encoded word");
            }),
            Map.entry("09-rfc2231-parameters.eml", m -> assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("Schadensmeldung Küche 2026.pdf");
                assertThat(a.sniffedMediaType()).isEqualTo("application/pdf");
            })),
            Map.entry("10-boundary-never-closed.eml", m -> {
                assertThat(m.bodyText()).contains("Scheibe meines Autos");
                assertThat(m.attachments()).extracting(MailView.AttachmentInfo::fileName).containsExactly("foto.bin");
                assertThat(m.parseErrors()).contains("multipart body ended before its closing boundary");
            }),
            Map.entry("11-boundary-mismatch.eml", m -> {
                assertThat(m.bodyText()).contains("Wasserschaden entstanden");
                assertThat(m.parseErrors()).contains("multipart without parts, read as text");
            }),
            Map.entry("12-multipart-without-boundary.eml", m -> assertThat(m.bodyText()).contains("Frage zu meinem Vertrag")),
            Map.entry("13-missing-content-type.eml", m -> assertThat(m.bodyText()).contains("Grüße aus Köln")),
            Map.entry("14-nested-rfc822-deep.eml", m -> {
                assertThat(m.bodyText()).contains("Weiterleitung Ebene 5", "Der Unfall war am Montag an der Ampel.");
                assertThat(m.attachments()).hasSize(5).allMatch(a -> a.declaredMediaType().equals("message/rfc822"));
                assertThat(m.maxDepth()).isEqualTo(10);
            }),
            Map.entry("15-tnef-winmail.eml", m -> assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.fileName()).isEqualTo("winmail.dat");
                assertThat(a.declaredMediaType()).isEqualTo("application/ms-tnef");
                assertThat(a.sniffedMediaType()).isEqualTo("application/vnd.ms-tnef");
            })),
            Map.entry("16-uuencode.eml", m -> {
                assertThat(m.attachments()).singleElement().satisfies(a -> {
                    assertThat(a.fileName()).isEqualTo("rechnung.pdf");
                    assertThat(a.sniffedMediaType()).isEqualTo("application/pdf");
                    assertThat(a.sizeBytes()).isEqualTo(48);
                });
                assertThat(m.bodyText()).contains("Rechnung der Werkstatt", "Mit freundlichen Gruessen")
                        .doesNotContain("begin 644");
            }),
            Map.entry("17-raw-8bit-headers.eml", m -> {
                assertThat(subjectOf(m)).isEqualTo("Schäden an der Garage (Grüße)");
                assertThat(m.from()).isEqualTo(new NormalizedMail.Address("juergen@example.com", "Jürgen Müller"));
            }),
            Map.entry("18-bounce-dsn.eml", m -> {
                assertThat(m.bodyText()).contains("could not be delivered").doesNotContain("Reporting-MTA");
                assertThat(m.attachments()).extracting(MailView.AttachmentInfo::declaredMediaType)
                        .containsExactly("message/delivery-status", "text/rfc822-headers");
            }),
            Map.entry("19-html-only.eml", m -> {
                assertThat(m.bodyText()).contains("Der Sturm hat das Dach beschädigt.").doesNotContain("alert", "color");
                assertThat(m.bodyMediaType()).isEqualTo("text/html");
            }),
            Map.entry("20-attachment-sniffed.eml", m -> assertThat(m.attachments()).singleElement().satisfies(a -> {
                assertThat(a.sniffedMediaType()).isEqualTo("image/png");
                assertThat(a.sha256()).hasSize(64);
            })),
            Map.entry("21-header-bomb.eml", m -> assertThat(m.parseErrors()).containsExactly("headers 1001 > limit 1000")),
            Map.entry("22-part-bomb.eml", m -> assertThat(m.parseErrors()).containsExactly("parts 501 > limit 500")),
            Map.entry("23-nesting-bomb-multipart.eml", m -> assertThat(m.parseErrors()).containsExactly("depth 21 > limit 20")),
            Map.entry("24-nesting-bomb-rfc822.eml", m -> assertThat(m.parseErrors()).containsExactly("depth 21 > limit 20")),
            Map.entry("25-giant-body-line.eml", m -> assertThat(m.bodyText()).startsWith("Schaden xxx").endsWith("xxx Ende")),
            Map.entry("26-giant-header.eml", m -> assertThat(m.parseErrors()).containsExactly("header field bytes 80009 > limit 65536")),
            Map.entry("27-nul-bytes.eml", m -> {
                assertThat(subjectOf(m)).isEqualTo("Nullbytes");
                assertThat(m.bodyText()).isEqualTo("Mein Fahrrad wurde gestohlen. Vertrag KF-20481234.");
            }),
            Map.entry("28-crlf-lf-mix.eml", m -> assertThat(m.bodyText()).isEqualTo("Zeile eins\nZeile zwei\nZeile drei")),
            Map.entry("29-truncated-base64.eml", m -> {
                assertThat(m.bodyText()).isEqualTo("Anhang folgt.");
                assertThat(m.attachments()).extracting(MailView.AttachmentInfo::fileName).containsExactly("a.pdf");
            }),
            Map.entry("30-truncated-in-headers.eml", m -> assertThat(m.from().address()).isEqualTo("max@example.com")),
            Map.entry("31-no-header-section.eml", m -> assertThat(m.parseErrors()).containsExactly("no header section")),
            Map.entry("32-empty.eml", m -> assertThat(m.parseErrors()).containsExactly("no header section")));

    /** Quarantined by design: beyond a limit, or nothing to decode. */
    private static final Map<String, ParseStatus> FAILED = Map.of(
            "21-header-bomb.eml", ParseStatus.LIMIT_EXCEEDED,
            "22-part-bomb.eml", ParseStatus.LIMIT_EXCEEDED,
            "23-nesting-bomb-multipart.eml", ParseStatus.LIMIT_EXCEEDED,
            "24-nesting-bomb-rfc822.eml", ParseStatus.LIMIT_EXCEEDED,
            "26-giant-header.eml", ParseStatus.LIMIT_EXCEEDED,
            "31-no-header-section.eml", ParseStatus.UNPARSEABLE,
            "32-empty.eml", ParseStatus.UNPARSEABLE);

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void everyWildMailIsNormalizedAndDecided(Path file) throws IOException {
        byte[] raw = Files.readAllBytes(file);
        String name = file.getFileName().toString();

        NormalizedMail mail = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> NORMALIZER.normalize(raw));

        MailNormalizerFuzzTest.assertInvariants(raw, mail, NormalizationLimits.DEFAULT);
        ParseStatus expectedFailure = FAILED.get(name);
        if (expectedFailure != null) {
            assertThat(mail.parseStatus()).isEqualTo(expectedFailure);
        } else {
            assertThat(mail.parseStatus()).as("parsed").isIn(ParseStatus.OK, ParseStatus.DEFECTS);
        }
        assertThat(EXPECTED).as("expectations for " + name).containsKey(name);
        EXPECTED.get(name).accept(mail);

        DecisionOutcome outcome = assertTimeoutPreemptively(Duration.ofSeconds(10), () -> PIPELINE.decide(
                MailViews.of(mail), InMemoryIdentityDirectory.empty(), StageObserver.NONE));
        assertThat(outcome.decisionHash()).hasSize(64);
        assertThat(outcome.messageId()).isEqualTo(mail.messageId());
        if (mail.parseFailed()) {
            assertThat(outcome.queue()).isEqualTo(Queue.SECURITY_QUARANTINE);
            assertThat(outcome.action()).isEqualTo(Action.QUARANTINE);
        } else {
            assertThat(outcome.primaryIntent()).isNotNull();
        }
    }

    @Test
    void theBounceIsRecognizedAsAnAutomaticReply() throws IOException {
        NormalizedMail mail = NORMALIZER.normalize(Files.readAllBytes(dir().resolve("18-bounce-dsn.eml")));

        DecisionOutcome outcome = PIPELINE.decide(MailViews.of(mail), InMemoryIdentityDirectory.empty(), StageObserver.NONE);

        assertThat(outcome.primaryIntent()).isEqualTo(Intent.AUTO_REPLY);
        assertThat(outcome.queue()).isEqualTo(Queue.NO_ACTION);
    }

    @Test
    void theCorpusCoversEveryExpectationAndNothingElse() throws IOException {
        List<String> names = files().map(p -> p.getFileName().toString()).toList();
        assertThat(names).containsExactlyInAnyOrderElementsOf(EXPECTED.keySet());
    }

    @Test
    void tighterConfiguredLimitsQuarantineWhatTheDefaultsParse() throws IOException {
        byte[] deep = Files.readAllBytes(dir().resolve("14-nested-rfc822-deep.eml"));
        byte[] longLine = Files.readAllBytes(dir().resolve("25-giant-body-line.eml"));
        byte[] header = Mime.utf8("From: max@example.com", "Subject: " + "x".repeat(40), "", "Text");

        assertThat(tight("IEIM_MAIL_MAX_DEPTH", "4").normalize(deep).parseErrors()).containsExactly("depth 5 > limit 4");
        assertThat(tight("IEIM_MAIL_MAX_BODY_CHARS", "100000").normalize(longLine).parseErrors())
                .containsExactly("body characters 120013 > limit 100000");
        assertThat(tight("IEIM_MAIL_MAX_HEADER_BYTES", "40").normalize(header).parseErrors())
                .containsExactly("header field bytes 49 > limit 40");
        assertThat(tight("IEIM_MAIL_MAX_HEADER_BYTES", "40").normalize(header).parseStatus())
                .isEqualTo(ParseStatus.LIMIT_EXCEEDED);
    }

    @Test
    void aMisconfiguredLimitNamesTheVariable() {
        assertThatThrownBy(() -> NormalizationLimits.from(Map.of("IEIM_MAIL_MAX_HEADER_BYTES", "64k")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("IEIM_MAIL_MAX_HEADER_BYTES");
        assertThat(NormalizationLimits.from(Map.of())).isEqualTo(NormalizationLimits.DEFAULT);
    }

    private static MailNormalizer tight(String variable, String value) {
        return new MailNormalizer(NormalizationLimits.from(Map.of(variable, value)));
    }
}
