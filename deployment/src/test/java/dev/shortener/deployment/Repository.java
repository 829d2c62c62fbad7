package dev.shortener.deployment;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where things are: the repository root (template.yaml, Makefile, the modules) and the read-only
 * {@code shared/} folder beside it, which holds the schemas. Surefire passes the root as {@code shortener.root};
 * run elsewhere (an IDE), the root is found by walking up from the working directory.
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

    /**
     * This module's supplement to {@code shared/schemas}: provider schemas from the same source for the types the
     * read-only shared folder lacks (see its {@code cfn/SOURCE.md}).
     */
    static Path schemaSupplement() {
        return root().resolve("deployment/src/test/resources/schemas");
    }

    /**
     * {@code ../shared} relative to the root: present beside every checkout (and in CI) as a read-only folder.
     *
     * @throws IllegalStateException saying what is missing and where it was looked for
     */
    static Path shared() {
        Path shared = root().resolve("..").resolve("shared").normalize();
        Path schemas = shared.resolve("schemas");
        if (!Files.isDirectory(schemas.resolve("cfn"))
                || !Files.isRegularFile(schemas.resolve("sam/sam.schema.json"))) {
            throw new IllegalStateException("The schemas that validate template.yaml are missing: expected "
                    + schemas.resolve("sam/sam.schema.json") + " and " + schemas.resolve("cfn") + "/. The shared/"
                    + " folder must sit beside the repository's root (" + root() + "), as it does in CI.");
        }
        return shared;
    }
}
