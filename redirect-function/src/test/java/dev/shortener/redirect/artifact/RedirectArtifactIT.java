package dev.shortener.redirect.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.firehose.StoredEvents;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn.Invocation;
import dev.shortener.localservers.lambda.RuntimeLoop;
import dev.shortener.testsupport.SampleEvents;
import dev.shortener.testsupport.TestServers;
import java.io.File;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployment jar itself ({@code target/redirect-function-lambda.jar}, shaded and then shrunk by ProGuard),
 * run as Lambda runs it: a fresh JVM with nothing else of the project on its class path, the handler built by
 * name, invocations taken from a loopback Runtime API ({@link LambdaEnvironmentStandIn}), events read and
 * responses written by the Lambda runtime's own serialisation, configured only through the environment as the
 * template configures it. Against dynalite, a redis-server and a Firehose endpoint, it must answer every kind of
 * request and deliver the clicks, its click-flush extension registered, and a lone click sent after the caller had
 * the response and before the environment could freeze. The unit tests run the classes before packaging; this is
 * what catches a class or member the packaging dropped.
 */
class RedirectArtifactIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAMBDA_JAR =
            Path.of(System.getProperty("lambda.jar", "target/redirect-function-lambda.jar"));
    private static final String HANDLER = "dev.shortener.redirect.RedirectHandler";
    /** The function timeout of the template's redirect function. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private static final Duration HOLD_IF_NEXT_WITHIN = Duration.ofMillis(100);
    /**
     * How long Firehose takes to answer the lone click's call: a handler that waited for the send would respond
     * that much after the call started. Which of the response post and the call's start comes first is not
     * enforced (the extension gets no signal of the post; see the click-sink README), so only "before the answer"
     * is asserted.
     */
    private static final Duration LONE_ANSWER = Duration.ofMillis(200);

    @Test
    void deploymentJar_servesEveryKindOfRequest_andDeliversItsClicks() throws Exception {
        assertTrue(
                Files.isRegularFile(LAMBDA_JAR), LAMBDA_JAR + " is missing: run `./mvnw verify` (package builds it)");
        String table = TestServers.uniqueName("artifact");
        Instant now = Instant.now();
        try (DynamoDbClient admin = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
                UnifiedJedis redis = RedisClients.create(RedisSettings.of(TestServers.redisUri()));
                FirehoseStandIn firehose = new FirehoseStandIn()) {
            var cache = new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX); // the function's own keys
            cache.invalidate("aRt1fAc");
            cache.invalidate("fWd0art");
            LinksTableSetup.createIfMissing(admin, table);
            var links = new DynamoDbLinkStore(new LinksTable(admin, table));
            links.putIfAbsent(Link.create("aRt1fAc", "https://example.com/live?q=1", now.minusSeconds(60), null, "it"));
            links.putIfAbsent(
                    Link.create("fWd0art", "https://example.com/offer?id=7#terms", now.minusSeconds(60), null, "it")
                            .withForwardQuery(true));
            links.putIfAbsent(Link.create("lOnE0ck", "https://example.com/lone", now.minusSeconds(60), null, "it"));
            links.putIfAbsent(Link.create(
                    "gOnE0ex", "https://example.com/gone", now.minusSeconds(600), now.minusSeconds(5), "it"));

            List<String> events = List.of(
                    event("redirect-get.json", "aRt1fAc"), // a cache miss: DynamoDB, then Redis filled
                    event("redirect-get.json", "aRt1fAc"), // a cache hit
                    event("redirect-head.json", "aRt1fAc"), // HEAD: no body, no click
                    event("redirect-preview.json", "aRt1fAc"), // the '+' preview page
                    event("redirect-get.json", "nOnE000"), // unknown, a browser: the HTML page
                    event("redirect-get-json.json", "nOnE000"), // unknown, an API client: problem+json
                    event("redirect-get-json.json", "gOnE0ex"), // expired
                    event("redirect-post.json", "aRt1fAc"), // a method the route doesn't take
                    event("redirect-get-query.json", "fWd0art"), // a forwarding link, with a query
                    event("redirect-root.json", "-"), // the bare domain: to ROOT_REDIRECT_URL
                    event("redirect-robots.json", "-")); // robots.txt
            Map<String, String> env = Map.ofEntries(
                    Map.entry("LINKS_TABLE", table),
                    Map.entry("REDIS_URL", TestServers.redisUri().toString()),
                    Map.entry(
                            "DYNAMODB_ENDPOINT", TestServers.dynamoDbEndpoint().toString()),
                    Map.entry("CLICK_STREAM_NAME", "clicks-artifact"),
                    Map.entry("FIREHOSE_ENDPOINT", firehose.endpoint().toString()),
                    Map.entry("CLICK_VISITOR_SECRET", "artifact-visitor-secret-0123456789abcdef"),
                    Map.entry("CLICK_RECORD_ENCODING", "gzip"),
                    // Shorter than the 1 s default, so that a lull of a second makes the next invocation a lone one.
                    Map.entry("CLICK_HOLD_IF_NEXT_WITHIN_MS", Long.toString(HOLD_IF_NEXT_WITHIN.toMillis())),
                    Map.entry("ROOT_REDIRECT_URL", "https://www.example.com/"),
                    // As Lambda sets them: the execution role's temporary credentials and the region.
                    Map.entry("AWS_REGION", "us-east-1"),
                    Map.entry("AWS_ACCESS_KEY_ID", "ASIAARTIFACTTEST0000"),
                    Map.entry("AWS_SECRET_ACCESS_KEY", "artifact-secret"),
                    Map.entry("AWS_SESSION_TOKEN", "artifact-session-token"),
                    Map.entry("AWS_LAMBDA_FUNCTION_NAME", "redirect"),
                    Map.entry("AWS_LAMBDA_LOG_LEVEL", "INFO"));

            Run run = runInFreshJvm(env, events, firehose, 3);

            List<JsonNode> responses = run.responses();
            assertEquals(events.size(), responses.size(), run.output());
            assertEquals(1, run.extensions(), "the click-flush extension registered from the shrunk jar");
            assertEquals(302, responses.get(0).get("statusCode").asInt(), run.output());
            assertEquals("https://example.com/live?q=1", header(responses.get(0), "Location"));
            assertEquals(302, responses.get(1).get("statusCode").asInt(), run.output());
            assertEquals(302, responses.get(2).get("statusCode").asInt(), run.output());
            assertTrue(responses.get(2).path("body").asText("").isEmpty(), "HEAD has no body");
            assertEquals(200, responses.get(3).get("statusCode").asInt(), run.output());
            assertTrue(responses.get(3).get("body").asText().contains("https://example.com/live?q=1"));
            assertEquals(404, responses.get(4).get("statusCode").asInt(), run.output());
            assertTrue(header(responses.get(4), "Content-Type").startsWith("text/html"));
            assertEquals(404, responses.get(5).get("statusCode").asInt(), run.output());
            assertEquals("application/problem+json", header(responses.get(5), "Content-Type"));
            assertEquals(
                    404,
                    JSON.readTree(responses.get(5).get("body").asText())
                            .get("status")
                            .asInt());
            assertEquals(410, responses.get(6).get("statusCode").asInt(), run.output());
            assertEquals(405, responses.get(7).get("statusCode").asInt(), run.output());
            assertEquals(302, responses.get(8).get("statusCode").asInt(), run.output());
            assertEquals(
                    "https://example.com/offer?id=7&utm_source=newsletter&utm_medium=email&ref=%E2%9C%93#terms",
                    header(responses.get(8), "Location"));
            assertEquals(302, responses.get(9).get("statusCode").asInt(), run.output());
            assertEquals("https://www.example.com/", header(responses.get(9), "Location"));
            assertEquals(200, responses.get(10).get("statusCode").asInt(), run.output());
            assertTrue(responses.get(10).get("body").asText().contains("Disallow: /"), run.output());

            List<String> clicks = StoredEvents.lines(firehose.storedRecords());
            assertEquals(4, clicks.size(), "the three GET redirects and the lone one each send a click: " + clicks);
            assertTrue(
                    run.lone().respondedAtNanos() < run.loneCall().atNanos() + LONE_ANSWER.toNanos(),
                    "the caller had the lone redirect before Firehose answered its click's PutRecordBatch");
            assertTrue(
                    run.loneCall().atNanos() < run.lone().frozen().get(),
                    "the click was sent before the environment could freeze");
            List<String> clicked = new ArrayList<>();
            for (String click : clicks) {
                JsonNode event = JSON.readTree(click);
                clicked.add(event.get("code").asText());
                assertEquals("203.0.113.0/24", event.get("ip_prefix").asText());
            }
            assertEquals(
                    List.of("aRt1fAc", "aRt1fAc", "fWd0art", "lOnE0ck"),
                    clicked.stream().sorted().toList());
            assertEquals(List.of(), firehose.violations());
            assertTrue(cache.get("aRt1fAc").isPresent(), "the miss filled the cache");
            for (String broken : List.of(
                    "NoClassDefFoundError",
                    "ClassNotFoundException",
                    "NoSuchMethodError",
                    "NoSuchFieldError",
                    "AbstractMethodError",
                    "\"level\":\"ERROR\"")) {
                assertFalse(run.output().contains(broken), broken + " in the function's output:\n" + run.output());
            }
            System.out.printf(
                    "deployment jar %s (%,d bytes): %d responses as expected, %d clicks delivered, the lone one"
                            + "'s call starting %+d µs from its response and %d µs before the freeze%n",
                    LAMBDA_JAR.getFileName(),
                    Files.size(LAMBDA_JAR),
                    responses.size(),
                    clicks.size(),
                    (run.loneCall().atNanos() - run.lone().respondedAtNanos()) / 1000,
                    (run.lone().frozen().get() - run.loneCall().atNanos()) / 1000);
        }
    }

    /**
     * What a run showed: the responses in order, the function's output, how many extensions registered, and the
     * lone invocation with its click's call.
     */
    private record Run(
            List<JsonNode> responses, String output, int extensions, Invocation lone, FirehoseStandIn.Call loneCall) {}

    /**
     * Starts the jar under the Runtime API stand-in, invokes each event in turn (each after the environment could
     * freeze after the previous one), waits for the clicks; then, after a lull longer than the hold window, one
     * lone GET, whose click the extension must send after the response. Closing the Runtime API ends the process.
     */
    private static Run runInFreshJvm(
            Map<String, String> env, List<String> events, FirehoseStandIn firehose, int expectedClicks)
            throws Exception {
        var lambda = new LambdaEnvironmentStandIn(TIMEOUT);
        try {
            List<String> command = List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-XX:+TieredCompilation",
                    "-XX:TieredStopAtLevel=1", // as the template's JAVA_TOOL_OPTIONS
                    "-cp",
                    String.join(
                            File.pathSeparator,
                            LAMBDA_JAR.toAbsolutePath().toString(),
                            codeSource(JavaRuntimeStandIn.class),
                            codeSource(RuntimeLoop.class),
                            codeSource(PojoSerializer.class)),
                    JavaRuntimeStandIn.class.getName(),
                    HANDLER);
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            builder.environment().clear(); // only what Lambda would set: nothing leaks in from this JVM
            builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
            builder.environment().putAll(env);
            builder.environment().put("AWS_LAMBDA_RUNTIME_API", lambda.runtimeApi());
            Path output = Files.createTempFile("artifact-run", ".log");
            builder.redirectOutput(output.toFile());
            Process process = builder.start();
            try {
                List<JsonNode> responses = new ArrayList<>();
                for (String event : events) {
                    responses.add(answer(lambda.invoke(event), output));
                }
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
                while (System.nanoTime() < deadline
                        && StoredEvents.lines(firehose.storedRecords()).size() < expectedClicks) {
                    Thread.sleep(50);
                }
                // The gauge weighs each gap a quarter: after the burst, a gap of ten hold windows makes the mean gap
                // longer than the window, so the next invocation's click is sent after its response.
                Thread.sleep(HOLD_IF_NEXT_WITHIN.toMillis() * 10);
                int callsBefore = firehose.calls().size();
                firehose.plan(call -> FirehoseStandIn.Fault.slow(LONE_ANSWER.toMillis()));
                Invocation lone = lambda.invoke(event("redirect-get.json", "lOnE0ck"));
                answer(lone, output);
                List<FirehoseStandIn.Call> calls = firehose.calls();
                assertEquals(callsBefore + 1, calls.size(), "one call for the lone click, before the freeze");
                int extensions = lambda.extensionCount();
                lambda.close(); // the Runtime API goes away: the runtime loop ends and the process exits
                if (!process.waitFor(20, TimeUnit.SECONDS)) {
                    throw new AssertionError("the stand-in did not exit:\n" + Files.readString(output));
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                assertEquals(0, process.exitValue(), "the stand-in failed:\n" + text);
                return new Run(responses, text, extensions, lone, calls.get(callsBefore));
            } finally {
                process.destroyForcibly();
                Files.deleteIfExists(output);
            }
        } finally {
            lambda.close(); // again, for a run that failed before its own close (a second close does nothing)
        }
    }

    /** The invocation's response (its first may wait for the cold start), once the environment could freeze. */
    private static JsonNode answer(Invocation invocation, Path output) throws Exception {
        try {
            String body = invocation.response().get(60, TimeUnit.SECONDS);
            invocation.frozen().get(30, TimeUnit.SECONDS);
            assertFalse(body.startsWith("ERROR"), body + "\n" + Files.readString(output));
            return JSON.readTree(body);
        } catch (TimeoutException e) {
            throw new AssertionError("no answer from the function:\n" + Files.readString(output), e);
        }
    }

    /** A committed sample event from {@code events/} (a function URL's, as CloudFront sends it), for another code. */
    private static String event(String file, String code) {
        return SampleEvents.json(file).replace("aB3dE5f", code);
    }

    private static String header(JsonNode response, String name) {
        for (var header : response.get("headers").properties()) {
            if (header.getKey().equalsIgnoreCase(name)) {
                return header.getValue().asText();
            }
        }
        return "";
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI())
                .toString();
    }
}
