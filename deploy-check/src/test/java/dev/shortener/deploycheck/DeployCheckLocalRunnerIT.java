package dev.shortener.deploycheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.Environment;
import dev.shortener.deploycheck.checks.CheckName;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The command against the local runner, as a deployer would run it against a stack: the packaged runner
 * ({@code local-runner/target/shortener-local.jar}) started as LocalRunnerIT starts it, with its own data folder and
 * a free port, an API key made with its {@code api-key} command, and then the command, in this JVM and as its
 * packaged jar. Every check the local runner can answer must pass; the edge, origin and Athena ones (no CloudFront,
 * no Athena here) must be skipped, each saying why.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeployCheckLocalRunnerIT {

    private static final Path RUNNER_JAR = Path.of(
                    System.getProperty("runner.jar", "../local-runner/target/shortener-local.jar"))
            .toAbsolutePath();
    private static final Path COMMAND_JAR = Path.of(System.getProperty("deploycheck.jar", "target/deploy-check.jar"))
            .toAbsolutePath();
    private static final Pattern KEY = Pattern.compile("API key \\(shown only now[^:]*\\): (shk_\\S+)");
    private static final Pattern ROW = Pattern.compile("^\\| (\\S+)\\s+\\| (pass|fail|skip)\\s+\\| (.*) \\|$");

    private Path data;
    private int port;
    private Process runner;
    private Path runnerOutput;
    private String apiKey;

    @BeforeAll
    void startTheLocalRunner_withAKeyFromItsApiKeyCommand() throws Exception {
        assertTrue(Files.isRegularFile(RUNNER_JAR), "run `verify` (package builds the runner's jar): " + RUNNER_JAR);
        data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        port = freePort();

        Path keyOutput = data.resolve("api-key.out");
        Process keyCommand =
                runner(List.of("api-key", "--owner", "deploy-check"), keyOutput).start();
        assertTrue(keyCommand.waitFor(120, TimeUnit.SECONDS), "api-key finished");
        String printed = Files.readString(keyOutput);
        assertEquals(0, keyCommand.exitValue(), printed);
        Matcher key = KEY.matcher(printed);
        assertTrue(key.find(), printed);
        apiKey = key.group(1);

        runnerOutput = data.resolve("serve.out");
        runner = runner(List.of("serve"), runnerOutput).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (!Files.readString(runnerOutput).lines().anyMatch(line -> line.startsWith("Ready."))) {
            assertTrue(runner.isAlive(), "the runner exited:\n" + Files.readString(runnerOutput));
            assertTrue(System.nanoTime() < deadline, "not ready in 120 s:\n" + Files.readString(runnerOutput));
            Thread.sleep(100);
        }
    }

    @AfterAll
    void stopTheRunner() throws Exception {
        if (runner != null) {
            runner.toHandle().destroy(); // SIGTERM: its shutdown hook stops dynalite and redis-server
            if (!runner.waitFor(30, TimeUnit.SECONDS)) {
                runner.destroyForcibly();
            }
        }
    }

    @Test
    void everyCheckTheLocalRunnerCanAnswer_passes_theEdgeOriginAndAthenaOnesAreSkippedWithAReason() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();

        int status = DeployCheck.run(
                new String[] {"--short-url", "http://localhost:" + port},
                Environment.of(Map.of("SHORTENER_API_KEY", apiKey)),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        String table = out.toString(StandardCharsets.UTF_8);
        System.out.println(table);
        assertEquals(DeployCheck.OK, status, table + err);
        Map<String, String[]> rows = rows(table);
        for (CheckName passing : List.of(
                CheckName.CREATE_LINK,
                CheckName.REDIRECT,
                CheckName.HEAD,
                CheckName.PREVIEW,
                CheckName.NOT_FOUND_HTML,
                CheckName.NOT_FOUND_JSON,
                CheckName.GONE_HTML,
                CheckName.GONE_JSON,
                CheckName.PATCH_SEEN,
                CheckName.RATE_LIMITED,
                CheckName.CLEANUP)) {
            assertEquals("pass", rows.get(passing.printed())[0], passing + ": " + rows.get(passing.printed())[1]);
        }
        for (CheckName edge :
                List.of(CheckName.REDIRECT_EDGE_CACHED, CheckName.NOT_FOUND_EDGE_CACHED, CheckName.GONE_EDGE_CACHED)) {
            assertEquals("skip", rows.get(edge.printed())[0], edge.printed());
            assertTrue(
                    rows.get(edge.printed())[1].contains("not served through CloudFront"), rows.get(edge.printed())[1]);
        }
        for (CheckName origin : List.of(CheckName.ORIGIN_REFUSES_DIRECT, CheckName.MANAGEMENT_ORIGIN_REFUSES_DIRECT)) {
            assertEquals("skip", rows.get(origin.printed())[0], origin.printed());
            assertTrue(
                    rows.get(origin.printed())[1].contains("a local runner has no CloudFront"),
                    rows.get(origin.printed())[1]);
        }
        assertEquals("skip", rows.get(CheckName.ATHENA_COUNT.printed())[0]);
        assertTrue(rows.get(CheckName.ATHENA_COUNT.printed())[1].contains("a local runner has no Athena"));
        assertEquals(CheckName.values().length, rows.size(), "a row per check and the clean-up");
        assertFalse(
                table.contains(apiKey) || err.toString(StandardCharsets.UTF_8).contains(apiKey),
                "the key is never printed");
        assertTrue(rows.get(CheckName.RATE_LIMITED.printed())[1].matches("429 after \\d+ requests, Retry-After: \\d+"));

        Matcher created = Pattern.compile("code (\\S+),").matcher(rows.get(CheckName.CREATE_LINK.printed())[1]);
        assertTrue(created.find());
        HttpResponse<String> afterwards = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/" + created.group(1)))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(410, afterwards.statusCode(), "the run deleted its link at the end");
    }

    @Test
    void aWrongApiKey_failsCreateLink_saysSo_andExits1_withoutPrintingTheKey() throws Exception {
        String wrongKey = "shk_thisIsNotAKeyOfThisRunner0000000000";
        Path output = data.resolve("wrong-key.out");
        ProcessBuilder command = command(List.of("--short-url", "http://localhost:" + port), output);
        command.environment().put("SHORTENER_API_KEY", wrongKey);
        Process process = command.start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS));
        String printed = Files.readString(output);
        System.out.println(printed);

        assertEquals(DeployCheck.FAILED, process.exitValue(), printed);
        Map<String, String[]> rows = rows(printed);
        assertEquals("fail", rows.get(CheckName.CREATE_LINK.printed())[0]);
        assertTrue(
                rows.get(CheckName.CREATE_LINK.printed())[1].contains("answered 401")
                        && rows.get(CheckName.CREATE_LINK.printed())[1].contains("the API key was refused"),
                rows.get(CheckName.CREATE_LINK.printed())[1]);
        assertEquals("skip", rows.get(CheckName.REDIRECT.printed())[0], "nothing to follow");
        assertTrue(rows.get(CheckName.REDIRECT.printed())[1].contains("create-link did not create one"));
        assertFalse(printed.contains(wrongKey));
    }

    @Test
    void aBadOption_exits2_namingTheOptionAndItsRange() throws Exception {
        Path output = data.resolve("bad-option.out");
        ProcessBuilder command =
                command(List.of("--short-url", "http://localhost:" + port, "--athena-wait", "soon"), output);
        command.environment().put("SHORTENER_API_KEY", apiKey);
        Process process = command.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS));
        String printed = Files.readString(output);

        assertEquals(DeployCheck.USAGE, process.exitValue(), printed);
        assertTrue(printed.contains("error: --athena-wait must be a whole number from 0 to 3600, got 'soon'"), printed);
    }

    private ProcessBuilder runner(List<String> args, Path output) {
        List<String> command = new ArrayList<>(List.of(
                java(),
                "-Dshortener.cacheDir=" + System.getProperty("shortener.cacheDir", "target/test-servers"),
                "-jar",
                RUNNER_JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        builder.environment().put("SHORTENER_DATA", data.toString());
        return builder;
    }

    private static ProcessBuilder command(List<String> args, Path output) {
        assertTrue(Files.isRegularFile(COMMAND_JAR), "run `verify` (package builds the command's jar): " + COMMAND_JAR);
        List<String> command = new ArrayList<>(List.of(java(), "-jar", COMMAND_JAR.toString()));
        command.addAll(args);
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().remove("SHORTENER_API_KEY");
        return builder;
    }

    private static Map<String, String[]> rows(String table) {
        Map<String, String[]> rows = new LinkedHashMap<>();
        for (String line : table.lines().toList()) {
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1), new String[] {row.group(2), row.group(3)});
            }
        }
        return rows;
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
