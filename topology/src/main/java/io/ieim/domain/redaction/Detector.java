package io.ieim.domain.redaction;

/**
 * The personal-data detectors of the redactor, in priority order: where two findings overlap, the one
 * listed first wins (a validated IBAN beats a phone-number look-alike).
 */
public enum Detector {
    /** e-mail address; hashed value: lower-cased address */
    EMAIL("EMAIL"),
    /** IBAN with a valid ISO 13616 mod-97 checksum (and the country's length where known); value: compact upper case */
    IBAN("IBAN"),
    /** payment card number, 13-19 digits, first digit 2-6, Luhn-valid; value: digits */
    PAYMENT_CARD("CARD"),
    /** US social security number AAA-GG-SSSS without the invalid areas 000, 666, 9xx, group 00, serial 0000 */
    SSN_US("SSN"),
    /** German tax id (Steuer-IdNr): 11 digits, ISO 7064 MOD 11,10 check digit, one digit repeated in the first 10 */
    TAX_ID_DE("TAX_ID"),
    /** a date right after geb./geboren/Geburtsdatum/born/date of birth/DOB; value: ISO date */
    DATE_OF_BIRTH("DOB"),
    /** phone number in German or international format (not a date, not an insurance reference); value: digits with + */
    PHONE("PHONE"),
    /** a health or special-category term from the policy's word list; value: lower-cased term */
    HEALTH_TERM("HEALTH");

    private final String label;

    Detector(String label) {
        this.label = label;
    }

    /** The label inside placeholders: «IBAN», «EMAIL:3f2a...». */
    public String label() {
        return label;
    }
}
