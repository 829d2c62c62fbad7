package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Makefile that {@code sam build} runs ({@code BuildMethod: makefile}): one {@code build-<LogicalId>} target
 * per function, each laying out in {@code ARTIFACTS_DIR} what the Java runtime loads (jars in {@code lib/}).
 * The targets are run here as SAM runs them, with a temporary ARTIFACTS_DIR, and the artifact is inspected.
 */
class BuildTargetsTest {

    /** The redirect function's package limit, 8 MB (decimal): a smaller package is fetched faster. */
    static final long REDIRECT_MAX_BYTES = 8_000_000;

    private static final Pattern TARGET =
            Pattern.compile("(?m)^(build-[A-Za-z0-9]+):\\s*$\\n\\t\\$\\(call lambda-jar,([a-z0-9-]+)\\)");

    private final Template template = Template.load();

    @Test
    void everyMakefileFunctionHasItsTarget_andOnlyThose() throws IOException {
        Set<String> makefileFunctions = new TreeSet<>();
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            if ("makefile"
                    .equals(template.resource(function)
                            .path("Metadata")
                            .path("BuildMethod")
                            .asText())) {
                makefileFunctions.add("build-" + function);
                assertEquals(
                        ".",
                        template.properties(function).path("CodeUri").asText(),
                        function + ": CodeUri must be the folder holding the Makefile (the repository root)");
            }
        }
        assertEquals(
                new TreeSet<>(template.ofType(Template.SERVERLESS_FUNCTION)).size(),
                makefileFunctions.size(),
                "every function is built by the Makefile (SAM's Maven builder can't build one module of several)");
        assertEquals(makefileFunctions, targets().keySet());
        targets()
                .forEach((target, module) -> assertEquals(
                        FunctionWiringTest.FUNCTIONS
                                .get(target.substring("build-".length()))
                                .module(),
                        module,
                        target + " builds the wrong module"));
    }

    /** Make parses the file and each target expands to the Maven build and the copy (a dry run: nothing runs). */
    @TestFactory
    Stream<DynamicTest> everyTargetExpands() throws IOException {
        return targets().entrySet().stream()
                .map(target -> DynamicTest.dynamicTest(target.getKey(), () -> {
                    Result dryRun = make(List.of("-n", target.getKey()), Path.of("/tmp/artifacts-dry-run"), 60);
                    assertEquals(0, dryRun.exitCode(), dryRun.output());
                    assertTrue(
                            dryRun.output().contains("-pl " + target.getValue() + " -am package -DskipTests"),
                            dryRun.output());
                    assertTrue(
                            dryRun.output()
                                    .contains(target.getValue() + "/target/" + target.getValue() + "-lambda.jar"),
                            dryRun.output());
                }));
    }

    /**
     * Runs each target for real and checks the artifact: one jar in lib/, holding the handler class and its
     * dependencies, without the HTTP clients the build excludes. Skipped for a module whose pom has no shade
     * configuration yet (nothing would write {@code <module>-lambda.jar}).
     */
    @TestFactory
    Stream<DynamicTest> everyTargetBuildsAnArtifactWithTheHandlerAndItsDependencies(@TempDir Path temp)
            throws IOException {
        return new TreeMap<>(targets())
                .entrySet().stream()
                        .map(target -> DynamicTest.dynamicTest(target.getKey(), () -> {
                            String function = target.getKey().substring("build-".length());
                            String module = target.getValue();
                            String pom = Files.readString(Repository.file(module + "/pom.xml"));
                            Assumptions.assumeTrue(
                                    pom.contains("maven-shade-plugin"),
                                    module + "/pom.xml has no shade configuration" + " writing target/" + module
                                            + "-lambda.jar yet: " + target.getKey() + " can't build");
                            Path artifacts = Files.createDirectories(temp.resolve(function));
                            Result build = make(List.of(target.getKey()), artifacts, 900);
                            assertEquals(
                                    0, build.exitCode(), "make " + target.getKey() + " failed:\n" + build.output());

                            List<Path> files;
                            try (Stream<Path> walk = Files.walk(artifacts)) {
                                files = walk.filter(Files::isRegularFile)
                                        .sorted(Comparator.naturalOrder())
                                        .toList();
                            }
                            Path jar = artifacts.resolve("lib/" + module + "-lambda.jar");
                            assertEquals(
                                    List.of(jar),
                                    files,
                                    "ARTIFACTS_DIR must hold exactly lib/" + module + "-lambda.jar");
                            long size = Files.size(jar);
                            System.out.printf(
                                    "%s: %s, %,d bytes (%.1f MB)%n",
                                    target.getKey(), artifacts.relativize(jar), size, size / 1048576.0);

                            String handler = template.functionProperty(function, "Handler")
                                    .asText()
                                    .replaceFirst("::.*", "");
                            try (ZipFile zip = new ZipFile(jar.toFile())) {
                                assertTrue(
                                        zip.getEntry(handler.replace('.', '/') + ".class") != null,
                                        jar + " lacks the handler " + handler);
                                assertTrue(
                                        zip.getEntry("com/amazonaws/services/lambda/runtime/RequestHandler.class")
                                                != null,
                                        jar + " lacks its dependencies (aws-lambda-java-core)");
                                List<String> excluded = new ArrayList<>();
                                zip.stream()
                                        .map(e -> e.getName())
                                        .filter(n -> n.startsWith("io/netty/")
                                                || n.startsWith("org/apache/http/")
                                                || n.startsWith("software/amazon/awssdk/http/nio/netty/")
                                                || n.startsWith("software/amazon/awssdk/http/apache/"))
                                        .limit(3)
                                        .forEach(excluded::add);
                                assertEquals(
                                        List.of(),
                                        excluded,
                                        "Netty and Apache HTTP clients are excluded from the functions");
                            }
                            if (function.equals("RedirectFunction")) {
                                // Shrunk by ProGuard (redirect-function/lambda-shrink.pro); RedirectArtifactIT runs
                                // this jar.
                                assertTrue(
                                        size <= REDIRECT_MAX_BYTES,
                                        String.format(
                                                "the redirect package is %,d bytes, over the"
                                                        + " %,d-byte limit: was the shrinking step skipped, or a dependency added?",
                                                size, REDIRECT_MAX_BYTES));
                            }
                        }));
    }

    /** build-<LogicalId> -> the module it builds. */
    static Map<String, String> targets() throws IOException {
        String makefile = Files.readString(Repository.file("Makefile"));
        Map<String, String> targets = new TreeMap<>();
        Matcher m = TARGET.matcher(makefile);
        while (m.find()) {
            targets.put(m.group(1), m.group(2));
        }
        assertFalse(targets.isEmpty(), "no build-<LogicalId> targets in the Makefile");
        return targets;
    }

    record Result(int exitCode, String output) {}

    private static Result make(List<String> arguments, Path artifacts, int timeoutSeconds)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add("make");
        command.addAll(arguments);
        Path log = Files.createTempFile("make-", ".log");
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(Repository.root().toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
        builder.environment().put("ARTIFACTS_DIR", artifacts.toAbsolutePath().toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            Assumptions.abort("make is not installed: " + e.getMessage());
            throw e;
        }
        try {
            if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log));
            }
            return new Result(process.exitValue(), Files.readString(log));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
