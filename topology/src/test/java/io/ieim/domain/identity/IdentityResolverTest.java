package io.ieim.domain.identity;

import io.ieim.domain.identity.IdentityResolution.Candidate;
import io.ieim.domain.signals.Signal;
import io.ieim.domain.signals.SignalKind;
import io.ieim.spec.IdentityStatus;
import io.ieim.spec.TextSource;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

import static io.ieim.domain.identity.IdentityFixtures.*;
import static io.ieim.spec.TextSource.ATTACHMENT_NAME;
import static io.ieim.spec.TextSource.ATTACHMENT_TEXT;
import static io.ieim.spec.TextSource.HEADER;
import static io.ieim.spec.TextSource.NEW_TEXT;
import static io.ieim.spec.TextSource.QUOTED_TEXT;
import static io.ieim.spec.TextSource.SUBJECT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityResolverTest {

    private final IdentityResolver resolver = new IdentityResolver();
    private final InMemoryIdentityDirectory directory = directory();

    private IdentityResolution resolve(Signal... signals) {
        return resolver.resolve(List.of(signals), directory);
    }

    private static void assertIdentity(IdentityResolution r, IdentityStatus status, String customer, String policy,
                                       String claim, String reason) {
        assertThat(r.status()).as("status").isEqualTo(status);
        assertThat(r.customerId()).as("customer").isEqualTo(customer);
        assertThat(r.policyId()).as("policy").isEqualTo(policy);
        assertThat(r.claimId()).as("claim").isEqualTo(claim);
        assertThat(r.reason()).as("reason").isEqualTo(reason);
    }

    @Nested
    class References {

        @Test
        void existingClaimConfirmsClaimItsPolicyAndThePolicysCustomer() {
            IdentityResolution r = resolve(claim("SC-2026-000001", SUBJECT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "KF-10000001", "SC-2026-000001",
                    "claim-reference");
            assertThat(r.unmatchedReferences()).isEmpty();
            assertThat(r.candidates()).containsExactly(
                    new Candidate("CU-1000001", 1.0, List.of("CLAIM_NUMBER@SUBJECT")));
        }

        @Test
        void existingPolicyConfirmsPolicyAndCustomerWhateverItsStatus() {
            IdentityResolution r = resolve(policy("HR-10000002", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "HR-10000002", null, "policy-reference");
        }

        @Test
        void referencesFromAttachmentNameAndTextCountAsTheMailsOwn() {
            assertIdentity(resolve(policy("KF-20000001", ATTACHMENT_NAME)), IdentityStatus.CONFIRMED,
                    "CU-1000002", "KF-20000001", null, "policy-reference");
            assertIdentity(resolve(claim("SC-2026-000002", ATTACHMENT_TEXT)), IdentityStatus.CONFIRMED,
                    "CU-1000002", "KF-20000001", "SC-2026-000002", "claim-reference");
        }

        @Test
        void customerNumberWithExactlyOneActivePolicyFillsThatPolicy() {
            // Anna has KF-10000001 ACTIVE and HR-10000002 CANCELLED
            IdentityResolution r = resolve(customer("CU-1000001", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "KF-10000001", null, "customer-reference");
        }

        @Test
        void customerNumberWithTwoActivePoliciesLeavesThePolicyOpen() {
            IdentityResolution r = resolve(customer("CU-1000002", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", null, null, "customer-reference");
        }

        @Test
        void customerNumberWithoutActivePolicyLeavesThePolicyOpen() {
            IdentityResolution r = resolve(customer("CU-1000004", SUBJECT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000004", null, null, "customer-reference");
        }

        @Test
        void customerNumberWithoutAnyPolicyLeavesThePolicyOpen() {
            IdentityResolution r = resolve(customer("CU-1000003", SUBJECT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000003", null, null, "customer-reference");
        }

        @Test
        void claimAndAnotherPolicyOfTheSameCustomerKeepTheClaimsPolicy() {
            IdentityResolution r = resolve(claim("SC-2026-000001", SUBJECT), policy("HR-10000002", NEW_TEXT),
                    customer("CU-1000001", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "KF-10000001", "SC-2026-000001",
                    "claim-reference");
            assertThat(r.candidates()).containsExactly(new Candidate("CU-1000001", 1.0,
                    List.of("CLAIM_NUMBER@SUBJECT", "CUSTOMER_NUMBER@NEW_TEXT", "POLICY_NUMBER@NEW_TEXT")));
        }

        @Test
        void twoClaimsOfOneCustomerConfirmTheCustomerButNoClaim() {
            // both claims are on KF-10000001: the policy is certain, which claim is meant is not
            IdentityResolution r = resolve(claim("SC-2026-000001", SUBJECT), claim("SC-2025-000003", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "KF-10000001", null, "claim-reference");
        }

        @Test
        void twoPoliciesOfOneCustomerConfirmTheCustomerButNoPolicy() {
            IdentityResolution r = resolve(policy("KF-20000001", SUBJECT), policy("WG-20000002", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", null, null, "policy-reference");
        }

        @Test
        void claimAndPolicyOfDifferentCustomersAreAmbiguous() {
            IdentityResolution r = resolve(policy("KF-10000001", SUBJECT), claim("SC-2026-000002", NEW_TEXT));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "conflicting-references");
            assertThat(r.candidates()).containsExactly(
                    new Candidate("CU-1000001", 1.0, List.of("POLICY_NUMBER@SUBJECT")),
                    new Candidate("CU-1000002", 1.0, List.of("CLAIM_NUMBER@NEW_TEXT")));
        }

        @Test
        void customerNumbersOfTwoCustomersAreAmbiguous() {
            IdentityResolution r = resolve(customer("CU-1000001", SUBJECT), customer("CU-1000005", NEW_TEXT));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "conflicting-references");
            assertThat(r.candidates()).extracting(Candidate::customerId).containsExactly("CU-1000001", "CU-1000005");
        }

        @Test
        void referenceValuesAreComparedInCanonicalCase() {
            IdentityResolution r = resolve(policy(" kf-10000001 ", SUBJECT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "KF-10000001", null, "policy-reference");
        }

        @Test
        void referencesFromHeadersOrTheSenderAreIgnored() {
            IdentityResolution r = resolve(policy("KF-10000001", HEADER), customer("CU-1000002", TextSource.SENDER));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
            assertThat(r.unmatchedReferences()).isEmpty();
        }
    }

    @Nested
    class QuotedText {

        @Test
        void quotedReferenceIsUsedWhenTheNewTextHasNone() {
            IdentityResolution r = resolve(claim("SC-2026-000002", QUOTED_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", "KF-20000001", "SC-2026-000002",
                    "claim-reference");
            assertThat(r.candidates().get(0).matchedSignals()).containsExactly("CLAIM_NUMBER@QUOTED_TEXT");
        }

        @Test
        void quotedReferenceOfAnotherCustomerIsIgnoredWhenTheNewTextHasOne() {
            // new text: Bernd's policy; quoted: Anna's claim. Not ambiguous: the quote does not count.
            IdentityResolution r = resolve(policy("KF-20000001", NEW_TEXT), claim("SC-2026-000001", QUOTED_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", "KF-20000001", null, "policy-reference");
            assertThat(r.candidates()).extracting(Candidate::customerId).containsExactly("CU-1000002");
        }

        @Test
        void anUnmatchedReferenceInTheNewTextStillShutsOutTheQuotedOnes() {
            IdentityResolution r = resolve(policy("KF-77777777", NEW_TEXT), policy("KF-10000001", QUOTED_TEXT));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "unmatched-reference");
            assertThat(r.unmatchedReferences()).containsExactly("KF-77777777");
        }

        @Test
        void unmatchedQuotedReferencesAreReportedOnlyWhenQuotedReferencesAreUsed() {
            IdentityResolution used = resolve(policy("KF-77777777", QUOTED_TEXT));
            IdentityResolution unused = resolve(policy("KF-10000001", SUBJECT), policy("KF-77777777", QUOTED_TEXT));

            assertThat(used.unmatchedReferences()).containsExactly("KF-77777777");
            assertThat(unused.unmatchedReferences()).isEmpty();
        }

        @Test
        void quotedSenderAddressIsNotTheSender() {
            IdentityResolution r = resolve(new Signal(SignalKind.SENDER_ADDRESS, "anna.meyer@example.de",
                    QUOTED_TEXT, 10, 31));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
        }
    }

    @Nested
    class SenderAddress {

        @Test
        void addressOwnedByOneCustomerIsProbableWithTheOnlyActivePolicy() {
            IdentityResolution r = resolve(sender("anna.meyer@example.de"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000001", "KF-10000001", null, "sender-address");
            assertThat(r.candidates()).containsExactly(
                    new Candidate("CU-1000001", 0.7, List.of("SENDER_ADDRESS@SENDER")));
        }

        @Test
        void addressIsComparedCaseInsensitively() {
            IdentityResolution r = resolve(sender("  Anna.Meyer@EXAMPLE.de"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000001", "KF-10000001", null, "sender-address");
        }

        @Test
        void uniqueAddressOfACustomerWithTwoActivePoliciesLeavesThePolicyOpen() {
            IdentityResolution r = resolve(sender("bernd@example.de"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000002", null, null, "sender-address");
        }

        @Test
        void sharedFamilyAddressIsAmbiguous() {
            IdentityResolution r = resolve(sender("Familie.Schulz@example.de"));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "shared-sender-address");
            assertThat(r.candidates()).containsExactly(
                    new Candidate("CU-1000002", 0.4, List.of("SENDER_ADDRESS@SENDER")),
                    new Candidate("CU-1000003", 0.4, List.of("SENDER_ADDRESS@SENDER")));
        }

        @Test
        void sharedAddressStaysAmbiguousEvenWithNameAndDateOfBirthOfOneOwner() {
            IdentityResolution r = resolve(sender("familie.schulz@example.de"), name("Clara Schulz"),
                    dateOfBirth("1978-02-02"));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "shared-sender-address");
            assertThat(r.candidates()).extracting(Candidate::customerId, Candidate::score)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CU-1000002", 0.4),
                            org.assertj.core.groups.Tuple.tuple("CU-1000003", 0.6));
        }

        @Test
        void unknownAddressFindsNobody() {
            IdentityResolution r = resolve(sender("stranger@example.org"));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
            assertThat(r.candidates()).isEmpty();
        }

        @Test
        void referenceWinsOverASenderAddressOfAnotherCustomerAndTheMismatchIsRecorded() {
            // Anna writes about Bernd's policy: the mail is about Bernd's contract
            IdentityResolution r = resolve(sender("anna.meyer@example.de"), policy("KF-20000001", SUBJECT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", "KF-20000001", null, "policy-reference");
            assertThat(r.candidates()).containsExactly(
                    new Candidate("CU-1000001", 0.7, List.of("SENDER_ADDRESS@SENDER")),
                    new Candidate("CU-1000002", 1.0,
                            List.of("POLICY_NUMBER@SUBJECT", IdentityResolver.MARKER_SENDER_OTHER_CUSTOMER)));
        }

        @Test
        void senderAddressOfTheReferencedCustomerIsListedAsAMatchedSignal() {
            IdentityResolution r = resolve(sender("bernd@example.de"), claim("SC-2026-000002", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", "KF-20000001", "SC-2026-000002",
                    "claim-reference");
            assertThat(r.candidates()).containsExactly(new Candidate("CU-1000002", 1.0,
                    List.of("CLAIM_NUMBER@NEW_TEXT", "SENDER_ADDRESS@SENDER")));
        }

        @Test
        void unmatchedReferenceFallsBackToTheSenderAndIsStillReported() {
            IdentityResolution r = resolve(sender("anna.meyer@example.de"), policy("KF-10000002", SUBJECT));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000001", "KF-10000001", null, "sender-address");
            assertThat(r.unmatchedReferences()).containsExactly("KF-10000002");
        }
    }

    @Nested
    class NameWithDateOfBirthOrPostalCode {

        @Test
        void uniqueNameWithDateOfBirthIsProbable() {
            // two Dieter Müller exist; only the one in Cologne was born on 1970-07-07
            IdentityResolution r = resolve(name("Dieter Mueller"), dateOfBirth("1970-07-07"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000005", "LV-50000001", null, "name-and-date-of-birth");
            assertThat(r.candidates()).containsExactly(new Candidate("CU-1000005", 0.6,
                    List.of("DATE_OF_BIRTH@NEW_TEXT", "PERSON_NAME@NEW_TEXT")));
        }

        @Test
        void uniqueNameWithPostalCodeIsProbable() {
            IdentityResolution r = resolve(name("ANNA  MEYER"), postalCode("10115"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000001", "KF-10000001", null, "name-and-postal-code");
            assertThat(r.candidates().get(0).score()).isEqualTo(0.5);
        }

        @Test
        void nameWithBothMatchingPrefersTheDateOfBirthReason() {
            IdentityResolution r = resolve(name("Anna Meyer"), postalCode("10115"), dateOfBirth("1980-04-12"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000001", "KF-10000001", null, "name-and-date-of-birth");
        }

        @Test
        void nameMatchingTwoCustomersIsAmbiguous() {
            // the postal code fits the Munich Dieter, the date of birth the Cologne Dieter
            IdentityResolution r = resolve(name("Dieter Müller"), postalCode("80331"), dateOfBirth("1970-07-07"));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "ambiguous-name");
            assertThat(r.candidates()).extracting(Candidate::customerId).containsExactly("CU-1000004", "CU-1000005");
        }

        @Test
        void nameAloneFindsNobody() {
            IdentityResolution r = resolve(name("Anna Meyer"));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
            assertThat(r.candidates()).isEmpty();
        }

        @Test
        void nameWithAnotherDateOfBirthFindsNobody() {
            IdentityResolution r = resolve(name("Anna Meyer"), dateOfBirth("1980-04-13"), postalCode("10117"));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
        }

        @Test
        void dateOfBirthWithoutNameFindsNobody() {
            IdentityResolution r = resolve(dateOfBirth("1980-04-12"), postalCode("10115"));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
        }

        @Test
        void unparsableDateOfBirthIsIgnored() {
            IdentityResolution r = resolve(name("Anna Meyer"), dateOfBirth("12.04.1980"));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
        }

        @Test
        void senderOfOneCustomerAndNameOfAnotherConflict() {
            IdentityResolution r = resolve(sender("anna.meyer@example.de"), name("Dieter Müller"),
                    dateOfBirth("1970-07-07"));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "conflicting-signals");
            assertThat(r.candidates()).extracting(Candidate::customerId).containsExactly("CU-1000001", "CU-1000005");
        }

        @Test
        void senderAndNameOfTheSameCustomerAgree() {
            IdentityResolution r = resolve(sender("d.mueller@example.com"), name("Dieter Müller"),
                    dateOfBirth("1970-07-07"));

            assertIdentity(r, IdentityStatus.PROBABLE, "CU-1000005", "LV-50000001", null, "sender-address");
            assertThat(r.candidates()).containsExactly(new Candidate("CU-1000005", 0.7,
                    List.of("DATE_OF_BIRTH@NEW_TEXT", "PERSON_NAME@NEW_TEXT", "SENDER_ADDRESS@SENDER")));
        }
    }

    @Nested
    class NeverGuess {

        @Test
        void unknownReferencesAreReportedSortedAndDeduplicated() {
            IdentityResolution r = resolve(policy("KF-12345678", SUBJECT), claim("SC-2026-999999", NEW_TEXT),
                    policy("KF-12345678", NEW_TEXT), customer("CU-9999999", ATTACHMENT_NAME));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "unmatched-reference");
            assertThat(r.unmatchedReferences()).containsExactly("CU-9999999", "KF-12345678", "SC-2026-999999");
            assertThat(r.candidates()).isEmpty();
        }

        @Test
        void policyNumberWithOneWrongDigitIsNotMatchedToTheSimilarOne() {
            // KF-10000001 exists; KF-10000007 and KF-01000001 (transposed) do not
            IdentityResolution r = resolve(policy("KF-10000007", SUBJECT), policy("KF-01000001", NEW_TEXT));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, null, "unmatched-reference");
            assertThat(r.unmatchedReferences()).containsExactly("KF-01000001", "KF-10000007");
        }

        @Test
        void policyNumberWithAnotherLineCodeIsNotMatched() {
            IdentityResolution r = resolve(policy("HR-10000001", SUBJECT));

            assertThat(r.status()).isEqualTo(IdentityStatus.NOT_FOUND);
            assertThat(r.unmatchedReferences()).containsExactly("HR-10000001");
        }

        @Test
        void existingReferenceNextToAnUnmatchedOneConfirmsAndReportsTheOther() {
            IdentityResolution r = resolve(policy("KF-10000001", SUBJECT), claim("SC-2026-123456", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000001", "KF-10000001", null, "policy-reference");
            assertThat(r.unmatchedReferences()).containsExactly("SC-2026-123456");
        }

        @Test
        void noSignalsAtAllIsNotFound() {
            IdentityResolution empty = resolver.resolve(List.of(), directory);
            IdentityResolution nullList = resolver.resolve(null, directory);

            assertIdentity(empty, IdentityStatus.NOT_FOUND, null, null, null, "no-signal");
            assertThat(nullList).isEqualTo(empty);
        }

        @Test
        void directoryIsRequired() {
            assertThatThrownBy(() -> resolver.resolve(List.of(), null)).isInstanceOf(NullPointerException.class);
        }
    }

    @Nested
    class IncompleteIdentityData {

        @Test
        void claimWhosePolicyIsMissingFillsTheClaimOnlyAndDoesNotFallBackToTheSender() {
            IdentityResolution r = resolve(claim("SC-2026-000099", SUBJECT), sender("anna.meyer@example.de"));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, null, "SC-2026-000099", "policy-record-missing");
            assertThat(r.unmatchedReferences()).isEmpty();
            assertThat(r.candidates()).containsExactly(
                    new Candidate("CU-1000001", 0.7, List.of("SENDER_ADDRESS@SENDER")));
        }

        @Test
        void policyWhoseCustomerRecordIsMissingFillsThePolicyButNoCustomer() {
            IdentityResolution r = resolve(policy("RS-70000001", SUBJECT));

            assertIdentity(r, IdentityStatus.NOT_FOUND, null, "RS-70000001", null, "customer-record-missing");
            assertThat(r.candidates()).containsExactly(new Candidate("CU-1000099", 0.0,
                    List.of("POLICY_NUMBER@SUBJECT", IdentityResolver.MARKER_CUSTOMER_RECORD_MISSING)));
        }

        @Test
        void missingCustomerRecordStillConflictsWithAnotherCustomer() {
            IdentityResolution r = resolve(policy("RS-70000001", SUBJECT), customer("CU-1000001", NEW_TEXT));

            assertIdentity(r, IdentityStatus.AMBIGUOUS, null, null, null, "conflicting-references");
            assertThat(r.candidates()).extracting(Candidate::customerId).containsExactly("CU-1000001", "CU-1000099");
        }

        @Test
        void claimWithoutPolicyNextToAPolicyOfOneCustomerConfirmsThatCustomerWithoutTheClaim() {
            IdentityResolution r = resolve(claim("SC-2026-000099", SUBJECT), policy("KF-20000001", NEW_TEXT));

            assertIdentity(r, IdentityStatus.CONFIRMED, "CU-1000002", "KF-20000001", null, "policy-reference");
        }
    }

    @Nested
    class Determinism {

        @Test
        void signalOrderDoesNotMatter() {
            List<Signal> signals = new ArrayList<>(List.of(sender("familie.schulz@example.de"),
                    policy("KF-12345678", SUBJECT), name("Bernd Schulz"), dateOfBirth("1975-01-01"),
                    claim("SC-2026-999999", NEW_TEXT), postalCode("20095")));
            IdentityResolution first = resolver.resolve(signals, directory);
            Collections.reverse(signals);
            IdentityResolution reversed = resolver.resolve(signals, directory);

            assertThat(reversed).isEqualTo(first);
            assertThat(resolver.resolve(signals, directory())).isEqualTo(first);
        }
    }

    @Nested
    class SnapshotDigest {

        @Test
        void digestCoversExactlyTheConsultedRecordsInCanonicalOrder() throws Exception {
            IdentityResolution r = resolve(claim("SC-2026-000001", SUBJECT));

            String canonical = IdentityResolver.canonicalRecord(ANNA_CLAIM) + IdentityResolver.canonicalRecord(ANNA)
                    + IdentityResolver.canonicalRecord(ANNA_MOTOR);
            String expected = HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8)));
            assertThat(r.snapshotDigest()).isEqualTo(expected).matches("[0-9a-f]{64}");
        }

        @Test
        void canonicalRecordListsEveryFieldLengthPrefixed() {
            assertThat(IdentityResolver.canonicalRecord(ANNA)).isEqualTo(
                    "customer 10:CU-1000001 10:Anna Meyer [1 21:anna.meyer@example.de] 14:+49 30 1234567"
                            + " 10:1980-04-12 5:10115\n");
            assertThat(IdentityResolver.canonicalRecord(ANNA_HOME)).isEqualTo(
                    "policy 11:HR-10000002 10:CU-1000001 2:HR 9:CANCELLED 10:2018-01-01 10:2021-12-31\n");
            assertThat(IdentityResolver.canonicalRecord(BERND_MOTOR)).endsWith(" 10:2019-05-01 ~\n");
            assertThat(IdentityResolver.canonicalRecord(ANNA_CLAIM)).isEqualTo(
                    "claim 14:SC-2026-000001 11:KF-10000001 4:OPEN 10:2026-01-10\n");
        }

        @Test
        void digestIsStableAcrossDirectoryInstancesAndInsertionOrder() {
            InMemoryIdentityDirectory reordered = InMemoryIdentityDirectory.of(
                    List.of(EVA, DIETER_COLOGNE, DIETER_MUNICH, CLARA, BERND, ANNA),
                    List.of(ORPHAN_POLICY, EVA_TRAVEL, DIETER_COLOGNE_LIFE, DIETER_MUNICH_LIABILITY, BERND_BUILDING,
                            BERND_MOTOR, ANNA_HOME, ANNA_MOTOR),
                    List.of(ORPHAN_CLAIM, BERND_CLAIM, ANNA_OLD_CLAIM, ANNA_CLAIM));
            List<Signal> signals = List.of(customer("CU-1000001", SUBJECT), sender("familie.schulz@example.de"));

            assertThat(resolver.resolve(signals, reordered).snapshotDigest())
                    .isEqualTo(resolver.resolve(signals, directory).snapshotDigest());
        }

        @Test
        void changeOfAConsultedCustomerChangesTheDigest() {
            InMemoryIdentityDirectory changed = builder().customer(new IdentityRecords.CustomerRecord(
                    ANNA.customerId(), ANNA.fullName(), ANNA.emails(), ANNA.phone(), ANNA.dateOfBirth(), "10117"))
                    .build();
            List<Signal> signals = List.of(claim("SC-2026-000001", SUBJECT));

            IdentityResolution before = resolver.resolve(signals, directory);
            IdentityResolution after = resolver.resolve(signals, changed);
            assertThat(after.snapshotDigest()).isNotEqualTo(before.snapshotDigest());
            assertThat(after.customerId()).isEqualTo(before.customerId());
        }

        @Test
        void changeOfAConsultedPolicyOrClaimChangesTheDigest() {
            List<Signal> signals = List.of(claim("SC-2026-000001", SUBJECT));
            String before = resolver.resolve(signals, directory).snapshotDigest();

            InMemoryIdentityDirectory closedClaim = builder().claim(new IdentityRecords.ClaimRecord(
                    ANNA_CLAIM.claimId(), ANNA_CLAIM.policyId(), "CLOSED", ANNA_CLAIM.lossDate())).build();
            InMemoryIdentityDirectory endedPolicy = builder().policy(new IdentityRecords.PolicyRecord(
                    ANNA_MOTOR.policyId(), ANNA_MOTOR.customerId(), ANNA_MOTOR.productLine(), ANNA_MOTOR.status(),
                    ANNA_MOTOR.startDate(), java.time.LocalDate.of(2030, 1, 1))).build();

            assertThat(resolver.resolve(signals, closedClaim).snapshotDigest()).isNotEqualTo(before);
            assertThat(resolver.resolve(signals, endedPolicy).snapshotDigest()).isNotEqualTo(before);
        }

        @Test
        void policiesListedForTheActivePolicyRuleAreConsulted() {
            // CU-1000001 without policy: the digest depends on Anna's policies, e.g. the cancelled one
            List<Signal> signals = List.of(customer("CU-1000001", SUBJECT));
            String before = resolver.resolve(signals, directory).snapshotDigest();
            InMemoryIdentityDirectory changed = builder().policy(new IdentityRecords.PolicyRecord(
                    ANNA_HOME.policyId(), ANNA_HOME.customerId(), "HR", "LAPSED", ANNA_HOME.startDate(),
                    ANNA_HOME.endDate())).build();

            assertThat(resolver.resolve(signals, changed).snapshotDigest()).isNotEqualTo(before);
        }

        @Test
        void changeOfAnUnrelatedRecordKeepsTheDigest() {
            List<Signal> signals = List.of(claim("SC-2026-000001", SUBJECT), sender("anna.meyer@example.de"));
            String before = resolver.resolve(signals, directory).snapshotDigest();
            InMemoryIdentityDirectory changed = builder()
                    .customer(new IdentityRecords.CustomerRecord(EVA.customerId(), "Eva Groß", EVA.emails(), "0123",
                            EVA.dateOfBirth(), EVA.postalCode()))
                    .policy(new IdentityRecords.PolicyRecord(EVA_TRAVEL.policyId(), EVA_TRAVEL.customerId(), "RE",
                            "CANCELLED", EVA_TRAVEL.startDate(), null))
                    .removeClaim(BERND_CLAIM.claimId())
                    .build();

            assertThat(resolver.resolve(signals, changed).snapshotDigest()).isEqualTo(before);
        }

        @Test
        void newOwnerOfTheSenderAddressChangesTheDigestAndTheOutcome() {
            List<Signal> signals = List.of(sender("anna.meyer@example.de"));
            IdentityResolution before = resolver.resolve(signals, directory);
            InMemoryIdentityDirectory shared = builder().customer(new IdentityRecords.CustomerRecord(EVA.customerId(),
                    EVA.fullName(), List.of("eva.klein@example.com", "ANNA.MEYER@example.de"), null,
                    EVA.dateOfBirth(), EVA.postalCode())).build();
            IdentityResolution after = resolver.resolve(signals, shared);

            assertThat(after.status()).isEqualTo(IdentityStatus.AMBIGUOUS);
            assertThat(after.snapshotDigest()).isNotEqualTo(before.snapshotDigest());
        }

        @Test
        void nothingConsultedGivesTheDigestOfTheEmptySerialization() throws Exception {
            String empty = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[0]));

            assertThat(resolve(policy("KF-12345678", SUBJECT)).snapshotDigest()).isEqualTo(empty);
        }
    }
}
