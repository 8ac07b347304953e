package io.ieim.domain.identity;

import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An immutable, map-backed {@link IdentityDirectory} for tests and tools. A later record with the same
 * id replaces an earlier one, as on the compacted identity topics. Addresses are indexed lower-cased
 * and trimmed (looked up case-insensitively), names by {@link Names#normalize}; every list is sorted
 * by id.
 */
public final class InMemoryIdentityDirectory implements IdentityDirectory {

    private final Map<String, CustomerRecord> customers;
    private final Map<String, PolicyRecord> policies;
    private final Map<String, ClaimRecord> claims;
    private final Map<String, List<String>> customersByEmail;
    private final Map<String, List<String>> customersByName;
    private final Map<String, List<PolicyRecord>> policiesByCustomer;

    private InMemoryIdentityDirectory(Builder b) {
        this.customers = copySorted(b.customers);
        this.policies = copySorted(b.policies);
        this.claims = copySorted(b.claims);
        Map<String, SortedSet<String>> byEmail = new TreeMap<>();
        Map<String, SortedSet<String>> byName = new TreeMap<>();
        for (CustomerRecord c : customers.values()) {
            for (String email : c.emails()) {
                String key = emailKey(email);
                if (!key.isEmpty()) {
                    byEmail.computeIfAbsent(key, k -> new TreeSet<>()).add(c.customerId());
                }
            }
            String name = Names.normalize(c.fullName());
            if (!name.isEmpty()) {
                byName.computeIfAbsent(name, k -> new TreeSet<>()).add(c.customerId());
            }
        }
        Map<String, List<PolicyRecord>> byCustomer = new TreeMap<>();
        for (PolicyRecord p : policies.values()) { // values are in policy id order
            if (p.customerId() != null) {
                byCustomer.computeIfAbsent(p.customerId(), k -> new ArrayList<>()).add(p);
            }
        }
        this.customersByEmail = freezeSets(byEmail);
        this.customersByName = freezeSets(byName);
        Map<String, List<PolicyRecord>> frozen = new TreeMap<>();
        byCustomer.forEach((k, v) -> frozen.put(k, List.copyOf(v)));
        this.policiesByCustomer = java.util.Collections.unmodifiableMap(frozen);
    }

    /** A directory holding the given records; a later record with the same id wins. */
    public static InMemoryIdentityDirectory of(Collection<CustomerRecord> customers,
                                               Collection<PolicyRecord> policies,
                                               Collection<ClaimRecord> claims) {
        return builder().customers(customers).policies(policies).claims(claims).build();
    }

    /** An empty directory. */
    public static InMemoryIdentityDirectory empty() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** A builder that starts from this directory's records (to apply changes to a copy). */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.customers.putAll(customers);
        b.policies.putAll(policies);
        b.claims.putAll(claims);
        return b;
    }

    @Override
    public Optional<CustomerRecord> customer(String customerId) {
        return customerId == null ? Optional.empty() : Optional.ofNullable(customers.get(customerId));
    }

    @Override
    public Optional<PolicyRecord> policy(String policyId) {
        return policyId == null ? Optional.empty() : Optional.ofNullable(policies.get(policyId));
    }

    @Override
    public Optional<ClaimRecord> claim(String claimId) {
        return claimId == null ? Optional.empty() : Optional.ofNullable(claims.get(claimId));
    }

    @Override
    public List<String> customerIdsByEmail(String email) {
        return email == null ? List.of() : customersByEmail.getOrDefault(emailKey(email), List.of());
    }

    @Override
    public List<PolicyRecord> policiesOfCustomer(String customerId) {
        return customerId == null ? List.of() : policiesByCustomer.getOrDefault(customerId, List.of());
    }

    @Override
    public List<String> customerIdsByName(String normalizedName) {
        if (normalizedName == null) {
            return List.of();
        }
        // normalize is idempotent: a caller passing a raw name still gets the same key as the index
        return customersByName.getOrDefault(Names.normalize(normalizedName), List.of());
    }

    /** Every customer, sorted by id. */
    public List<CustomerRecord> customers() {
        return List.copyOf(customers.values());
    }

    /** Every policy, sorted by id. */
    public List<PolicyRecord> policies() {
        return List.copyOf(policies.values());
    }

    /** Every claim, sorted by id. */
    public List<ClaimRecord> claims() {
        return List.copyOf(claims.values());
    }

    static String emailKey(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static <T> Map<String, T> copySorted(Map<String, T> source) {
        return java.util.Collections.unmodifiableMap(new TreeMap<>(source));
    }

    private static Map<String, List<String>> freezeSets(Map<String, SortedSet<String>> source) {
        Map<String, List<String>> out = new TreeMap<>();
        source.forEach((k, v) -> out.put(k, List.copyOf(v)));
        return java.util.Collections.unmodifiableMap(out);
    }

    /** Collects records; a later record (or removal) for the same id replaces the earlier one. */
    public static final class Builder {

        private final Map<String, CustomerRecord> customers = new TreeMap<>();
        private final Map<String, PolicyRecord> policies = new TreeMap<>();
        private final Map<String, ClaimRecord> claims = new TreeMap<>();

        private Builder() {
        }

        public Builder customer(CustomerRecord customer) {
            Objects.requireNonNull(customer, "customer");
            customers.put(Objects.requireNonNull(customer.customerId(), "customerId"), customer);
            return this;
        }

        public Builder policy(PolicyRecord policy) {
            Objects.requireNonNull(policy, "policy");
            policies.put(Objects.requireNonNull(policy.policyId(), "policyId"), policy);
            return this;
        }

        public Builder claim(ClaimRecord claim) {
            Objects.requireNonNull(claim, "claim");
            claims.put(Objects.requireNonNull(claim.claimId(), "claimId"), claim);
            return this;
        }

        public Builder customers(Collection<CustomerRecord> records) {
            records.forEach(this::customer);
            return this;
        }

        public Builder policies(Collection<PolicyRecord> records) {
            records.forEach(this::policy);
            return this;
        }

        public Builder claims(Collection<ClaimRecord> records) {
            records.forEach(this::claim);
            return this;
        }

        public Builder removeCustomer(String customerId) {
            customers.remove(customerId);
            return this;
        }

        public Builder removePolicy(String policyId) {
            policies.remove(policyId);
            return this;
        }

        public Builder removeClaim(String claimId) {
            claims.remove(claimId);
            return this;
        }

        public InMemoryIdentityDirectory build() {
            return new InMemoryIdentityDirectory(this);
        }
    }
}
