package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortener.analytics.counts.handler.ClickCountHandler;
import dev.shortener.analytics.counts.handler.ClickCountWiring;
import dev.shortener.analytics.counts.s3.S3ClickObjectSource;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.analytics.firehose.FirehoseRecordSender;
import dev.shortener.config.Environment;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.testsupport.SampleEvents;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * A click's whole path, the same on every stack it runs on: a link created through the create function,
 * followed through the redirect function (twice by a person, once by a link previewer), the clicks sent by the
 * batching sink to a Firehose stream, the stream's objects in S3 counted by the click-count function from their
 * S3 events, and the count read back through the stats API: 2 (bots are flagged, never counted).
 */
final class ClickPath {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String FIREFOX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";
    private static final String SLACKBOT = "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)";

    /**
     * Where the stacks differ.
     *
     * @param awaitClickObjects the click objects Firehose has put in {@code bucket} under the events prefix,
     *                          once there are any
     */
    record Stack(
            DynamoDbClient dynamoDb,
            FirehoseClient firehose,
            String stream,
            S3Client s3,
            String bucket,
            Callable<List<S3Object>> awaitClickObjects) {}

    private ClickPath() {}

    static void run(Stack stack) throws Exception {
        String table = TestServers.uniqueName("clickpath");
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try (UnifiedJedis redis = RedisClients.create(RedisSettings.of(TestServers.redisUri()))) {
            LinksTableSetup.createIfMissing(stack.dynamoDb(), table);
            RedisLinkCache cache = new RedisLinkCache(redis, TestServers.uniqueName("clickpath") + ":");
            ManagementApi api = new ManagementApi(stack.dynamoDb(), table, redis, cache, InstantSource.system());
            BatchingClickSink clicks = new BatchingClickSink(
                    new ClickEvents("click-path-visitor-secret-0123456789ab".getBytes(StandardCharsets.UTF_8)),
                    new FirehoseRecordSender(stack.firehose(), stack.stream()),
                    SinkSettings.defaults(),
                    new DeliveryMetrics(
                            new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), System.out, 60_000),
                    new UndeliveredLog(new StructuredLog("redirect")));
            Environment env = Environment.of(Map.of(
                    LinksTableSettings.LINKS_TABLE,
                    table,
                    RedisSettings.REDIS_URL,
                    TestServers.redisUri().toString()));
            RedirectHandler redirect = new RedirectHandler(RedirectWiring.of(
                    RedirectConfig.fromEnvironment(env),
                    new DynamoDbLinkStore(new LinksTable(stack.dynamoDb(), table)),
                    cache,
                    clicks,
                    InstantSource.system(),
                    new StructuredLog(RedirectWiring.SERVICE)));

            String code = api.createLink("{\"url\":\"https://example.com/click-path\"}");
            for (String userAgent : List.of(FIREFOX, FIREFOX, SLACKBOT)) {
                APIGatewayV2HTTPResponse followed = redirect.handleRequest(
                        withUserAgent(code, userAgent), InvocationContext.fresh("redirect-function"));
                assertEquals(302, followed.getStatusCode());
                assertEquals(
                        "https://example.com/click-path", followed.getHeaders().get("Location"));
            }
            clicks.shutdown(Duration.ofSeconds(10));

            List<S3Object> objects = stack.awaitClickObjects().call();
            assertFalse(objects.isEmpty(), "no click object reached " + stack.bucket());
            ClickCountHandler counter = new ClickCountHandler(ClickCountWiring.onClients(
                    new S3ClickObjectSource(stack.s3()),
                    new LinksTable(stack.dynamoDb(), table),
                    writers,
                    new dev.shortener.stats.StatsSettings(400),
                    new dev.shortener.analytics.counts.agents.UserAgents(),
                    new StructuredLog("click-count"),
                    InstantSource.system()));
            for (S3Object object : objects) {
                counter.handleRequest(
                        new ByteArrayInputStream(objectCreatedEvent(stack.bucket(), object)),
                        new ByteArrayOutputStream(),
                        InvocationContext.fresh("click-count"));
            }

            assertEquals(2, api.stats(code).get("clickCount").asLong(), "two by a person, the previewer's not");
        } finally {
            writers.shutdownNow();
        }
    }

    private static APIGatewayV2HTTPEvent withUserAgent(String code, String userAgent) {
        APIGatewayV2HTTPEvent event = Events.load(Events.GET, code);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("user-agent", userAgent);
        event.setHeaders(headers);
        return event;
    }

    /** The committed sample S3 event (events/), for this object: its key URL-encoded as S3 sends it. */
    private static byte[] objectCreatedEvent(String bucket, S3Object object) throws Exception {
        ObjectNode event = (ObjectNode) JSON.readTree(SampleEvents.json("clickcount-s3-object-created.json"));
        ObjectNode s3 = (ObjectNode) event.get("Records").get(0).get("s3");
        ((ObjectNode) s3.get("bucket")).put("name", bucket).put("arn", "arn:aws:s3:::" + bucket);
        ((ObjectNode) s3.get("object"))
                .put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8))
                .put("size", object.size())
                .put("eTag", object.eTag().replace("\"", ""));
        return JSON.writeValueAsBytes(event);
    }
}
