package io.ieim.spec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class CanonicalSpecTest {

    @Test
    void theJarCarriesTheSpecTheCodeWasGeneratedFrom() throws Exception {
        String resource = CanonicalSpec.markdown();
        assertThat(resource).isEqualTo(Files.readString(TestPaths.canonicalSpec()));
        byte[] digest = MessageDigest.getInstance("SHA-256").digest(resource.getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(digest)).isEqualTo(CanonicalSpec.SHA256);
    }

    @Test
    void everyLabelSetHasItsMarkerAndDescribedLabels() {
        String markdown = CanonicalSpec.markdown();
        assertThat(CanonicalSpec.LABEL_SETS).containsKeys("intents", "risk-flags", "queues", "actions",
                "identity-statuses", "reference-kinds");
        CanonicalSpec.LABEL_SETS.forEach((table, labels) -> {
            assertThat(markdown).contains("<!-- canonical:" + table + " -->");
            assertThat(labels).as(table).isNotEmpty()
                    .allSatisfy(l -> assertThat(l.description()).as("%s %s", table, l.name()).isNotBlank());
        });
    }

    @Test
    void enumsCarryTheMeaningsOfTheTable() {
        assertThat(Intent.CLAIM_NEW.description()).startsWith("first notice of loss");
        assertThat(LineCode.KF.description()).isEqualTo("motor");
        assertThat(ReferenceKind.CLAIM.canonicalFormat()).isEqualTo("SC-YYYY-NNNNNN");
        assertThat(Queue.valueOf("CASE_CREATE_FAILURE_REVIEW")).isNotNull();
    }
}
