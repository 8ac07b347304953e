package io.ieim.topology;

import io.ieim.avro.Customer;
import io.ieim.avro.Policy;
import io.ieim.domain.identity.Names;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The index keys an identity record contributes to the identity index (spec: IDENTITY_INDEX). */
public final class IdentityIndexKeys {

    public static final String EMAIL = "email:";
    public static final String NAME = "name:";
    public static final String POLICIES_OF = "policies-of:";

    private IdentityIndexKeys() {
    }

    public static String email(String address) {
        return EMAIL + address.trim().toLowerCase(Locale.ROOT);
    }

    public static String name(String fullName) {
        return NAME + Names.normalize(fullName);
    }

    public static String policiesOf(String customerId) {
        return POLICIES_OF + customerId;
    }

    static Set<String> of(Customer customer) {
        Set<String> keys = new TreeSet<>();
        if (customer == null) {
            return keys;
        }
        customer.getEmails().stream().filter(e -> !e.isBlank()).forEach(e -> keys.add(email(e)));
        if (!Names.normalize(customer.getFullName()).isEmpty()) {
            keys.add(name(customer.getFullName()));
        }
        return keys;
    }

    static Set<String> of(Policy policy) {
        Set<String> keys = new TreeSet<>();
        if (policy != null) {
            keys.add(policiesOf(policy.getCustomerId()));
        }
        return keys;
    }
}
