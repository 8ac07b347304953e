package io.ieim.domain.identity.csv;

import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import io.ieim.domain.identity.InMemoryIdentityDirectory;

import java.util.Objects;

/** The three identity files of one import, each checked on its own and against the others. */
public record IdentityImport(IdentityCsvFile<CustomerRecord> customers,
                             IdentityCsvFile<PolicyRecord> policies,
                             IdentityCsvFile<ClaimRecord> claims) {

    public IdentityImport {
        Objects.requireNonNull(customers, "customers");
        Objects.requireNonNull(policies, "policies");
        Objects.requireNonNull(claims, "claims");
    }

    /** Applies every change in file order (customers, policies, claims) to the builder. */
    public InMemoryIdentityDirectory.Builder applyTo(InMemoryIdentityDirectory.Builder builder) {
        for (IdentityChange<CustomerRecord> c : customers.changes()) {
            if (c.isDelete()) {
                builder.removeCustomer(c.id());
            } else {
                builder.customer(c.record());
            }
        }
        for (IdentityChange<PolicyRecord> c : policies.changes()) {
            if (c.isDelete()) {
                builder.removePolicy(c.id());
            } else {
                builder.policy(c.record());
            }
        }
        for (IdentityChange<ClaimRecord> c : claims.changes()) {
            if (c.isDelete()) {
                builder.removeClaim(c.id());
            } else {
                builder.claim(c.record());
            }
        }
        return builder;
    }

    /** The directory this import yields on an empty store. */
    public InMemoryIdentityDirectory toDirectory() {
        return applyTo(InMemoryIdentityDirectory.builder()).build();
    }
}
