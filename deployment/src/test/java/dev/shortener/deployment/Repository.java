package dev.shortener.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are: the repository root (template.yaml, Makefile, the modules). Surefire passes it as
 * {@code shortener.root}; run elsewhere (an IDE), the root is found by walking up from the working directory.
 */
final class Repository {

    private Repository() {}

    static Path root() {
        String configured = System.getProperty("shortener.root");
        Path start = configured != null ? Path.of(configured) : Path.of("").toAbsolutePath();
        for (Path dir = start.toAbsolutePath().normalize(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("template.yaml")) && Files.isRegularFile(dir.resolve("mvnw"))) {
                return dir;
            }
        }
        throw new IllegalStateException(
                "no repository root (a folder with template.yaml and mvnw) at or above " + start.toAbsolutePath());
    }

    static Path file(String relative) {
        return root().resolve(relative);
    }
}
