package io.ieim.spec;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Files the tests read: the repository (system property ieim.home, set by surefire) and the contract beside it. */
final class TestPaths {

    private TestPaths() {
    }

    /** The repository root: ieim.home, else the nearest ancestor of the working directory holding spec/00_CANONICAL.md. */
    static Path repositoryRoot() {
        String home = System.getProperty("ieim.home");
        if (home != null && !home.isBlank() && Files.isRegularFile(Path.of(home, "spec", "00_CANONICAL.md"))) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("spec/00_CANONICAL.md"))) {
                return dir;
            }
        }
        throw new IllegalStateException("cannot find the repository root (spec/00_CANONICAL.md); set -Dieim.home");
    }

    static Path canonicalSpec() {
        return repositoryRoot().resolve("spec/00_CANONICAL.md");
    }

    static Path generator() {
        return repositoryRoot().resolve("spec/src/build/GenerateCanonical.java");
    }

    /**
     * The binding contract: ${ieim.home}/../shared/domain/CONTRACT-V1.md, else shared/domain/CONTRACT-V1.md in
     * the nearest ancestor of the repository that has one.
     */
    static Optional<Path> contract() {
        Path root = repositoryRoot();
        Path beside = root.resolve("../shared/domain/CONTRACT-V1.md").normalize();
        if (Files.isRegularFile(beside)) {
            return Optional.of(beside);
        }
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/domain/CONTRACT-V1.md");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
