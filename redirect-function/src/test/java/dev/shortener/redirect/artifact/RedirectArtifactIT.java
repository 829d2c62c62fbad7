package dev.shortener.redirect.artifact;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.serialization.PojoSerializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortener.analytics.firehose.FakeFirehose;
import dev.shortener.analytics.firehose.StoredEvents;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.testsupport.SampleEvents;
import dev.shortener.testsupport.TestServers;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The deployment jar itself ({@code target/redirect-function-lambda.jar}, shaded and then shrunk by ProGuard),
 * run as Lambda runs it: a fresh JVM with nothing else of the project on its class path, the handler built by
 * name, events read and responses written by the Lambda runtime's own serialisation, configured only through
 * the environment as the template configures it. Against dynalite, a redis-server and a Firehose endpoint, it
 * must answer every kind of request and deliver the clicks. The unit tests run the classes before packaging;
 * this is what catches a class or member the packaging dropped.
 */
class RedirectArtifactIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path LAMBDA_JAR =
            Path.of(System.getProperty("lambda.jar", "target/redirect-function-lambda.jar"));
    private static final String HANDLER = "dev.shortener.redirect.RedirectHandler";
    private static final String ORIGIN_SECRET = "artifact-origin-secret-0123456789abcdef";

    @Test
    void deploymentJar_servesEveryKindOfRequest_andDeliversItsClicks(@TempDir Path temp) throws Exception {
        assertTrue(
                Files.isRegularFile(LAMBDA_JAR), LAMBDA_JAR + " is missing: run `./mvnw verify` (package builds it)");
        String table = TestServers.uniqueName("artifact");
        Instant now = Instant.now();
        try (DynamoDbClient admin = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
                UnifiedJedis redis = RedisClients.create(RedisSettings.of(TestServers.redisUri()));
                FakeFirehose firehose = new FakeFirehose()) {
            var cache = new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX); // the function's own keys
            cache.invalidate("aRt1fAc");
            cache.invalidate("fWd0art");
            LinksTableSetup.createIfMissing(admin, table);
            var links = new DynamoDbLinkStore(admin, table);
            links.putIfAbsent(Link.create("aRt1fAc", "https://example.com/live?q=1", now.minusSeconds(60), null, "it"));
            links.putIfAbsent(
                    Link.create("fWd0art", "https://example.com/offer?id=7#terms", now.minusSeconds(60), null, "it")
                            .withForwardQuery(true));
            links.putIfAbsent(Link.create(
                    "gOnE0ex", "https://example.com/gone", now.minusSeconds(600), now.minusSeconds(5), "it"));

            List<Path> events = List.of(
                    event(temp, "redirect-get.json", "aRt1fAc"), // a cache miss: DynamoDB, then Redis filled
                    event(temp, "redirect-get.json", "aRt1fAc"), // a cache hit
                    event(temp, "redirect-head.json", "aRt1fAc"), // HEAD: no body, no click
                    event(temp, "redirect-preview.json", "aRt1fAc"), // the '+' preview page
                    event(temp, "redirect-get.json", "nOnE000"), // unknown, a browser: the HTML page
                    event(temp, "redirect-get-json.json", "nOnE000"), // unknown, an API client: problem+json
                    event(temp, "redirect-get-json.json", "gOnE0ex"), // expired
                    event(temp, "redirect-post.json", "aRt1fAc"), // a method the route doesn't take
                    event(temp, "redirect-get-query.json", "fWd0art"), // a forwarding link, with a query
                    event(temp, "redirect-root.json", "-"), // the bare domain: to ROOT_REDIRECT_URL
                    event(temp, "redirect-robots.json", "-")); // robots.txt
            Map<String, String> env = Map.ofEntries(
                    Map.entry("LINKS_TABLE", table),
                    Map.entry("REDIS_URL", TestServers.redisUri().toString()),
                    Map.entry(
                            "DYNAMODB_ENDPOINT", TestServers.dynamoDbEndpoint().toString()),
                    Map.entry("CLICK_STREAM_NAME", "clicks-artifact"),
                    Map.entry("FIREHOSE_ENDPOINT", firehose.endpoint().toString()),
                    Map.entry("CLICK_VISITOR_SECRET", "artifact-visitor-secret-0123456789abcdef"),
                    Map.entry("CLICK_RECORD_ENCODING", "gzip"),
                    Map.entry("ORIGIN_VERIFY_SECRET", ORIGIN_SECRET),
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
            assertEquals(3, clicks.size(), "the three GET redirects each send one click: " + clicks);
            List<String> clicked = new ArrayList<>();
            for (String click : clicks) {
                JsonNode event = JSON.readTree(click);
                clicked.add(event.get("code").asText());
                assertEquals("203.0.113.0/24", event.get("ip_prefix").asText());
            }
            assertEquals(
                    List.of("aRt1fAc", "aRt1fAc", "fWd0art"),
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
                    "deployment jar %s (%,d bytes): %d responses as expected, %d clicks delivered%n",
                    LAMBDA_JAR.getFileName(), Files.size(LAMBDA_JAR), responses.size(), clicks.size());
        }
    }

    private record Run(String output) {

        List<JsonNode> responses() throws IOException {
            List<JsonNode> responses = new ArrayList<>();
            for (String line : output.split("\n")) {
                if (line.startsWith(LambdaRuntimeStandIn.RESPONSE)) {
                    responses.add(JSON.readTree(line.substring(LambdaRuntimeStandIn.RESPONSE.length())));
                }
            }
            return responses;
        }
    }

    /** Runs the stand-in; once the events are answered, waits for the clicks to arrive, then lets it exit. */
    private static Run runInFreshJvm(
            Map<String, String> env, List<Path> events, FakeFirehose firehose, int expectedClicks) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-XX:+TieredCompilation",
                "-XX:TieredStopAtLevel=1", // as the template's JAVA_TOOL_OPTIONS
                "-cp",
                String.join(
                        File.pathSeparator,
                        LAMBDA_JAR.toAbsolutePath().toString(),
                        codeSource(LambdaRuntimeStandIn.class),
                        codeSource(PojoSerializer.class)),
                LambdaRuntimeStandIn.class.getName(),
                HANDLER));
        events.forEach(event -> command.add(event.toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear(); // only what Lambda would set: nothing leaks in from this JVM
        builder.environment().put("PATH", System.getenv().getOrDefault("PATH", "/usr/bin:/bin"));
        builder.environment().putAll(env);
        Path output = Files.createTempFile("artifact-run", ".log");
        builder.redirectOutput(output.toFile());
        Process process = builder.start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (System.nanoTime() < deadline
                    && process.isAlive()
                    && (responseCount(output) < events.size()
                            || StoredEvents.lines(firehose.storedRecords()).size() < expectedClicks)) {
                Thread.sleep(50);
            }
            process.getOutputStream().close(); // the stand-in exits
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                throw new AssertionError("the stand-in did not exit:\n" + Files.readString(output));
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            assertEquals(0, process.exitValue(), "the stand-in failed:\n" + text);
            return new Run(text);
        } finally {
            process.destroyForcibly();
            Files.deleteIfExists(output);
        }
    }

    private static long responseCount(Path output) throws IOException {
        return Files.readAllLines(output, StandardCharsets.UTF_8).stream()
                .filter(line -> line.startsWith(LambdaRuntimeStandIn.RESPONSE))
                .count();
    }

    /** A committed sample event from {@code events/}, for another code, as CloudFront forwards it. */
    private static Path event(Path temp, String file, String code) throws IOException {
        var event = (ObjectNode) JSON.readTree(SampleEvents.json(file).replace("aB3dE5f", code));
        event.withObjectProperty("headers")
                .put("x-origin-verify", ORIGIN_SECRET); // so CloudFront-Viewer-* headers count
        Path copy = Files.createTempFile(temp, code + "-", "-" + file);
        return Files.writeString(copy, JSON.writeValueAsString(event));
    }

    private static String header(JsonNode response, String name) {
        var headers = response.get("headers").fields();
        while (headers.hasNext()) {
            var header = headers.next();
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
