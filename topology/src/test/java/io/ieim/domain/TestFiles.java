package io.ieim.domain;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Files the domain tests read: the repository (system property ieim.home, set by surefire) and the contract beside it. */
public final class TestFiles {

    private TestFiles() {
    }

    /** The repository root: ieim.home, else the nearest ancestor of the working directory holding spec/00_CANONICAL.md. */
    public static Path repositoryRoot() {
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

    /** A versioned rules file, e.g. "routing-v1.yaml". */
    public static Path rules(String name) {
        return repositoryRoot().resolve("spec/rules").resolve(name);
    }

    /** The binding contract beside the repository (../shared/domain/CONTRACT-V1.md), or in an ancestor. */
    public static Optional<Path> contract() {
        Path root = repositoryRoot();
        for (Path dir = root; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/domain/CONTRACT-V1.md");
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.of(root.resolve("../shared/domain/CONTRACT-V1.md").normalize()).filter(Files::isRegularFile);
    }
}
