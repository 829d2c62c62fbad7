package dev.shortener.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The whole local mode, end to end: the packaged runner started as a separate process exactly as the README says,
 * driven over HTTP like a user would. The tests run in order and share one data folder: each step builds on the
 * links and clicks of the one before, as in the README's walk-through.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalRunnerIT {

    static final String MARKER = "LOCAL-DESTINATION-PAGE-7f3a";
    static final String BROWSER_UA = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    static final int SIGTERM_EXIT = 143;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern CODE = Pattern.compile("\"code\":\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private Path data;
    private int port;
    private HttpServer destination;
    private String destinationUrl;
    private RunnerProcess runner;
    private String apiKey;
    private String linkCode;
    private String deletedCode;
    private String expiringCode;
    private Instant expiringAt;
    private int humanClicks;

    @BeforeAll
    void startDestinationAndRunner() throws Exception {
        assertTrue(
                Files.isRegularFile(RunnerProcess.JAR),
                "run `verify` (the jar is built by `package`): " + RunnerProcess.JAR);
        data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "it-data-");
        port = freePort();
        destination = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        destination.createContext("/", exchange -> {
            byte[] page = ("<!doctype html><html><head><title>Destination</title></head><body><h1>" + MARKER
                            + "</h1><p>You followed a short link to " + exchange.getRequestURI()
                            + ".</p></body></html>")
                    .getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, page.length);
            exchange.getResponseBody().write(page);
            exchange.close();
        });
        destination.start();
        destinationUrl = "http://127.0.0.1:" + destination.getAddress().getPort() + "/landing?from=short-link";
        runner = RunnerProcess.start(env());
        runner.awaitReady(START_TIMEOUT);
    }

    @AfterAll
    void stopEverything() {
        if (runner != null) {
            runner.close();
        }
        if (destination != null) {
            destination.stop(0);
        }
    }

    /** The README's environment for the test: a free port, its own data folder, local destinations allowed. */
    private Map<String, String> env() {
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("SHORTENER_DATA", data.toString());
        env.put("ALLOW_PRIVATE_ADDRESSES", "true");
        return env;
    }

    @Test
    @Order(1)
    void firstStart_printsAnApiKey_thatCreatesListsAndDrawsLinksOverHttp() throws Exception {
        apiKey = runner.apiKey().orElseThrow(() -> new AssertionError("no API key printed:\n" + runner.output()));
        assertTrue(
                runner.stdout().stream().anyMatch(line -> line.contains("curl") && line.contains(apiKey)),
                "a curl example with the key");

        HttpResponse<String> created = post("{\"url\":\"" + destinationUrl + "\"}");
        assertEquals(201, created.statusCode(), created.body());
        linkCode = code(created);
        assertTrue(
                created.body().contains("\"shortUrl\":\"http://localhost:" + port + "/" + linkCode + "\""),
                created.body());
        deletedCode = code(post("{\"url\":\"" + destinationUrl + "&n=2\"}"));
        expiringAt = Instant.now().plusSeconds(4).truncatedTo(ChronoUnit.SECONDS);
        expiringCode = code(post("{\"url\":\"" + destinationUrl + "&n=3\",\"expiresAt\":\"" + expiringAt + "\"}"));
        System.out.printf(
                "created %s, %s, %s (expires %s) with key %s...%n",
                linkCode, deletedCode, expiringCode, expiringAt, apiKey.substring(0, 8));

        HttpResponse<String> unauthorised = http.send(
                HttpRequest.newBuilder(api("/api/links"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, unauthorised.statusCode());

        // The management API's newer routes, through the loopback gateway: listing, a QR PNG as bytes, the document.
        HttpResponse<String> listed = http.send(
                HttpRequest.newBuilder(api("/api/links?limit=10"))
                        .header("X-Api-Key", apiKey)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, listed.statusCode(), listed.body());
        for (String code : new String[] {linkCode, deletedCode, expiringCode}) {
            assertTrue(listed.body().contains("\"code\":\"" + code + "\""), code + " listed: " + listed.body());
        }
        HttpResponse<byte[]> qr = http.send(
                HttpRequest.newBuilder(api("/api/links/" + linkCode + "/qr?format=png&size=128"))
                        .header("X-Api-Key", apiKey)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, qr.statusCode());
        assertEquals("image/png", qr.headers().firstValue("Content-Type").orElse(null));
        assertEquals((byte) 0x89, qr.body()[0], "PNG bytes, decoded from the handler's base64");
        assertEquals('P', qr.body()[1]);
        HttpResponse<String> document = http.send(
                HttpRequest.newBuilder(api("/api/openapi.json")).GET().build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, document.statusCode(), "no key needed");
        assertTrue(
                document.body().contains("\"openapi\": \"3.1.0\""),
                document.body().substring(0, 80));
    }

    @Test
    @Order(2)
    void shortLink_redirects302_toTheDestination_andABrowserLandsThere() throws Exception {
        HttpResponse<String> redirect = get("/" + linkCode);
        humanClicks++;
        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals(destinationUrl, redirect.headers().firstValue("location").orElseThrow());

        HttpClient following = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        HttpResponse<String> landed = following.send(
                HttpRequest.newBuilder(api("/" + linkCode))
                        .header("User-Agent", BROWSER_UA)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        humanClicks++;
        assertEquals(200, landed.statusCode());
        assertTrue(landed.body().contains(MARKER), landed.body());
        assertEquals(destinationUrl, landed.uri().toString());

        HttpResponse<String> head = http.send(
                HttpRequest.newBuilder(api("/" + linkCode))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .header("User-Agent", BROWSER_UA)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, head.statusCode()); // and, as HEAD, no click
    }

    @Test
    @Order(3)
    void unknownCode_is404_deletedAndExpiredLinks_are410() throws Exception {
        assertEquals(404, get("/zzzzzzz").statusCode());
        assertEquals(404, get("/no/such/path").statusCode());

        HttpResponse<String> deleted = http.send(
                HttpRequest.newBuilder(api("/api/links/" + deletedCode))
                        .header("X-Api-Key", apiKey)
                        .DELETE()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(204, deleted.statusCode(), deleted.body());
        HttpResponse<String> gone = get("/" + deletedCode);
        assertEquals(410, gone.statusCode());
        assertTrue(gone.headers().firstValue("content-type").orElse("").startsWith("text/html"));

        assertEquals(302, get("/" + expiringCode).statusCode(), "before its expiry");
        humanClicks++;
        long wait = Duration.between(Instant.now(), expiringAt).toMillis() + 1_100;
        if (wait > 0) {
            Thread.sleep(wait);
        }
        assertEquals(410, get("/" + expiringCode).statusCode(), "after its expiry");
    }

    @Test
    @Order(4)
    void clicks_areInTheNdjsonFiles_byDay() throws Exception {
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(data.resolve("clicks"))) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                assertTrue(
                        file.getParent().getFileName().toString().matches("dt=\\d{4}-\\d{2}-\\d{2}"), file.toString());
                lines.addAll(Files.readAllLines(file));
            }
        }
        long ofLink = lines.stream()
                .filter(line -> line.contains("\"code\":\"" + linkCode + "\""))
                .count();
        System.out.printf(
                "%d click lines, %d of %s; first: %s%n",
                lines.size(), ofLink, linkCode, lines.isEmpty() ? "-" : lines.get(0));
        assertEquals(2, ofLink, "the GET and the followed GET; HEAD, 404 and 410 record none");
        assertTrue(lines.stream().allMatch(line -> line.contains("\"bot\":false")), "a browser's clicks are human");
        assertFalse(lines.stream().anyMatch(line -> line.contains("127.0.0.1\"")), "no raw IP in the events");
    }

    @Test
    @Order(5)
    void stats_printsTheRightCount() throws Exception {
        RunnerProcess stats = RunnerProcess.runToEnd(env(), Duration.ofSeconds(120), "stats");
        assertEquals(0, stats.exitValue(), stats.output());
        String text = String.join("\n", stats.stdout());
        System.out.println(text);
        assertTrue(text.contains("== Top links (top_links.sql"), text);
        Matcher row = Pattern.compile("(?m)^" + linkCode + "\\s+(\\d+)\\s*$")
                .matcher(text.substring(text.indexOf("== Top links")));
        assertTrue(row.find(), "a row for " + linkCode + ":\n" + text);
        assertEquals(2, Integer.parseInt(row.group(1)));
        Matcher expiring =
                Pattern.compile("(?m)^" + expiringCode + "\\s+(\\d+)\\s*$").matcher(text);
        assertTrue(expiring.find() && expiring.group(1).equals("1"), text);
        assertEquals(3, humanClicks);
    }

    /**
     * The runner counts its click files into the stats API within seconds (the click-count function's own
     * aggregation, every 2 s): people by referrer and browser, bots apart. Polled until a deadline, not slept.
     */
    @Test
    @Order(6)
    void clicks_reachTheStatsApi_withinSeconds_byReferrerAndBrowser_botsApart() throws Exception {
        String statsCode = code(post("{\"url\":\"" + destinationUrl + "?stats\"}"));
        String chrome = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                + " Chrome/124.0.0.0 Safari/537.36";
        click(statsCode, BROWSER_UA, "https://news.example/today");
        click(statsCode, BROWSER_UA, "https://news.example/yesterday");
        click(statsCode, chrome, "https://social.example/post/1");
        click(statsCode, "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", null);
        click(statsCode, "curl/8.5.0", null);

        Instant deadline = Instant.now().plusSeconds(30);
        String body = statsOf(statsCode, "bots=include");
        while (!body.contains("\"clicks\":5,") && Instant.now().isBefore(deadline)) {
            Thread.sleep(200);
            body = statsOf(statsCode, "bots=include");
        }
        System.out.println("stats after the clicks: " + body);
        assertTrue(body.contains("\"totals\":{\"clicks\":5,\"people\":3,\"bots\":2,\"uniqueVisitors\":"), body);
        assertTrue(body.contains("\"clickCount\":3,"), "click_count counted by the same pass: " + body);
        String referrers = statsOf(statsCode, "groupBy=referrer");
        assertTrue(
                referrers.contains("\"breakdown\":[{\"value\":\"news.example\",\"clicks\":2},"
                        + "{\"value\":\"social.example\",\"clicks\":1}]"),
                referrers);
        String browsers = statsOf(statsCode, "groupBy=browser");
        assertTrue(
                browsers.contains("\"breakdown\":[{\"value\":\"Firefox\",\"clicks\":2},"
                        + "{\"value\":\"Chrome\",\"clicks\":1}]"),
                browsers);
        String bots = statsOf(statsCode, "groupBy=bot&bots=only");
        assertTrue(bots.contains("{\"value\":\"Slackbot\",\"clicks\":1}"), bots);
        assertTrue(bots.contains("\"totals\":{\"clicks\":2,"), bots);
        String owner = http.send(
                        HttpRequest.newBuilder(api("/api/stats?groupBy=link"))
                                .header("X-Api-Key", apiKey)
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        assertTrue(owner.contains("{\"value\":\"" + statsCode + "\",\"clicks\":3}"), owner);
    }

    @Test
    @Order(7)
    void inspect_decodesACode_withTheStoredSecret() throws Exception {
        RunnerProcess inspect = RunnerProcess.runToEnd(env(), Duration.ofSeconds(60), "inspect", linkCode);
        assertEquals(0, inspect.exitValue(), inspect.output());
        String text = String.join("\n", inspect.stdout());
        System.out.println(text);
        Matcher time = Pattern.compile("time\\s+(\\S+)").matcher(text);
        assertTrue(time.find(), text);
        Instant minted = Instant.parse(time.group(1));
        assertTrue(Duration.between(minted, Instant.now()).abs().toMinutes() < 10, "minted just now: " + minted);
        assertTrue(text.matches("(?s).*worker\\s+\\d+.*sequence\\s+\\d+.*"), text);
    }

    /** After the stats check: these clicks are not in its count. */
    @Test
    @Order(8)
    void aForwardingLink_getsTheVisitorsQuery_andTheBareDomainAndRobotsTxtAnswer() throws Exception {
        HttpResponse<String> created = post("{\"url\":\"" + destinationUrl + "\",\"forwardQuery\":true}");
        assertTrue(created.body().contains("\"forwardQuery\":true"), created.body());
        String forwarding = code(created);

        HttpResponse<String> redirect = get("/" + forwarding + "?utm_source=it&from=qr&x=%E2%9C%93");
        HttpResponse<String> root = get("/");
        HttpResponse<String> robots = get("/robots.txt");

        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals(
                destinationUrl.replace("from=short-link", "from=qr") + "&utm_source=it&x=%E2%9C%93",
                redirect.headers().firstValue("location").orElseThrow(),
                "the destination's from=short-link takes the visitor's value, in its place");
        assertEquals(200, root.statusCode(), root.body());
        assertTrue(root.body().contains("<h1>Short links</h1>"), root.body());
        assertEquals(200, robots.statusCode());
        assertTrue(robots.body().contains("Disallow: /"), robots.body());
    }

    @Test
    @Order(9)
    void chromium_landsOnTheDestination_andRendersThe404_410_andPreviewPages() throws Exception {
        HeadlessChromium chromium = HeadlessChromium.findOrAbort();
        Path shots = Path.of(System.getProperty("runner.screenshots", "target/screenshots"));
        String base = "http://localhost:" + port;

        String dom = chromium.dumpDom(base + "/" + linkCode);
        assertTrue(dom.contains(MARKER), "Chromium followed the short link to the local page:\n" + dom);

        for (var page : Map.of(
                        "destination",
                        "/" + linkCode,
                        "not-found-404",
                        "/zzzzzzz",
                        "gone-410",
                        "/" + deletedCode,
                        "preview",
                        "/" + linkCode + "+")
                .entrySet()) {
            Path file = shots.resolve(page.getKey() + ".png");
            chromium.screenshot(base + page.getValue(), file);
            assertTrue(Files.size(file) > 1_000, file + " is a real image");
            System.out.printf("screenshot %s: %,d bytes%n", file, Files.size(file));
        }
        String preview = chromium.dumpDom(base + "/" + linkCode + "+");
        assertTrue(
                preview.contains(destinationUrl.replace("&", "&amp;")) || preview.contains(destinationUrl),
                "the preview shows the destination:\n" + preview);
        String gone = chromium.dumpDom(base + "/" + deletedCode);
        assertFalse(gone.contains(MARKER), "a deleted link goes nowhere");
    }

    @Test
    @Order(10)
    void restart_keepsTheLinks_andPrintsNoNewKey() throws Exception {
        assertEquals(SIGTERM_EXIT, runner.stop(Duration.ofSeconds(30)), runner.output());
        assertTrue(runner.stdout().contains("Stopped."), "the shutdown hook ran:\n" + runner.output());

        runner = RunnerProcess.start(env());
        runner.awaitReady(START_TIMEOUT);
        assertTrue(runner.apiKey().isEmpty(), "the key is printed on the first start only");

        HttpResponse<String> redirect = get("/" + linkCode);
        assertEquals(302, redirect.statusCode(), redirect.body());
        assertEquals(destinationUrl, redirect.headers().firstValue("location").orElseThrow());
        assertEquals(410, get("/" + deletedCode).statusCode());
        assertEquals(410, get("/" + expiringCode).statusCode());
        HttpResponse<String> again = post("{\"url\":\"" + destinationUrl + "&n=4\"}");
        assertEquals(201, again.statusCode(), "the old key still works: " + again.body());
        assertNotEquals(linkCode, code(again));
    }

    @Test
    @Order(11)
    void stop_leavesNoDynaliteOrRedisServerRunning() throws Exception {
        List<ProcessHandle> children = runner.descendants();
        int dynalitePort = runner.dynalitePort();
        int redisPort = runner.redisPort();
        System.out.printf(
                "runner %d with %d descendants: %s; ports http %d, dynalite %d, redis %d%n",
                runner.process().pid(),
                children.size(),
                children.stream()
                        .map(p -> p.pid() + " " + p.info().command().orElse("?"))
                        .toList(),
                port,
                dynalitePort,
                redisPort);
        assertTrue(children.stream().anyMatch(p -> p.info().command().orElse("").contains("node")), "dynalite ran");
        assertTrue(
                children.stream().anyMatch(p -> p.info().command().orElse("").contains("redis-server")),
                "redis-server ran");

        assertEquals(SIGTERM_EXIT, runner.stop(Duration.ofSeconds(30)), runner.output());
        assertTrue(runner.stdout().contains("Stopped."), "the shutdown hook ran:\n" + runner.output());

        for (ProcessHandle child : children) {
            child.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
            assertFalse(
                    child.isAlive(),
                    "still alive: " + child.pid() + " "
                            + child.info().commandLine().orElse(""));
        }
        List<String> leftovers = Leftovers.processesMentioning(
                List.of(data.toString(), "127.0.0.1:" + redisPort, "--port " + redisPort));
        assertTrue(leftovers.isEmpty(), "processes left: " + leftovers);
        for (int used : new int[] {port, dynalitePort, redisPort}) {
            assertFalse(listening(used), "something still listens on " + used);
        }
    }

    @Test
    @Order(12)
    void busyPort_unwritableDataFolder_andMissingNode_failWithClearMessages() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Map<String, String> env = env();
            env.put("PORT", Integer.toString(taken.getLocalPort()));
            assertFailsToStart(env, "Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use", "--port");
        }

        Path file = Files.writeString(data.resolve("not-a-folder"), "x");
        Map<String, String> env = env();
        env.put("SHORTENER_DATA", file.resolve("data").toString());
        assertFailsToStart(env, "can't be written", "--data");

        Map<String, String> noNode = env();
        noNode.put("PATH", Files.createTempDirectory(data, "empty-path").toString());
        assertFailsToStart(noNode, "Node.js 20+ is needed", "install");
    }

    /** The runner exits 1 with a message on stderr that says each of {@code says} (printed, for a reader). */
    private static void assertFailsToStart(Map<String, String> env, String... says) throws Exception {
        RunnerProcess failed = RunnerProcess.runToEnd(env, Duration.ofSeconds(60));
        assertEquals(1, failed.exitValue());
        String stderr = failed.stderrText();
        assertTrue(Arrays.stream(says).allMatch(stderr::contains), failed.output());
        System.out.println(stderr);
    }

    @Test
    @Order(13)
    void killedWithSigkill_itsChildrenStillStop() throws Exception {
        runner = RunnerProcess.start(env());
        runner.awaitReady(START_TIMEOUT);
        assertEquals(302, get("/" + linkCode).statusCode(), "a third start still resolves the first link");
        List<ProcessHandle> children = runner.descendants();
        int redisPort = runner.redisPort();
        assertFalse(children.isEmpty());

        runner.process().toHandle().destroyForcibly(); // kill -9: no shutdown hook runs
        runner.process().waitFor();

        for (ProcessHandle child : children) {
            child.onExit().get(15, java.util.concurrent.TimeUnit.SECONDS); // the stdin watchdogs
        }
        assertTrue(Leftovers.processesMentioning(List.of(data.toString(), "127.0.0.1:" + redisPort))
                .isEmpty());
        System.out.printf(
                "after kill -9 of %d: all %d descendants gone%n",
                runner.process().pid(), children.size());
    }

    private HttpResponse<String> post(String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(api("/api/links"))
                        .header("X-Api-Key", apiKey)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private void click(String code, String userAgent, String referer) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api("/" + code)).header("User-Agent", userAgent);
        if (referer != null) {
            request.header("Referer", referer);
        }
        assertEquals(
                302,
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).statusCode());
    }

    private String statsOf(String code, String query) throws Exception {
        HttpResponse<String> stats = http.send(
                HttpRequest.newBuilder(api("/api/links/" + code + "/stats?" + query))
                        .header("X-Api-Key", apiKey)
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, stats.statusCode(), stats.body());
        return stats.body();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(api(path))
                        .header("User-Agent", BROWSER_UA)
                        .header("Accept", "text/html")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private URI api(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static String code(HttpResponse<String> created) {
        assertEquals(201, created.statusCode(), created.body());
        Matcher matcher = CODE.matcher(created.body());
        assertTrue(matcher.find(), created.body());
        return matcher.group(1);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
