package io.ieim.domain.identity;

import java.time.LocalDate;
import java.util.List;

/** The identity data of contract §3, as the resolver sees it. */
public final class IdentityRecords {

    private IdentityRecords() {
    }

    /** emails lower-cased; fullName as written. */
    public record CustomerRecord(String customerId, String fullName, List<String> emails, String phone,
                                 LocalDate dateOfBirth, String postalCode) {
        public CustomerRecord {
            emails = List.copyOf(emails);
        }
    }

    /** status ACTIVE, CANCELLED or LAPSED; endDate may be null. */
    public record PolicyRecord(String policyId, String customerId, String productLine, String status,
                               LocalDate startDate, LocalDate endDate) {
        public boolean active() {
            return "ACTIVE".equals(status);
        }
    }

    /** status OPEN or CLOSED. */
    public record ClaimRecord(String claimId, String policyId, String status, LocalDate lossDate) {
    }
}
