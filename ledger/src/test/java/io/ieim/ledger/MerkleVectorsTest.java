package io.ieim.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Every transparency-dev/merkle conformance vector, read from ../shared at test time. */
class MerkleVectorsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> inclusionVectors() throws IOException {
        List<Path> files = vectorFiles("inclusion");
        assertThat(files).hasSizeGreaterThan(60);
        return files.stream().map(f -> dynamicTest(name("inclusion", f), f.toUri(), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            VerificationResult r = MerkleProofs.verifyInclusion(v.get("leafIdx").asLong(), v.get("treeSize").asLong(),
                    b64(v.get("leafHash")), proof(v.get("proof")), b64(v.get("root")));
            assertVerdict(v, r);
        }));
    }

    @TestFactory
    Stream<DynamicTest> consistencyVectors() throws IOException {
        List<Path> files = vectorFiles("consistency");
        assertThat(files).hasSizeGreaterThan(60);
        return files.stream().map(f -> dynamicTest(name("consistency", f), f.toUri(), () -> {
            JsonNode v = JSON.readTree(f.toFile());
            VerificationResult r = MerkleProofs.verifyConsistency(v.get("size1").asLong(), v.get("size2").asLong(),
                    b64(v.get("root1")), b64(v.get("root2")), proof(v.get("proof")));
            assertVerdict(v, r);
        }));
    }

    @Test
    void treeHeadsOfTheReferenceLeaves() throws IOException {
        JsonNode heads = JSON.readTree(ConformanceVectors.dir().resolve("tree-heads.json").toFile());
        JsonNode leaves = heads.get("leafInputsHex");
        JsonNode roots = heads.get("rootHashesHexBySize");
        assertThat(leaves).hasSize(8);
        assertThat(roots).hasSize(9);

        MerkleTree tree = new MerkleTree();
        assertThat(MerkleHash.toHex(tree.root())).isEqualTo(roots.get(0).asText());
        for (int n = 1; n <= 8; n++) {
            tree.appendData(MerkleHash.fromHex(leaves.get(n - 1).asText()));
            assertThat(MerkleHash.toHex(tree.root())).as("root of size %d", n).isEqualTo(roots.get(n).asText());
            assertThat(MerkleHash.toHex(ReferenceMerkle.mth(ReferenceMerkle.leafHashes(leaves, n))))
                    .as("reference root of size %d", n).isEqualTo(roots.get(n).asText());
        }
        for (int n = 0; n <= 8; n++) { // historical roots, from the stored subtrees
            assertThat(MerkleHash.toHex(tree.root(n))).as("historical root of size %d", n).isEqualTo(roots.get(n).asText());
        }
    }

    private static void assertVerdict(JsonNode v, VerificationResult r) {
        boolean wantErr = v.get("wantErr").asBoolean();
        assertThat(r.valid()).as("%s: %s", v.get("desc").asText(), r).isEqualTo(!wantErr);
        if (!r.valid()) {
            assertThat(r.reason()).isNotBlank();
        }
    }

    private static List<Path> vectorFiles(String folder) throws IOException {
        Path root = ConformanceVectors.dir().resolve(folder);
        try (Stream<Path> s = Files.walk(root)) {
            return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private static String name(String folder, Path f) {
        return ConformanceVectors.dir().resolve(folder).relativize(f).toString();
    }

    private static byte[] b64(JsonNode n) {
        return n == null || n.isNull() ? null : Base64.getDecoder().decode(n.asText());
    }

    /** The proof as the file has it; a JSON null stays null (the verifier treats it as empty). */
    private static List<byte[]> proof(JsonNode n) {
        if (n == null || n.isNull()) {
            return null;
        }
        List<byte[]> out = new ArrayList<>();
        n.forEach(e -> out.add(b64(e)));
        return out;
    }
}
