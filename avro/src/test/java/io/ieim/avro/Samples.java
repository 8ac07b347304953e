package io.ieim.avro;

import java.nio.ByteBuffer;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;

/** One fully populated instance of every contract, built with the generated builders. */
final class Samples {

    static final String MESSAGE_ID = "9f2c4a1b7e8d6c5b4a3f2e1d0c9b8a7f6e5d4c3b2a1908f7e6d5c4b3a2918f7e";
    static final Instant RECEIVED = Instant.parse("2026-03-02T08:15:30.123Z");

    private Samples() {
    }

    static List<SpecificRecord> all() {
        return List.of(mailReceived(), customer(), policy(), claim(), decision(), auditEvent(), auditAnchor(),
                reviewAction(), deadLetter(), identityIndexEntry());
    }

    static MailReceived mailReceived() {
        return MailReceived.newBuilder()
                .setMessageId(MESSAGE_ID)
                .setInternetMessageId("<CAF3x@mail.example.de>")
                .setReceivedAt(RECEIVED)
                .setSourceChannel("FILE")
                .setSourceReference("samples/claim-001.eml")
                .setRawMime(RawMimeReference.newBuilder()
                        .setBucket("ieim-raw").setKey("raw/9f/" + MESSAGE_ID).setSha256(MESSAGE_ID).setSizeBytes(4711)
                        .build())
                .setNormalizerVersion("1.0.0")
                .setParseStatus("DEFECTS")
                .setParseErrors(List.of("missing closing boundary"))
                .setFrom(MailAddress.newBuilder().setAddress("anna.muster@example.de").setDisplayName("Anna Muster").build())
                .setReplyTo(List.of())
                .setTo(List.of(MailAddress.newBuilder().setAddress("schaden@versicherung.example").build()))
                .setCc(List.of())
                .setSubject("Schaden SC-2026-004512: Rechnung")
                .setSentAt(Instant.parse("2026-03-02T08:14:00Z"))
                .setInReplyTo("<prev@versicherung.example>")
                .setReferences(List.of("<first@versicherung.example>", "<prev@versicherung.example>"))
                .setAutoSubmitted(null)
                .setExtraHeaders(Map.of("content-language", "de"))
                .setLanguage("de")
                .setBodyText("Guten Tag, anbei die Rechnung zu SC-2026-004512.")
                .setBodyMediaType("text/plain")
                .setAttachments(List.of(Attachment.newBuilder()
                        .setFileName("Rechnung.pdf").setDeclaredMediaType("application/octet-stream")
                        .setSniffedMediaType("application/pdf").setSizeBytes(1234)
                        .setSha256("ab".repeat(32)).setDisposition("attachment").setPartPath("2")
                        .build()))
                .setMimePartCount(3)
                .setMimeMaxDepth(1)
                .build();
    }

    static Customer customer() {
        return Customer.newBuilder()
                .setCustomerId("CU-1002345").setFullName("Anna Muster")
                .setEmails(List.of("anna.muster@example.de", "familie.muster@example.de"))
                .setPhone("+49 30 1234567").setDateOfBirth(LocalDate.of(1980, 5, 17)).setPostalCode("10115")
                .build();
    }

    static Policy policy() {
        return Policy.newBuilder()
                .setPolicyId("KF-20481234").setCustomerId("CU-1002345").setProductLine("KF").setStatus("ACTIVE")
                .setStartDate(LocalDate.of(2024, 1, 1)).setEndDate(LocalDate.of(2026, 12, 31))
                .build();
    }

    static Claim claim() {
        return Claim.newBuilder()
                .setClaimId("SC-2026-004512").setPolicyId("KF-20481234").setStatus("OPEN")
                .setLossDate(LocalDate.of(2026, 2, 20))
                .build();
    }

    static Decision decision() {
        return Decision.newBuilder()
                .setMessageId(MESSAGE_ID)
                .setInternetMessageId("<CAF3x@mail.example.de>")
                .setDecisionVersion(2)
                .setPrimaryIntent("CLAIM_UPDATE")
                .setIntents(List.of("CLAIM_UPDATE", "BILLING"))
                .setRiskFlags(List.of("URGENT"))
                .setQueue("CLAIMS_HANDLING")
                .setAction("ATTACH_TO_CLAIM")
                .setIdentity(IdentityResult.newBuilder()
                        .setStatus("CONFIRMED").setCustomerId("CU-1002345").setPolicyId("KF-20481234")
                        .setClaimId("SC-2026-004512").setUnmatchedReferences(List.of("KF-99999999"))
                        .setCandidates(List.of(IdentityCandidate.newBuilder()
                                .setCustomerId("CU-1002345").setPolicyId("KF-20481234").setClaimId("SC-2026-004512")
                                .setScore(1.0).setSignals(List.of("claim number", "sender address")).build()))
                        .build())
                .setNeedsReview(false)
                .setReviewReasons(List.of())
                .setConfidence(0.93)
                .setRuleFired("R8")
                .setRulesetVersion("2026.03.1")
                .setConfigHash("c0".repeat(32))
                .setInputDigest("1d".repeat(32))
                .setIdentitySnapshotDigest("5e".repeat(32))
                .setDecisionHash("de".repeat(32))
                .setEvidence(List.of(Evidence.newBuilder()
                        .setStage("CLASSIFIED").setRuleId("claim-update.invoice").setSource("NEW_TEXT")
                        .setSpanStart(25).setSpanEnd(33).setExcerpt("anbei die Rechnung").setDetail("keyword Rechnung")
                        .build()))
                .setCorrection(CorrectionRef.newBuilder()
                        .setActionId("7b0e2c8e-0000-4000-8000-000000000001").setReviewer("reviewer-42")
                        .setPreviousDecisionVersion(1).setPreviousDecisionHash("ad".repeat(32)).build())
                .setReceivedAt(RECEIVED)
                .build();
    }

    static AuditEvent auditEvent() {
        return AuditEvent.newBuilder()
                .setEventId("e1".repeat(32))
                .setMessageId(MESSAGE_ID)
                .setStage("CORRECTED")
                .setDecisionVersion(2)
                .setChainId("3")
                .setSequence(42L)
                .setPrevHash("01".repeat(32))
                .setEntryHash("02".repeat(32))
                .setPayloadHash("03".repeat(32))
                .setDetails(Map.of("queue", "CLAIMS_HANDLING", "decision_hash", "de".repeat(32)))
                .setCorrectionActionId("7b0e2c8e-0000-4000-8000-000000000001")
                .setRecordedAt(RECEIVED)
                .build();
    }

    static AuditAnchor auditAnchor() {
        return AuditAnchor.newBuilder()
                .setChainId("3").setTreeSize(43L).setRootHash("0a".repeat(32)).setPrevAnchorHash("0b".repeat(32))
                .setKeyId("dev-2026-03").setSignatureAlgorithm("Ed25519").setSignature("5a".repeat(64))
                .setSignedAt(RECEIVED).setObjectKey("anchors/3/43.json")
                .build();
    }

    static ReviewAction reviewAction() {
        return ReviewAction.newBuilder()
                .setActionId("7b0e2c8e-0000-4000-8000-000000000001")
                .setMessageId(MESSAGE_ID)
                .setKind("CORRECT")
                .setReviewer("reviewer-42")
                .setBasedOnDecisionVersion(1)
                .setPrimaryIntentOverride("CLAIM_UPDATE")
                .setIntentsOverride(List.of("CLAIM_UPDATE", "BILLING"))
                .setQueueOverride("CLAIMS_HANDLING")
                .setActionOverride("ATTACH_TO_CLAIM")
                .setIdentityStatusOverride("CONFIRMED")
                .setCustomerIdOverride("CU-1002345")
                .setPolicyIdOverride("KF-20481234")
                .setClaimIdOverride("SC-2026-004512")
                .setDraftId(null)
                .setReason("invoice belongs to the open claim")
                .setCreatedAt(RECEIVED)
                .build();
    }

    static IdentityIndexEntry identityIndexEntry() {
        return IdentityIndexEntry.newBuilder()
                .setIndexKey("email:familie.muster@example.de")
                .setMembers(List.of("CU-1002345", "CU-1002346"))
                .build();
    }

    static DeadLetter deadLetter() {
        return DeadLetter.newBuilder()
                .setReason("value is not Avro: unknown magic byte")
                .setErrorClass("org.apache.kafka.common.errors.SerializationException")
                .setStage("INGESTED")
                .setMessageId(null)
                .setSourceTopic("ieim.mail.received.v1")
                .setSourcePartition(2)
                .setSourceOffset(1337L)
                .setSourceTimestamp(RECEIVED)
                .setKey(ByteBuffer.wrap("k".getBytes()))
                .setPayload(ByteBuffer.wrap(new byte[] {0, 1, 2, 3}))
                .setPayloadSha256("054edec1d0211f624fed0cbca9d4f9400b0e491c43742af2c5b0abebf0c990d8")
                .setPayloadSizeBytes(4)
                .build();
    }
}
