package io.ieim.api.web;

import io.ieim.api.config.ApiProperties;
import io.ieim.api.review.IdempotencyStore;
import io.ieim.api.review.Mutation;
import io.ieim.api.security.Caller;
import io.ieim.ingest.MailIntake;
import io.ieim.spec.SourceChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * {@code POST /api/v1/mails}: one .eml as multipart part {@code file}, handed to {@link MailIntake}
 * (channel HTTP). 201 with the message id and whether the mail was published now, was published
 * before, or was published to be quarantined. The Idempotency-Key replays the first answer; the
 * mail itself is idempotent anyway, being content-addressed.
 */
@RestController
@RequestMapping("/api/v1")
public class MailUploadController {

    private static final Logger LOG = LoggerFactory.getLogger(MailUploadController.class);
    private static final String IDEMPOTENCY_KEY = "Idempotency-Key";
    /** Declared types a mail may come with; curl and browsers send octet-stream for an unknown .eml. */
    private static final Set<String> MAIL_TYPES = Set.of("message/rfc822", "application/octet-stream", "text/plain");

    private final ObjectProvider<MailIntake> intake;
    private final IdempotencyStore idempotency;
    private final long maxBytes;

    public MailUploadController(ObjectProvider<MailIntake> intake, IdempotencyStore idempotency, ApiProperties properties) {
        this.intake = intake;
        this.idempotency = idempotency;
        this.maxBytes = properties.ingest().maxSize().toBytes();
    }

    @PostMapping(path = "/mails", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    ResponseEntity<Object> upload(Authentication auth, @RequestHeader(name = IDEMPOTENCY_KEY, required = false) String key,
                                  @RequestPart(name = "file", required = false) MultipartFile file) throws IOException {
        if (key == null || key.isBlank() || key.length() > 255) {
            throw ApiException.badRequest("idempotency_key_required",
                    "header Idempotency-Key (1..255 characters) is required on every mutation",
                    Map.of("header", IDEMPOTENCY_KEY));
        }
        if (file == null) {
            throw ApiException.invalidField("file", "multipart part file (the .eml) is required");
        }
        if (file.getSize() > maxBytes) {
            throw tooLarge(maxBytes);
        }
        String declared = file.getContentType() == null ? "application/octet-stream"
                : file.getContentType().toLowerCase(Locale.ROOT).split(";")[0].strip();
        byte[] raw = file.getBytes();
        if (!MAIL_TYPES.contains(declared) || !looksLikeAMessage(raw)) {
            throw new ApiException(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported_media_type",
                    "part file must be an RFC 5322 message (message/rfc822, .eml)", Map.of("part", "file"), false);
        }
        Caller caller = Caller.from(auth);
        String messageId = sha256(raw);
        String hash = idempotency.requestHash("upload-mail", messageId, Map.of());
        Optional<Mutation> first = idempotency.replay(caller.subject(), key, hash);
        if (first.isPresent()) {
            return answer(first.get());
        }
        MailIntake.Outcome outcome;
        try {
            outcome = intake.getObject().ingest(raw, SourceChannel.HTTP, "http upload");
        } catch (IOException | RuntimeException e) {
            LOG.warn("mail {} not published: {}", messageId, e.toString());
            throw new ApiException(HttpStatus.SERVICE_UNAVAILABLE, "unavailable",
                    "the mail could not be published; retry with the same Idempotency-Key", Map.of(), true);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("message_id", outcome.messageId());
        body.put("status", outcome.status().name().toLowerCase(Locale.ROOT));
        Mutation result = new Mutation(201, body, null);
        try {
            // after the Kafka commit: if this fails, a retry with the key finds the mail already published
            idempotency.record(caller.subject(), key, hash, result);
        } catch (DuplicateKeyException e) {
            return answer(idempotency.replay(caller.subject(), key, hash).orElseThrow(() -> e));
        }
        LOG.info("mail {} uploaded: {}", outcome.messageId(), body.get("status"));
        return answer(result);
    }

    static ApiException tooLarge(long maxBytes) {
        return new ApiException(HttpStatus.PAYLOAD_TOO_LARGE, "mail_too_large",
                "the mail is larger than " + maxBytes + " bytes", Map.of("max_bytes", maxBytes), false);
    }

    /**
     * The first line is a header field ({@code name:} with printable ASCII in the name) or an mbox
     * {@code From } line. Anything else (a PDF, an image, JSON) is not a mail; a mail whose structure
     * is broken further down still passes and is quarantined by the topology, as from any channel.
     */
    static boolean looksLikeAMessage(byte[] raw) {
        int i = 0;
        while (i < raw.length && i < 1000 && raw[i] != ':' && raw[i] != '\n') {
            int b = raw[i] & 0xff;
            if (b < 33 || b > 126) {
                return i == 4 && new String(raw, 0, 4, java.nio.charset.StandardCharsets.US_ASCII).equals("From");
            }
            i++;
        }
        return i > 0 && i < raw.length && raw[i] == ':';
    }

    private static ResponseEntity<Object> answer(Mutation mutation) {
        return ResponseEntity.status(mutation.status()).body(mutation.body());
    }

    private static String sha256(byte[] raw) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(raw));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
