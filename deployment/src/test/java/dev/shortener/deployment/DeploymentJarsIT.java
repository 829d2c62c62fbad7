package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * No dev-only class in a deployment jar: the jars the function modules' {@code package} wrote are opened and every
 * entry is checked against what exists only for development: the local runner, the test servers and the
 * benchmarks (their classes as the repository's sources name them), every module's test code, and the test and
 * local-only libraries. An integration test, run after {@code package}: the function modules come first in the
 * reactor (this module depends on them), so their jars exist by then; a missing one fails, as it would fail
 * {@code sam build}.
 */
class DeploymentJarsIT {

    /** The deployment jars, by the module that writes each (the Makefile copies these into SAM's artifacts). */
    static final List<String> FUNCTION_MODULES =
            List.of("redirect-function", "create-function", "click-count-function");

    /** Modules that only run on a developer's machine or in tests: none of their classes may ship. */
    static final List<String> DEV_ONLY_MODULES = List.of("local-runner", "local-servers", "benchmarks", "deploy-check");

    /**
     * Libraries that are test- or local-only, as the entry-name prefixes of their classes: DuckDB (the local
     * runner's stats, ~80 MB of native code), JUnit and its companions, Testcontainers, embedded-redis, JMH.
     */
    static final List<String> DEV_ONLY_LIBRARIES = List.of(
            "org/duckdb/",
            "org/junit/",
            "org/opentest4j/",
            "org/testcontainers/",
            "redis/embedded/",
            "org/openjdk/jmh/");

    @TestFactory
    Stream<DynamicTest> noDeploymentJarHoldsADevOnlyClass() throws IOException {
        Set<String> devOnlyClasses = devOnlyClasses();
        assertTrue(
                devOnlyClasses.contains("dev/shortener/local/clicks/LocalClickSink")
                        && devOnlyClasses.contains("dev/shortener/local/clicks/LocalQueries"),
                "the local sources were not found under " + Repository.root());
        return FUNCTION_MODULES.stream()
                .map(module -> DynamicTest.dynamicTest(module, () -> {
                    Path jar = Repository.file(module + "/target/" + module + "-lambda.jar");
                    assertTrue(
                            Files.isRegularFile(jar), jar + " is missing: `package` writes it before this test runs");
                    List<String> found = devOnlyEntries(jar, devOnlyClasses);
                    assertEquals(List.of(), found, jar.getFileName() + " holds dev-only classes");
                }));
    }

    /** The entries of {@code jar} that are dev-only (a class, its nested classes, or a DuckDB native library). */
    static List<String> devOnlyEntries(Path jar, Set<String> devOnlyClasses) throws IOException {
        List<String> found = new ArrayList<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(name -> {
                if (isDevOnly(name, devOnlyClasses)) {
                    found.add(name);
                }
            });
        }
        return found;
    }

    static boolean isDevOnly(String entry, Set<String> devOnlyClasses) {
        if (entry.toLowerCase(java.util.Locale.ROOT).contains("duckdb")) {
            return true;
        }
        if (DEV_ONLY_LIBRARIES.stream().anyMatch(entry::startsWith)) {
            return true;
        }
        if (!entry.endsWith(".class")) {
            return false;
        }
        String name = entry.substring(0, entry.length() - ".class".length());
        int nested = name.indexOf('$');
        return devOnlyClasses.contains(nested < 0 ? name : name.substring(0, nested));
    }

    /**
     * Every top-level class of the dev-only modules and of every module's tests, as an entry name without
     * {@code .class} ({@code dev/shortener/local/clicks/LocalClickSink}).
     */
    static Set<String> devOnlyClasses() throws IOException {
        Set<String> classes = new TreeSet<>();
        for (String module : DEV_ONLY_MODULES) {
            addSources(Repository.file(module + "/src/main/java"), classes);
        }
        try (Stream<Path> modules = Files.list(Repository.root())) {
            for (Path module : modules.filter(Files::isDirectory).toList()) {
                addSources(module.resolve("src/test/java"), classes);
            }
        }
        return classes;
    }

    private static void addSources(Path sourceRoot, Set<String> classes) throws IOException {
        if (!Files.isDirectory(sourceRoot)) {
            return;
        }
        try (Stream<Path> files = Files.walk(sourceRoot)) {
            files.filter(file -> file.toString().endsWith(".java")).forEach(file -> {
                String relative = sourceRoot.relativize(file).toString().replace('\\', '/');
                classes.add(relative.substring(0, relative.length() - ".java".length()));
            });
        }
    }
}
