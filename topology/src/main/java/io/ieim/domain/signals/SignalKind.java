package io.ieim.domain.signals;

/** Kinds of identifying signals (contract §4). */
public enum SignalKind {
    CLAIM_NUMBER,
    POLICY_NUMBER,
    CUSTOMER_NUMBER,
    SENDER_ADDRESS,
    PERSON_NAME,
    DATE_OF_BIRTH,
    POSTAL_CODE;

    public boolean isReference() {
        return this == CLAIM_NUMBER || this == POLICY_NUMBER || this == CUSTOMER_NUMBER;
    }
}
