package io.ieim.domain.identity.csv;

import io.ieim.domain.identity.IdentityRecords.ClaimRecord;
import io.ieim.domain.identity.IdentityRecords.CustomerRecord;
import io.ieim.domain.identity.IdentityRecords.PolicyRecord;
import io.ieim.domain.identity.InMemoryIdentityDirectory;
import io.ieim.domain.identity.csv.IdentityCsvReader.CsvInput;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class IdentityCsvReaderTest {

    static final String CUSTOMERS_HEADER = "customer_id,full_name,email,phone,date_of_birth,postal_code\n";
    static final String POLICIES_HEADER = "policy_id,customer_id,product_line,status,start_date,end_date\n";
    static final String CLAIMS_HEADER = "claim_id,policy_id,status,loss_date\n";

    static final String CUSTOMERS = CUSTOMERS_HEADER
            + "CU-1000001,Anna Meyer,Anna.Meyer@Example.de,+49 30 1234567,1980-04-12,10115\n"
            + "CU-1000002,\"Schulz, Bernd\",\"familie.schulz@example.de; BERND@example.de;\",,1975-01-01,20095\n"
            + "CU-1000003,Clara Schulz,familie.schulz@example.de,,,\n";
    static final String POLICIES = POLICIES_HEADER
            + "KF-10000001,CU-1000001,KF,ACTIVE,2020-01-01,\n"
            + "HR-10000002,CU-1000001,home contents,CANCELLED,2018-01-01,2021-12-31\n"
            + "WG-20000002,CU-1000002,Wohngebäude Plus,ACTIVE,2015-03-01,\n";
    static final String CLAIMS = CLAIMS_HEADER
            + "SC-2026-000001,KF-10000001,OPEN,2026-01-10\n"
            + "SC-2025-000003,KF-10000001,CLOSED,2025-03-03\n";

    private final IdentityCsvReader reader = new IdentityCsvReader();

    private static CsvInput customers(String text) {
        return CsvInput.ofString("customers.csv", text);
    }

    private static CsvInput policies(String text) {
        return CsvInput.ofString("policies.csv", text);
    }

    private static CsvInput claims(String text) {
        return CsvInput.ofString("claims.csv", text);
    }

    private IdentityImport read(String customers, String policies, String claims) {
        return reader.read(customers(customers), policies(policies), claims(claims));
    }

    /** Asserts the one-line message of the failure. */
    private static void assertFails(Runnable read, String message) {
        assertThatThrownBy(read::run)
                .isInstanceOf(IdentityCsvException.class)
                .hasMessage(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n", "\r"));
    }

    @Nested
    class HappyPath {

        @Test
        void readsTheThreeFilesIntoOrderedChangesWithLineNumbers() {
            IdentityImport result = read(CUSTOMERS, POLICIES, CLAIMS);

            assertThat(result.customers().fileName()).isEqualTo("customers.csv");
            assertThat(result.customers().changes()).containsExactly(
                    IdentityChange.upsert("CU-1000001", new CustomerRecord("CU-1000001", "Anna Meyer",
                            List.of("anna.meyer@example.de"), "+49 30 1234567", LocalDate.of(1980, 4, 12), "10115"), 2),
                    IdentityChange.upsert("CU-1000002", new CustomerRecord("CU-1000002", "Schulz, Bernd",
                            List.of("familie.schulz@example.de", "bernd@example.de"), null, LocalDate.of(1975, 1, 1),
                            "20095"), 3),
                    IdentityChange.upsert("CU-1000003", new CustomerRecord("CU-1000003", "Clara Schulz",
                            List.of("familie.schulz@example.de"), null, null, null), 4));
            assertThat(result.policies().changes()).extracting(IdentityChange::record).containsExactly(
                    new PolicyRecord("KF-10000001", "CU-1000001", "KF", "ACTIVE", LocalDate.of(2020, 1, 1), null),
                    new PolicyRecord("HR-10000002", "CU-1000001", "home contents", "CANCELLED",
                            LocalDate.of(2018, 1, 1), LocalDate.of(2021, 12, 31)),
                    new PolicyRecord("WG-20000002", "CU-1000002", "Wohngebäude Plus", "ACTIVE",
                            LocalDate.of(2015, 3, 1), null));
            assertThat(result.claims().changes()).containsExactly(
                    IdentityChange.upsert("SC-2026-000001", new ClaimRecord("SC-2026-000001", "KF-10000001", "OPEN",
                            LocalDate.of(2026, 1, 10)), 2),
                    IdentityChange.upsert("SC-2025-000003", new ClaimRecord("SC-2025-000003", "KF-10000001", "CLOSED",
                            LocalDate.of(2025, 3, 3)), 3));
            assertThat(result.customers().duplicateIds()).isZero();
        }

        @Test
        void resultBuildsADirectory() {
            InMemoryIdentityDirectory directory = read(CUSTOMERS, POLICIES, CLAIMS).toDirectory();

            assertThat(directory.customerIdsByEmail("familie.schulz@example.de"))
                    .containsExactly("CU-1000002", "CU-1000003");
            assertThat(directory.policiesOfCustomer("CU-1000001")).hasSize(2);
            assertThat(directory.claim("SC-2026-000001")).isPresent();
        }

        @Test
        void byteOrderMarkIsSkipped() {
            byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes(bom);
            bytes.writeBytes(CUSTOMERS.getBytes(StandardCharsets.UTF_8));

            IdentityCsvFile<CustomerRecord> file = reader.readCustomers(new CsvInput("customers.csv", bytes.toByteArray()));

            assertThat(file.changes()).hasSize(3);
            assertThat(file.changes().get(0).id()).isEqualTo("CU-1000001");
        }

        @Test
        void quotedFieldsMayHoldCommasQuotesAndLineBreaksAndLaterLinesAreCountedRight() {
            String text = CUSTOMERS_HEADER
                    + "CU-1000001,\"Meyer, Anna \"\"Anni\"\"\",\"anna@example.de;\r\nanni@example.de\",,,\n"
                    + "CU-1000002,Bernd Schulz,,,,\n"
                    + "CU-1000003,Clara Schulz,,,1978-02-31,\n";

            assertFails(() -> reader.readCustomers(customers(text)),
                    "customers.csv:5: date_of_birth is not an ISO date (yyyy-MM-dd)");
            IdentityCsvFile<CustomerRecord> file = reader.readCustomers(customers(text.replace("1978-02-31", "")));
            assertThat(file.changes().get(0).record().fullName()).isEqualTo("Meyer, Anna \"Anni\"");
            assertThat(file.changes().get(0).record().emails()).containsExactly("anna@example.de", "anni@example.de");
            assertThat(file.changes()).extracting(IdentityChange::line).containsExactly(2, 4, 5);
        }

        @Test
        void crlfLineEndingsAndBlankLinesAreAccepted() {
            String text = (CUSTOMERS_HEADER + "\nCU-1000001,Anna Meyer,,,,\n\nCU-1000002,Bernd,,,,\n")
                    .replace("\n", "\r\n");

            IdentityCsvFile<CustomerRecord> file = reader.readCustomers(customers(text));

            assertThat(file.changes()).extracting(IdentityChange::id, IdentityChange::line)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("CU-1000001", 3),
                            org.assertj.core.groups.Tuple.tuple("CU-1000002", 5));
        }

        @Test
        void columnsMayComeInAnyOrderAfterTheId() {
            String text = "claim_id,loss_date,status,policy_id\nSC-2026-000001,2026-01-10,OPEN,KF-10000001\n";

            IdentityCsvFile<ClaimRecord> file = reader.readClaims(claims(text));

            assertThat(file.changes().get(0).record())
                    .isEqualTo(new ClaimRecord("SC-2026-000001", "KF-10000001", "OPEN", LocalDate.of(2026, 1, 10)));
        }

        @Test
        void headerNamesAndCellsAreTrimmed() {
            String text = " claim_id , policy_id ,status,loss_date\n SC-2026-000001 , KF-10000001 ,OPEN, 2026-01-10 \n";

            assertThat(reader.readClaims(claims(text)).changes().get(0).id()).isEqualTo("SC-2026-000001");
        }

        @Test
        void deletedRowsBecomeDeletionsWithOrWithoutTheEmptyFields() {
            String text = CUSTOMERS_HEADER
                    + "CU-1000001,DELETED\n"
                    + "CU-1000002,DELETED,,,,\n"
                    + "CU-1000003,deleted,,\n";

            IdentityCsvFile<CustomerRecord> file = reader.readCustomers(customers(text));

            assertThat(file.changes()).containsExactly(IdentityChange.delete("CU-1000001", 2),
                    IdentityChange.delete("CU-1000002", 3), IdentityChange.delete("CU-1000003", 4));
            assertThat(file.changes()).allMatch(IdentityChange::isDelete);
            assertThat(file.deletes()).isEqualTo(3);
            assertThat(file.upserts()).isZero();
        }

        @Test
        void repeatedIdsAreCountedAndTheLaterRowWins() {
            String text = CUSTOMERS_HEADER
                    + "CU-1000001,Anna Meyer,,,,10115\n"
                    + "CU-1000002,Bernd Schulz,,,,\n"
                    + "CU-1000001,Anna Meyer,,,,10117\n"
                    + "CU-1000002,DELETED\n";

            IdentityCsvFile<CustomerRecord> file = reader.readCustomers(customers(text));

            assertThat(file.duplicateIds()).isEqualTo(2);
            assertThat(file.changes()).hasSize(4);
            assertThat(file.lastChangeById().get("CU-1000001").record().postalCode()).isEqualTo("10117");
            assertThat(file.lastChangeById().get("CU-1000002").isDelete()).isTrue();
            InMemoryIdentityDirectory directory = new IdentityImport(file,
                    reader.readPolicies(policies(POLICIES_HEADER)), reader.readClaims(claims(CLAIMS_HEADER)))
                    .toDirectory();
            assertThat(directory.customers()).extracting(CustomerRecord::postalCode).containsExactly("10117");
        }

        @Test
        void productLineMayNameTheLineCodeByCodeOrMeaningOrBeFreeText() {
            String text = POLICIES_HEADER
                    + "KF-10000001,CU-1000001,kf,ACTIVE,2020-01-01,\n"
                    + "KF-10000002,CU-1000001,Motor,ACTIVE,2020-01-01,\n"
                    + "KF-10000003,CU-1000001,Kfz Vollkasko,ACTIVE,2020-01-01,2020-01-01\n";

            assertThat(reader.readPolicies(policies(text)).changes()).extracting(c -> c.record().productLine())
                    .containsExactly("kf", "Motor", "Kfz Vollkasko");
        }

        @Test
        void readsFilesFromDisk(@TempDir Path dir) throws Exception {
            Path c = Files.writeString(dir.resolve("kunden-2026.csv"), CUSTOMERS);
            Path p = Files.writeString(dir.resolve("policies.csv"), POLICIES);
            Path k = Files.writeString(dir.resolve("claims.csv"), CLAIMS);

            IdentityImport result = reader.read(c, p, k);

            assertThat(result.customers().fileName()).isEqualTo("kunden-2026.csv");
            assertThat(result.claims().changes()).hasSize(2);
        }

        @Test
        void missingFileIsReportedByName(@TempDir Path dir) {
            assertFails(() -> reader.read(dir.resolve("customers.csv"), dir.resolve("p.csv"), dir.resolve("c.csv")),
                    "customers.csv: cannot be read (NoSuchFileException)");
        }
    }

    @Nested
    class Header {

        @Test
        void emptyFileHasNoHeader() {
            assertFails(() -> reader.readCustomers(customers("")),
                    "customers.csv:1: header row missing (the file is empty); expected "
                            + "customer_id,full_name,email,phone,date_of_birth,postal_code");
        }

        @Test
        void dataInsteadOfAHeaderIsReportedWithoutEchoingIt() {
            assertFails(() -> reader.readCustomers(customers("CU-1000001,Anna Meyer,anna@example.de,,,\n")),
                    "customers.csv:1: header row missing: the first row names none of the columns "
                            + "customer_id,full_name,email,phone,date_of_birth,postal_code");
        }

        @Test
        void extraColumnIsNamed() {
            assertFails(() -> reader.readClaims(claims("claim_id,policy_id,status,loss_date,amount\n")),
                    "claims.csv:1: unexpected column 'amount' (expected claim_id,policy_id,status,loss_date)");
        }

        @Test
        void missingColumnIsNamed() {
            assertFails(() -> reader.readClaims(claims("claim_id,policy_id,loss_date\n")),
                    "claims.csv:1: missing column 'status' (expected claim_id,policy_id,status,loss_date)");
        }

        @Test
        void duplicateColumnIsNamed() {
            assertFails(() -> reader.readClaims(claims("claim_id,policy_id,status,status,loss_date\n")),
                    "claims.csv:1: duplicate column 'status'");
        }

        @Test
        void idColumnMustComeFirst() {
            assertFails(() -> reader.readClaims(claims("policy_id,claim_id,status,loss_date\n")),
                    "claims.csv:1: the first column must be 'claim_id' (found 'policy_id')");
        }

        @Test
        void columnNamesAreExact() {
            assertFails(() -> reader.readClaims(claims("claim_id,Policy_ID,status,loss_date\n")),
                    "claims.csv:1: unexpected column 'Policy_ID' (expected claim_id,policy_id,status,loss_date)");
        }

        @Test
        void headerOnlyFileHasNoChanges() {
            assertThat(reader.readClaims(claims(CLAIMS_HEADER)).changes()).isEmpty();
        }
    }

    @Nested
    class MalformedRows {

        @Test
        void wrongFieldCount() {
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC-2026-000001,KF-10000001,OPEN\n")),
                    "claims.csv:2: expected 4 fields, found 3");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER
                            + "SC-2026-000001,KF-10000001,OPEN,2026-01-10\nSC-2026-000002,KF-10000001,OPEN,2026-01-10,x\n")),
                    "claims.csv:3: expected 4 fields, found 5");
        }

        @Test
        void idNotInCanonicalForm() {
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-12345,Anna,,,,\n")),
                    "customers.csv:2: customer_id 'CU-12345' is not a customer number in canonical form (CU-NNNNNNN)");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "XX-12345678,CU-1000001,KF,ACTIVE,2020-01-01,\n")),
                    "policies.csv:2: policy_id 'XX-12345678' is not a policy number in canonical form "
                            + "(LL-NNNNNNNN with LL one of KF, HR, WG, PH, LV, KV, RS, RE)");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "kf-12345678,CU-1000001,KF,ACTIVE,2020-01-01,\n")),
                    "policies.csv:2: policy_id 'kf-12345678' is not a policy number in canonical form "
                            + "(LL-NNNNNNNN with LL one of KF, HR, WG, PH, LV, KV, RS, RE)");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC 2026 000001,KF-10000001,OPEN,2026-01-10\n")),
                    "claims.csv:2: claim_id 'SC 2026 000001' is not a claim number in canonical form (SC-YYYY-NNNNNN)");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + ",KF-10000001,OPEN,2026-01-10\n")),
                    "claims.csv:2: claim_id is empty");
        }

        @Test
        void invalidDateOfBirthIsReportedWithoutItsValue() {
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,Anna,,,1980-13-01,\n")),
                    "customers.csv:2: date_of_birth is not an ISO date (yyyy-MM-dd)");
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,Anna,,,12.04.1980,\n")),
                    "customers.csv:2: date_of_birth is not an ISO date (yyyy-MM-dd)");
        }

        @Test
        void personalFieldsAreNeverEchoed() {
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,,,,,\n")),
                    "customers.csv:2: full_name is empty");
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER
                            + "CU-1000001,Anna,\"anna@example.de;anna at example.de\",,,\n")),
                    "customers.csv:2: email has an entry that is not an e-mail address (entry 2 of 2)");
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,Anna,,call me,,\n")),
                    "customers.csv:2: phone is not a phone number (needs at least 3 digits, no control characters)");
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,Anna,,,,10115 Berlin-Mitte\n")),
                    "customers.csv:2: postal_code is not a postal code (letters, digits, spaces and hyphens, at most 10)");
        }

        @Test
        void policyFieldsAreChecked() {
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,1000001,KF,ACTIVE,2020-01-01,\n")),
                    "policies.csv:2: customer_id '1000001' is not a customer number in canonical form (CU-NNNNNNN)");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,KF,active,2020-01-01,\n")),
                    "policies.csv:2: status 'active' is not one of ACTIVE, CANCELLED, LAPSED");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,,ACTIVE,2020-01-01,\n")),
                    "policies.csv:2: product_line is empty");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,HR,ACTIVE,2020-01-01,\n")),
                    "policies.csv:2: product_line 'HR' does not match line code KF of policy_id 'KF-10000001'");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,travel,ACTIVE,2020-01-01,\n")),
                    "policies.csv:2: product_line 'travel' does not match line code KF of policy_id 'KF-10000001'");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,KF,ACTIVE,,\n")),
                    "policies.csv:2: start_date is empty");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,KF,ACTIVE,2020-02-30,\n")),
                    "policies.csv:2: start_date '2020-02-30' is not an ISO date (yyyy-MM-dd)");
            assertFails(() -> reader.readPolicies(policies(POLICIES_HEADER + "KF-10000001,CU-1000001,KF,ACTIVE,2020-01-01,2019-12-31\n")),
                    "policies.csv:2: end_date '2019-12-31' is before start_date '2020-01-01'");
        }

        @Test
        void claimFieldsAreChecked() {
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC-2026-000001,KF-10000001,REOPENED,2026-01-10\n")),
                    "claims.csv:2: status 'REOPENED' is not one of OPEN, CLOSED");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC-2026-000001,KF 10000001,OPEN,2026-01-10\n")),
                    "claims.csv:2: policy_id 'KF 10000001' is not a policy number in canonical form "
                            + "(LL-NNNNNNNN with LL one of KF, HR, WG, PH, LV, KV, RS, RE)");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC-2026-000001,KF-10000001,OPEN,\n")),
                    "claims.csv:2: loss_date is empty");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC-2026-000001,KF-10000001,OPEN,+12026-01-10\n")),
                    "claims.csv:2: loss_date '+12026-01-10' is not an ISO date (yyyy-MM-dd)");
        }

        @Test
        void deletedRowWithDataIsRejected() {
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,DELETED,anna@example.de,,,\n")),
                    "customers.csv:2: a DELETED row must leave the other fields empty, but 'email' has a value");
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1000001,DELETED,,,,,\n")),
                    "customers.csv:2: expected 6 fields, found 7");
            assertFails(() -> reader.readCustomers(customers(CUSTOMERS_HEADER + "CU-1,DELETED\n")),
                    "customers.csv:2: customer_id 'CU-1' is not a customer number in canonical form (CU-NNNNNNN)");
        }

        @Test
        void unterminatedQuoteIsReportedOnTheLineItStarts() {
            String text = CUSTOMERS_HEADER + "CU-1000001,Anna,,,,\n" + "CU-1000002,\"Bernd,,,,\n" + "CU-1000003,Clara,,,,\n";

            assertFails(() -> reader.readCustomers(customers(text)),
                    "customers.csv:3: malformed CSV: a quoted field is not closed");
        }

        @Test
        void textAfterAClosingQuoteIsMalformed() {
            String text = CUSTOMERS_HEADER + "CU-1000001,\"Anna\" Meyer,,,,\n";

            assertFails(() -> reader.readCustomers(customers(text)),
                    "customers.csv:2: malformed CSV: characters after the closing quote of a field");
        }

        @Test
        void invalidUtf8IsReportedWithItsLine() {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            bytes.writeBytes((CUSTOMERS_HEADER + "CU-1000001,Anna,,,,\nCU-1000002,M").getBytes(StandardCharsets.UTF_8));
            bytes.write(0xFC); // ü in ISO-8859-1
            bytes.writeBytes("ller,,,,\n".getBytes(StandardCharsets.UTF_8));

            assertFails(() -> reader.readCustomers(new CsvInput("customers.csv", bytes.toByteArray())),
                    "customers.csv:3: not valid UTF-8 (invalid byte sequence at byte offset 92)");
        }

        @Test
        void longEchoedValuesAreShortenedToOneLine() {
            String status = "A".repeat(60);
            assertThatThrownBy(() -> reader.readClaims(claims(CLAIMS_HEADER
                    + "SC-2026-000001,KF-10000001,\"" + status + "\",2026-01-10\n")))
                    .hasMessage("claims.csv:2: status '" + "A".repeat(40) + "...' is not one of OPEN, CLOSED");
            assertFails(() -> reader.readClaims(claims(CLAIMS_HEADER + "SC-2026-000001,KF-10000001,\"OP\nEN\",2026-01-10\n")),
                    "claims.csv:2: status 'OP?EN' is not one of OPEN, CLOSED");
        }
    }

    @Nested
    class AcrossFiles {

        @Test
        void policyOfAnUnknownCustomerFails() {
            assertFails(() -> read(CUSTOMERS, POLICIES + "PH-30000001,CU-1000009,PH,ACTIVE,2020-01-01,\n", CLAIMS),
                    "policies.csv:5: customer_id 'CU-1000009' is not in customers.csv nor known before this import");
        }

        @Test
        void policyOfACustomerDeletedInTheSameImportFails() {
            assertFails(() -> read(CUSTOMERS + "CU-1000002,DELETED\n", POLICIES, CLAIMS),
                    "policies.csv:4: customer_id 'CU-1000002' is deleted in customers.csv:5");
        }

        @Test
        void customerDeletedAndWrittenAgainIsPresent() {
            IdentityImport result = read(CUSTOMERS + "CU-1000002,DELETED\nCU-1000002,Bernd Schulz,,,,\n", POLICIES,
                    CLAIMS);

            assertThat(result.customers().duplicateIds()).isEqualTo(2);
            assertThat(result.toDirectory().customer("CU-1000002")).isPresent();
        }

        @Test
        void claimOfAnUnknownPolicyFails() {
            assertFails(() -> read(CUSTOMERS, POLICIES, CLAIMS + "SC-2026-000002,KF-10000009,OPEN,2026-02-02\n"),
                    "claims.csv:4: policy_id 'KF-10000009' is not in policies.csv nor known before this import");
        }

        @Test
        void claimOfAPolicyDeletedInTheSameImportFails() {
            assertFails(() -> read(CUSTOMERS, POLICIES + "KF-10000001,DELETED\n", CLAIMS),
                    "claims.csv:2: policy_id 'KF-10000001' is deleted in policies.csv:5");
        }

        @Test
        void onlyTheLastRowOfAPolicyIsChecked() {
            // the policy moves from an unknown customer to a known one: the last row counts
            String policies = POLICIES_HEADER + "KF-10000001,CU-1000009,KF,ACTIVE,2020-01-01,\n"
                    + "KF-10000001,CU-1000001,KF,ACTIVE,2020-01-01,\n";

            assertThat(read(CUSTOMERS, policies, CLAIMS).policies().duplicateIds()).isEqualTo(1);
        }

        @Test
        void referencesMayPointToRecordsKnownBeforeTheImport() {
            InMemoryIdentityDirectory known = read(CUSTOMERS, POLICIES, CLAIMS).toDirectory();
            IdentityCsvReader incremental = new IdentityCsvReader(known);

            IdentityImport update = incremental.read(customers(CUSTOMERS_HEADER),
                    policies(POLICIES_HEADER + "PH-30000001,CU-1000003,PH,ACTIVE,2024-01-01,\n"),
                    claims(CLAIMS_HEADER + "SC-2026-000007,WG-20000002,OPEN,2026-03-01\n"));

            assertThat(update.policies().changes()).hasSize(1);
            assertThat(update.claims().changes()).hasSize(1);
            assertFails(() -> incremental.read(customers(CUSTOMERS_HEADER + "CU-1000003,DELETED\n"),
                            policies(POLICIES_HEADER + "PH-30000001,CU-1000003,PH,ACTIVE,2024-01-01,\n"),
                            claims(CLAIMS_HEADER)),
                    "policies.csv:2: customer_id 'CU-1000003' is deleted in customers.csv:2");
        }

        @Test
        void deletingAPolicyWithoutClaimsInTheImportIsFine() {
            IdentityImport result = read(CUSTOMERS, POLICIES + "WG-20000002,DELETED\n", CLAIMS);

            assertThat(result.toDirectory().policy("WG-20000002")).isEmpty();
        }

        @Test
        void perFileErrorsComeBeforeCrossFileErrors() {
            assertFails(() -> read(CUSTOMERS, POLICIES + "PH-30000001,CU-1000009,PH,ACTIVE,2020-01-01,\n",
                            CLAIMS + "SC-2026-000002,KF-10000001,open,2026-02-02\n"),
                    "claims.csv:4: status 'open' is not one of OPEN, CLOSED");
        }
    }
}
