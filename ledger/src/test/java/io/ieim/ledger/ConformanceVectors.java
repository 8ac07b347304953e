package io.ieim.ledger;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the shared Merkle conformance vectors, which live outside the repository and are never
 * copied into it: {@code ${ieim.home}/../shared/conformance/merkle-vectors} (surefire sets
 * {@code ieim.home} to the repository root), else the first {@code shared/conformance} found
 * walking up from the working directory.
 */
final class ConformanceVectors {

    private static final String RELATIVE = "shared/conformance/merkle-vectors";

    private ConformanceVectors() {}

    static Path dir() {
        String home = System.getProperty("ieim.home");
        if (home != null && !home.isBlank()) {
            Path p = Path.of(home).toAbsolutePath().resolve("..").resolve(RELATIVE).normalize();
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
            Path p = d.resolve(RELATIVE);
            if (Files.isDirectory(p)) {
                return p;
            }
        }
        throw new IllegalStateException("Merkle conformance vectors not found: looked for ../" + RELATIVE
                + " from ieim.home=" + home + " and for " + RELATIVE + " above " + Path.of("").toAbsolutePath());
    }
}
