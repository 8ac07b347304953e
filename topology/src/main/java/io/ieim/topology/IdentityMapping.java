package io.ieim.topology;

import io.ieim.avro.Claim;
import io.ieim.avro.Customer;
import io.ieim.avro.Policy;
import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;

import java.util.Locale;

/** Avro identity records to the domain's and back. */
public final class IdentityMapping {

    private IdentityMapping() {
    }

    public static CustomerRecord customer(Customer c) {
        return new CustomerRecord(c.getCustomerId(), c.getFullName(),
                c.getEmails().stream().map(e -> e.trim().toLowerCase(Locale.ROOT)).sorted().toList(),
                c.getPhone(), c.getDateOfBirth(), c.getPostalCode());
    }

    public static PolicyRecord policy(Policy p) {
        return new PolicyRecord(p.getPolicyId(), p.getCustomerId(), p.getProductLine(), p.getStatus(),
                p.getStartDate(), p.getEndDate());
    }

    public static ClaimRecord claim(Claim c) {
        return new ClaimRecord(c.getClaimId(), c.getPolicyId(), c.getStatus(), c.getLossDate());
    }

    public static Customer avro(CustomerRecord c) {
        return Customer.newBuilder().setCustomerId(c.customerId()).setFullName(c.fullName())
                .setEmails(c.emails()).setPhone(c.phone()).setDateOfBirth(c.dateOfBirth())
                .setPostalCode(c.postalCode()).build();
    }

    public static Policy avro(PolicyRecord p) {
        return Policy.newBuilder().setPolicyId(p.policyId()).setCustomerId(p.customerId())
                .setProductLine(p.productLine()).setStatus(p.status()).setStartDate(p.startDate())
                .setEndDate(p.endDate()).build();
    }

    public static Claim avro(ClaimRecord c) {
        return Claim.newBuilder().setClaimId(c.claimId()).setPolicyId(c.policyId()).setStatus(c.status())
                .setLossDate(c.lossDate()).build();
    }
}
