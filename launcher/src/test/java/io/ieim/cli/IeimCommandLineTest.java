package io.ieim.cli;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The command-line surface of CONTRACT-V1 §6: exit codes and one-line reasons. */
class IeimCommandLineTest {

    @TempDir
    Path var;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private int base;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        // an empty data folder and ports nobody uses: no stack is running there
        System.setProperty("ieim.var", var.toString());
        base = unusedPortBase();
        System.setProperty("ieim.portBase", Integer.toString(base));
    }

    /** A port base whose stack ports nobody listens on (a fixed one may be another stack's). */
    private static int unusedPortBase() {
        for (int base = 41000; base < 60000; base += 1000) {
            if (free(base + 92) && free(base + 432) && free(base + 85) && free(base + 81) && free(base + 83) && free(base + 84)) {
                return base;
            }
        }
        throw new IllegalStateException("no unused port base");
    }

    private static boolean free(int port) {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        System.clearProperty("ieim.var");
        System.clearProperty("ieim.portBase");
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aLedgerFileThatIsNotOneExits2WithTheLine() throws Exception {
        java.nio.file.Path file = var.resolve("ledger.txt");
        java.nio.file.Files.writeString(file, "ieim-ledger-v1\nentry x\n");
        assertThat(Ieim.run("ledger", "verify", "--file", file.toString())).isEqualTo(Ieim.EXIT_USAGE);
        assertThat(stderr()).startsWith("ieim: " + file + ": line 2:");
    }

    @Test
    void aMissingInputFileExits2NamingIt() {
        assertThat(Ieim.run("ingest", var.resolve("nowhere.eml").toString())).isEqualTo(Ieim.EXIT_USAGE);
        assertThat(stderr().strip()).isEqualTo("ieim: " + var.resolve("nowhere.eml") + ": no such file or folder");
    }

    @Test
    void aMalformedIdentityFileFailsWithItsLineNumberBeforeAnythingIsPublished() throws Exception {
        java.nio.file.Path customers = var.resolve("customers.csv");
        java.nio.file.Files.writeString(customers, "customer_id,full_name,email,phone,date_of_birth,postal_code\n"
                + "CU-1000001,Anna Meyer,anna@example.de,+49 30 1234,1980-13-01,10115\n");
        java.nio.file.Path policies = var.resolve("policies.csv");
        java.nio.file.Files.writeString(policies, "policy_id,customer_id,product_line,status,start_date,end_date\n");
        java.nio.file.Path claims = var.resolve("claims.csv");
        java.nio.file.Files.writeString(claims, "claim_id,policy_id,status,loss_date\n");
        // no stack runs on these ports: a validation error must come before any connection attempt
        assertThat(Ieim.run("identity", "import", "--customers", customers.toString(), "--policies", policies.toString(),
                "--claims", claims.toString())).isEqualTo(Ieim.EXIT_USAGE);
        assertThat(stderr().lines()).hasSize(1);
        assertThat(stderr()).startsWith("ieim: customers.csv:2: date_of_birth").doesNotContain("1980-13-01");
    }

    @Test
    void anUnreachableStackIsAOneLineFailure() {
        assertThat(Ieim.run("decisions", "export")).isEqualTo(Ieim.EXIT_FAILED);
        assertThat(stderr().lines()).hasSize(1);
        assertThat(stderr()).startsWith("ieim: ").contains("unreachable");
    }

    @Test
    void badUsageExits2WithTheReason() {
        assertThat(Ieim.run("identity", "import", "--customers", "c.csv")).isEqualTo(Ieim.EXIT_USAGE);
        assertThat(stderr()).startsWith("ieim: ").contains("--claims");
        assertThat(Ieim.run("no-such-command")).isEqualTo(Ieim.EXIT_USAGE);
        assertThat(Ieim.run(new String[0])).isEqualTo(Ieim.EXIT_USAGE);
    }

    @Test
    void statusOfAStackThatIsNotRunningReportsEveryPartDownAndExits1() {
        assertThat(Ieim.run("dev", "status", "--json")).isEqualTo(Ieim.EXIT_FAILED);
        String json = out.toString(StandardCharsets.UTF_8);
        assertThat(json).contains("\"kafka_bootstrap\" : \"127.0.0.1:" + (base + 92) + "\"", "\"healthy\" : false",
                "\"postgres\"", "\"kafka\"", "\"s3\"", "\"registry\"", "\"connect\"", "\"oidc\"",
                "\"oidc_issuer\" : \"http://127.0.0.1:" + (base + 85) + "/ieim\"");
    }

    @Test
    void statusTableNamesTheIssuerAndItsDemoUsers() {
        assertThat(Ieim.run("dev", "status")).isEqualTo(Ieim.EXIT_FAILED);
        String table = out.toString(StandardCharsets.UTF_8);
        assertThat(table).containsPattern("oidc +down +http://127\\.0\\.0\\.1:" + (base + 85) + "/ieim")
                .contains("oidc issuer: http://127.0.0.1:" + (base + 85) + "/ieim (demo users: reviewer, approver, approver2,");
    }
}
