package io.ieim.domain.identity;

import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;

import java.util.List;
import java.util.Optional;

/**
 * Read access to the identity data. The topology backs it with local state stores; tests back it
 * with maps. Every list is sorted by id so that resolution is deterministic.
 */
public interface IdentityDirectory {

    Optional<CustomerRecord> customer(String customerId);

    Optional<PolicyRecord> policy(String policyId);

    Optional<ClaimRecord> claim(String claimId);

    /** Customers owning the address (compared case-insensitively), sorted by id. */
    List<String> customerIdsByEmail(String email);

    /** Policies of a customer, sorted by id. */
    List<PolicyRecord> policiesOfCustomer(String customerId);

    /** Customers whose normalized full name equals the given one ({@link Names#normalize}), sorted by id. */
    List<String> customerIdsByName(String normalizedName);
}
