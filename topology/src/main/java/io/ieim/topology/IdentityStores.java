package io.ieim.topology;

import io.ieim.avro.Claim;
import io.ieim.avro.Customer;
import io.ieim.avro.IdentityIndexEntry;
import io.ieim.avro.Policy;
import io.ieim.domain.identity.IdentityDirectory;
import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The identity directory over the topology's global stores: customers, policies and claims are
 * plain copies of the identity topics, the index a plain copy of the index topic.
 */
final class IdentityStores implements IdentityDirectory {

    static final String CUSTOMERS = "identity-customers";
    static final String POLICIES = "identity-policies";
    static final String CLAIMS = "identity-claims";
    static final String INDEX = "identity-index";

    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Customer>> customers;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> policies;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<Claim>> claims;
    private final ReadOnlyKeyValueStore<String, ValueAndTimestamp<IdentityIndexEntry>> index;

    IdentityStores(ReadOnlyKeyValueStore<String, ValueAndTimestamp<Customer>> customers,
                   ReadOnlyKeyValueStore<String, ValueAndTimestamp<Policy>> policies,
                   ReadOnlyKeyValueStore<String, ValueAndTimestamp<Claim>> claims,
                   ReadOnlyKeyValueStore<String, ValueAndTimestamp<IdentityIndexEntry>> index) {
        this.customers = customers;
        this.policies = policies;
        this.claims = claims;
        this.index = index;
    }

    private static <V> V get(ReadOnlyKeyValueStore<String, ValueAndTimestamp<V>> store, String key) {
        if (key == null) {
            return null;
        }
        ValueAndTimestamp<V> value = store.get(key);
        return value == null ? null : value.value();
    }

    @Override
    public Optional<CustomerRecord> customer(String customerId) {
        return Optional.ofNullable(get(customers, customerId)).map(IdentityMapping::customer);
    }

    @Override
    public Optional<PolicyRecord> policy(String policyId) {
        return Optional.ofNullable(get(policies, policyId)).map(IdentityMapping::policy);
    }

    @Override
    public Optional<ClaimRecord> claim(String claimId) {
        return Optional.ofNullable(get(claims, claimId)).map(IdentityMapping::claim);
    }

    @Override
    public List<String> customerIdsByEmail(String email) {
        return members(IdentityIndexKeys.email(email)).stream()
                .filter(id -> customer(id).isPresent()).toList();
    }

    @Override
    public List<PolicyRecord> policiesOfCustomer(String customerId) {
        return members(IdentityIndexKeys.policiesOf(customerId)).stream()
                .map(this::policy).flatMap(Optional::stream)
                .filter(p -> p.customerId().equals(customerId))
                .sorted(Comparator.comparing(PolicyRecord::policyId)).toList();
    }

    @Override
    public List<String> customerIdsByName(String normalizedName) {
        return members(IdentityIndexKeys.NAME + normalizedName).stream()
                .filter(id -> customer(id).isPresent()).toList();
    }

    private List<String> members(String key) {
        IdentityIndexEntry entry = get(index, key);
        return entry == null ? List.of() : entry.getMembers().stream().sorted().distinct().toList();
    }
}
