package dev.shortener.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
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
 * The console in a browser against the packaged runner: the runner started as the README says, then the console
 * module's Playwright script ({@code console/test/browser.mjs}, Debian's Chromium through playwright-core) signs
 * in, creates, follows, charts, edits and deletes a link, with axe-core on every page and screenshots under
 * {@code target/screenshots}. This class asserts the script's result line; the checks themselves are the script's.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleBrowserIT {

    private static final Path CONSOLE = Path.of(System.getProperty("console.dir", "../console"));
    private static final Pattern RESULT =
            Pattern.compile("CONSOLE-BROWSER-RESULT \\{\"passed\":(\\d+),\"failed\":(null|\"[^\\n]*?\"),");
    private static final int CHECKS = 33;

    private final HttpClient http =
            HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private RunnerProcess runner;
    private String base;

    @BeforeAll
    void startRunner() throws Exception {
        assertTrue(Files.isRegularFile(RunnerProcess.JAR), "run `verify` (the jar is built by `package`)");
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "console-it-data-");
        runner = RunnerProcess.start(Map.of(
                "PORT", Integer.toString(port),
                "SHORTENER_DATA", data.toString(),
                "ALLOW_PRIVATE_ADDRESSES", "true"));
        runner.awaitReady(Duration.ofSeconds(120));
        base = "http://localhost:" + port;
    }

    @AfterAll
    void stopRunner() {
        if (runner != null) {
            runner.close();
        }
    }

    @Test
    void theConsoleIsServed_withItsSecurityHeaders_andCacheRules() throws Exception {
        HttpResponse<String> bare = get("/console");
        assertEquals(301, bare.statusCode());
        assertEquals("/console/", bare.headers().firstValue("location").orElseThrow());

        HttpResponse<String> index = get("/console/");
        assertEquals(200, index.statusCode());
        assertEquals(
                "text/html; charset=utf-8",
                index.headers().firstValue("content-type").orElseThrow());
        assertEquals("no-cache", index.headers().firstValue("cache-control").orElseThrow());
        String csp = index.headers().firstValue("content-security-policy").orElseThrow();
        assertTrue(csp.startsWith("default-src 'self';") && !csp.contains("unsafe"), csp);
        Matcher script = Pattern.compile("src=\"(app-[A-Z0-9]{8}\\.js)\"").matcher(index.body());
        assertTrue(script.find(), index.body());

        HttpResponse<String> asset = get("/console/" + script.group(1));
        assertEquals(200, asset.statusCode());
        assertEquals(
                "text/javascript; charset=utf-8",
                asset.headers().firstValue("content-type").orElseThrow());
        assertEquals(
                "public, max-age=31536000, immutable",
                asset.headers().firstValue("cache-control").orElseThrow());
        assertEquals(404, get("/console/..%2Fconsole-security-headers.json").statusCode());
        assertEquals(404, get("/console/nothing-here.js").statusCode());
        assertEquals(404, get("/consoles").statusCode(), "a path that only starts with /console is a short code");
    }

    @Test
    void theConsole_inChromium_managesALink_andChartsItsClick_accessibly() throws Exception {
        HeadlessChromium.findOrAbort();
        String key = runner.apiKey().orElseThrow(() -> new AssertionError("no key printed:\n" + runner.output()));
        Path shots = Path.of(System.getProperty("runner.screenshots", "target/screenshots"))
                .toAbsolutePath();
        ProcessBuilder script = new ProcessBuilder(List.of("node", "test/browser.mjs", shots.toString()))
                .directory(CONSOLE.toFile())
                .redirectErrorStream(true);
        script.environment()
                .putAll(Map.of("BASE_URL", base, "API_KEY", key, "CHROMIUM", HeadlessChromium.BINARY.toString()));
        Process node = script.start();
        node.getOutputStream().close();
        String output = new String(node.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(node.waitFor(5, TimeUnit.MINUTES), "the browser script did not finish");
        System.out.println(output);

        Matcher result = RESULT.matcher(output);
        assertTrue(result.find(), "no result line from the script:\n" + output);
        assertEquals("null", result.group(2), "the script's failure");
        assertEquals(0, node.exitValue(), output);
        assertEquals(CHECKS, Integer.parseInt(result.group(1)), "every check ran:\n" + output);
        for (String page : List.of("sign-in", "links", "links-phone", "link", "overview")) {
            Path file = shots.resolve("console-" + page + ".png");
            assertTrue(Files.isRegularFile(file) && Files.size(file) > 5_000, file + " is a real screenshot");
        }
    }

    private HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return http.send(
                HttpRequest.newBuilder(URI.create(base + path)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
