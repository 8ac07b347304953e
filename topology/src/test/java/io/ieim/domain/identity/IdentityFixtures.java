package io.ieim.domain.identity;

import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import io.ieim.domain.signals.Signal;
import io.ieim.domain.signals.SignalKind;
import io.ieim.spec.TextSource;

import java.time.LocalDate;
import java.util.List;

/** A small identity world for resolver tests (invented people). */
final class IdentityFixtures {

    private IdentityFixtures() {
    }

    /** Anna: one ACTIVE policy (KF-10000001) and one CANCELLED; two claims on the active one. */
    static final CustomerRecord ANNA = new CustomerRecord("CU-1000001", "Anna Meyer",
            List.of("anna.meyer@example.de"), "+49 30 1234567", LocalDate.of(1980, 4, 12), "10115");
    /** Bernd: shares the family address with Clara, has his own too; two ACTIVE policies. */
    static final CustomerRecord BERND = new CustomerRecord("CU-1000002", "Bernd Schulz",
            List.of("familie.schulz@example.de", "bernd@example.de"), null, LocalDate.of(1975, 1, 1), "20095");
    /** Clara: shares the family address; no policy. */
    static final CustomerRecord CLARA = new CustomerRecord("CU-1000003", "Clara Schulz",
            List.of("familie.schulz@example.de"), null, LocalDate.of(1978, 2, 2), "20095");
    /** Two customers with the same name: Dieter Müller (no ACTIVE policy) ... */
    static final CustomerRecord DIETER_MUNICH = new CustomerRecord("CU-1000004", "Dieter Müller",
            List.of(), null, LocalDate.of(1960, 6, 6), "80331");
    /** ... and Dieter Müller in Cologne (one ACTIVE policy). */
    static final CustomerRecord DIETER_COLOGNE = new CustomerRecord("CU-1000005", "Dieter Müller",
            List.of("d.mueller@example.com"), null, LocalDate.of(1970, 7, 7), "50667");
    /** Unrelated to every test mail: changing her must not change a digest. */
    static final CustomerRecord EVA = new CustomerRecord("CU-1000006", "Eva Klein",
            List.of("eva.klein@example.com"), null, LocalDate.of(1990, 9, 9), "01067");

    static final PolicyRecord ANNA_MOTOR = new PolicyRecord("KF-10000001", "CU-1000001", "KF", "ACTIVE",
            LocalDate.of(2020, 1, 1), null);
    static final PolicyRecord ANNA_HOME = new PolicyRecord("HR-10000002", "CU-1000001", "HR", "CANCELLED",
            LocalDate.of(2018, 1, 1), LocalDate.of(2021, 12, 31));
    static final PolicyRecord BERND_MOTOR = new PolicyRecord("KF-20000001", "CU-1000002", "KF", "ACTIVE",
            LocalDate.of(2019, 5, 1), null);
    static final PolicyRecord BERND_BUILDING = new PolicyRecord("WG-20000002", "CU-1000002", "WG", "ACTIVE",
            LocalDate.of(2015, 3, 1), null);
    static final PolicyRecord DIETER_MUNICH_LIABILITY = new PolicyRecord("PH-40000001", "CU-1000004", "PH",
            "LAPSED", LocalDate.of(2010, 1, 1), LocalDate.of(2012, 1, 1));
    static final PolicyRecord DIETER_COLOGNE_LIFE = new PolicyRecord("LV-50000001", "CU-1000005", "LV", "ACTIVE",
            LocalDate.of(2000, 1, 1), null);
    static final PolicyRecord EVA_TRAVEL = new PolicyRecord("RE-60000001", "CU-1000006", "RE", "ACTIVE",
            LocalDate.of(2024, 1, 1), null);
    /** Data inconsistency: a policy whose customer has no record (e.g. erased). */
    static final PolicyRecord ORPHAN_POLICY = new PolicyRecord("RS-70000001", "CU-1000099", "RS", "ACTIVE",
            LocalDate.of(2022, 1, 1), null);

    static final ClaimRecord ANNA_CLAIM = new ClaimRecord("SC-2026-000001", "KF-10000001", "OPEN",
            LocalDate.of(2026, 1, 10));
    static final ClaimRecord ANNA_OLD_CLAIM = new ClaimRecord("SC-2025-000003", "KF-10000001", "CLOSED",
            LocalDate.of(2025, 3, 3));
    static final ClaimRecord BERND_CLAIM = new ClaimRecord("SC-2026-000002", "KF-20000001", "OPEN",
            LocalDate.of(2026, 2, 2));
    /** Data inconsistency: a claim whose policy has no record. */
    static final ClaimRecord ORPHAN_CLAIM = new ClaimRecord("SC-2026-000099", "KF-99999999", "OPEN",
            LocalDate.of(2026, 2, 20));

    static InMemoryIdentityDirectory directory() {
        return builder().build();
    }

    static InMemoryIdentityDirectory.Builder builder() {
        return InMemoryIdentityDirectory.builder()
                .customers(List.of(ANNA, BERND, CLARA, DIETER_MUNICH, DIETER_COLOGNE, EVA))
                .policies(List.of(ANNA_MOTOR, ANNA_HOME, BERND_MOTOR, BERND_BUILDING, DIETER_MUNICH_LIABILITY,
                        DIETER_COLOGNE_LIFE, EVA_TRAVEL, ORPHAN_POLICY))
                .claims(List.of(ANNA_CLAIM, ANNA_OLD_CLAIM, BERND_CLAIM, ORPHAN_CLAIM));
    }

    static Signal signal(SignalKind kind, String value, TextSource source) {
        return new Signal(kind, value, source, -1, -1);
    }

    static Signal claim(String value, TextSource source) {
        return signal(SignalKind.CLAIM_NUMBER, value, source);
    }

    static Signal policy(String value, TextSource source) {
        return signal(SignalKind.POLICY_NUMBER, value, source);
    }

    static Signal customer(String value, TextSource source) {
        return signal(SignalKind.CUSTOMER_NUMBER, value, source);
    }

    static Signal sender(String address) {
        return signal(SignalKind.SENDER_ADDRESS, address, TextSource.SENDER);
    }

    static Signal name(String value) {
        return signal(SignalKind.PERSON_NAME, value, TextSource.NEW_TEXT);
    }

    static Signal dateOfBirth(String value) {
        return signal(SignalKind.DATE_OF_BIRTH, value, TextSource.NEW_TEXT);
    }

    static Signal postalCode(String value) {
        return signal(SignalKind.POSTAL_CODE, value, TextSource.NEW_TEXT);
    }
}
