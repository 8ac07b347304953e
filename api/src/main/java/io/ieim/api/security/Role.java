package io.ieim.api.security;

import java.util.Arrays;
import java.util.Optional;

/** The roles a token carries in its {@code roles} claim, each granted as authority {@code ROLE_<claim>}. */
public enum Role {
    REVIEWER("reviewer"),
    APPROVER("approver"),
    PRIVACY_OFFICER("privacy_officer"),
    AUDITOR("auditor"),
    ADMIN("admin"),
    /** Service accounts that upload mail (POST /api/v1/mails); they read nothing. */
    INGEST("ingest");

    private final String claim;

    Role(String claim) {
        this.claim = claim;
    }

    /** The value in the token's {@code roles} claim and in the OpenAPI document's {@code x-required-roles}. */
    public String claim() {
        return claim;
    }

    public String authority() {
        return "ROLE_" + claim;
    }

    public static Optional<Role> fromAuthority(String authority) {
        return Arrays.stream(values()).filter(r -> r.authority().equals(authority)).findFirst();
    }

    public static Role fromClaim(String claim) {
        return Arrays.stream(values()).filter(r -> r.claim.equals(claim)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown role " + claim));
    }
}
