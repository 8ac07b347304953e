package io.ieim.domain.identity;

import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static io.ieim.domain.identity.IdentityFixtures.*;
import static org.assertj.core.api.Assertions.assertThat;

class InMemoryIdentityDirectoryTest {

    private final InMemoryIdentityDirectory directory = directory();

    @Test
    void looksUpRecordsById() {
        assertThat(directory.customer("CU-1000001")).contains(ANNA);
        assertThat(directory.policy("KF-20000001")).contains(BERND_MOTOR);
        assertThat(directory.claim("SC-2026-000001")).contains(ANNA_CLAIM);
        assertThat(directory.customer("CU-0000000")).isEmpty();
        assertThat(directory.policy(null)).isEmpty();
        assertThat(directory.claim("sc-2026-000001")).as("ids are exact").isEmpty();
    }

    @Test
    void emailIndexIsCaseInsensitiveAndSortedById() {
        assertThat(directory.customerIdsByEmail("FAMILIE.Schulz@Example.de ")).containsExactly("CU-1000002", "CU-1000003");
        assertThat(directory.customerIdsByEmail("bernd@example.de")).containsExactly("CU-1000002");
        assertThat(directory.customerIdsByEmail("nobody@example.de")).isEmpty();
        assertThat(directory.customerIdsByEmail(null)).isEmpty();
    }

    @Test
    void nameIndexUsesTheNormalizedName() {
        assertThat(directory.customerIdsByName(Names.normalize("Dieter Mueller")))
                .containsExactly("CU-1000004", "CU-1000005");
        assertThat(directory.customerIdsByName("dieter müller")).as("raw names are normalized too")
                .containsExactly("CU-1000004", "CU-1000005");
        assertThat(directory.customerIdsByName("dieter muller")).isEmpty();
    }

    @Test
    void policiesOfACustomerAreSortedById() {
        assertThat(directory.policiesOfCustomer("CU-1000001")).containsExactly(ANNA_HOME, ANNA_MOTOR);
        assertThat(directory.policiesOfCustomer("CU-1000003")).isEmpty();
        assertThat(directory.policiesOfCustomer("CU-1000099")).as("policy of a customer without record")
                .containsExactly(ORPHAN_POLICY);
    }

    @Test
    void allListsAreSortedById() {
        assertThat(directory.customers()).extracting(CustomerRecord::customerId)
                .containsExactly("CU-1000001", "CU-1000002", "CU-1000003", "CU-1000004", "CU-1000005", "CU-1000006");
        assertThat(directory.policies()).extracting(PolicyRecord::policyId).isSorted();
        assertThat(directory.claims()).extracting(IdentityRecords.ClaimRecord::claimId)
                .containsExactly("SC-2025-000003", "SC-2026-000001", "SC-2026-000002", "SC-2026-000099");
    }

    @Test
    void laterRecordReplacesTheEarlierOneAndItsIndexEntries() {
        CustomerRecord moved = new CustomerRecord("CU-1000001", "Anna Schmidt", List.of("anna@new.example"), null,
                LocalDate.of(1980, 4, 12), "10117");
        PolicyRecord transferred = new PolicyRecord("HR-10000002", "CU-1000002", "HR", "ACTIVE",
                LocalDate.of(2018, 1, 1), null);
        InMemoryIdentityDirectory changed = directory.toBuilder().customer(moved).policy(transferred).build();

        assertThat(changed.customer("CU-1000001")).contains(moved);
        assertThat(changed.customerIdsByEmail("anna.meyer@example.de")).isEmpty();
        assertThat(changed.customerIdsByEmail("anna@new.example")).containsExactly("CU-1000001");
        assertThat(changed.customerIdsByName("anna meyer")).isEmpty();
        assertThat(changed.customerIdsByName("anna schmidt")).containsExactly("CU-1000001");
        assertThat(changed.policiesOfCustomer("CU-1000001")).containsExactly(ANNA_MOTOR);
        assertThat(changed.policiesOfCustomer("CU-1000002")).containsExactly(transferred, BERND_MOTOR, BERND_BUILDING);
        assertThat(directory.customer("CU-1000001")).as("the original is unchanged").contains(ANNA);
    }

    @Test
    void removalDropsTheRecordAndItsIndexEntries() {
        InMemoryIdentityDirectory changed = directory.toBuilder()
                .removeCustomer("CU-1000003").removePolicy("KF-10000001").removeClaim("SC-2026-000001").build();

        assertThat(changed.customer("CU-1000003")).isEmpty();
        assertThat(changed.customerIdsByEmail("familie.schulz@example.de")).containsExactly("CU-1000002");
        assertThat(changed.policiesOfCustomer("CU-1000001")).containsExactly(ANNA_HOME);
        assertThat(changed.claim("SC-2026-000001")).isEmpty();
    }

    @Test
    void emptyDirectoryFindsNothing() {
        InMemoryIdentityDirectory empty = InMemoryIdentityDirectory.empty();

        assertThat(empty.customers()).isEmpty();
        assertThat(empty.customerIdsByName("anna meyer")).isEmpty();
        assertThat(empty.policiesOfCustomer("CU-1000001")).isEmpty();
    }
}
