package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.dynamodb.DynamoDbClickCountLedger;
import dev.shortener.analytics.counts.dynamodb.LinkCountUpdates;
import dev.shortener.analytics.counts.handler.ClickCountHandler;
import dev.shortener.analytics.counts.s3.S3ClickObjectSource;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.analytics.firehose.FirehoseClients;
import dev.shortener.analytics.firehose.FirehoseRecordSender;
import dev.shortener.http.InvocationContext;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.TestServers;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.localstack.LocalStackContainer;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;
import software.amazon.awssdk.services.firehose.model.DeliveryStreamType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The whole stack where a Docker engine exists: a link created through the create function, followed through
 * the redirect function, its click carried by a real (LocalStack) Firehose delivery stream into S3, counted by
 * the click-count function from the S3 event, and read back through the stats API. DynamoDB, Firehose and S3 are
 * LocalStack's; Redis is this machine's redis-server (LocalStack's community edition has no ElastiCache).
 * Elsewhere the class is reported as skipped; the protocol-level suites cover each piece everywhere.
 */
@Testcontainers(disabledWithoutDocker = true)
class LocalStackWholeStackTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUCKET = "clicks-bucket";
    private static final String STREAM = "clicks";

    @Container
    private static final LocalStackContainer LOCALSTACK =
            new LocalStackContainer(DockerImageName.parse("localstack/localstack:4.4"))
                    .withServices("dynamodb", "firehose", "s3");

    @Test
    void aLinkCreatedThroughTheApi_redirects_andItsClickIsCountedFromS3() throws Exception {
        var credentials = StaticCredentialsProvider.create(
                AwsBasicCredentials.create(LOCALSTACK.getAccessKey(), LOCALSTACK.getSecretKey()));
        URI endpoint = URI.create(LOCALSTACK.getEndpoint().toString());
        String table = TestServers.uniqueName("stack");
        ExecutorService writers = Executors.newFixedThreadPool(2);
        // Management timeouts for the redirect's reads too: LocalStack answers slower than DynamoDB, and this
        // suite is about the path, not the redirect's latency budget (RedirectHandlerTest covers that).
        try (DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(endpoint);
             S3Client s3 = S3Client.builder().endpointOverride(endpoint).region(Region.of(LOCALSTACK.getRegion()))
                     .credentialsProvider(credentials).forcePathStyle(true)
                     .httpClientBuilder(UrlConnectionHttpClient.builder()).build();
             FirehoseClient firehose = FirehoseClients.forEndpoint(endpoint, credentials);
             UnifiedJedis redis = RedisClients.create(RedisSettings.of(TestServers.redisUri()))) {
            LinksTableSetup.createIfMissing(dynamoDb, table);
            createDeliveryStream(s3, firehose);
            RedisLinkCache cache = new RedisLinkCache(redis, TestServers.uniqueName("stack") + ":");
            ManagementApi api = new ManagementApi(dynamoDb, table, redis, cache, InstantSource.system());
            BatchingClickSink clicks = new BatchingClickSink(
                    new ClickEvents("stack-visitor-secret-0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
                    new FirehoseRecordSender(firehose, STREAM), SinkSettings.defaults(),
                    new DeliveryMetrics("UrlShortener", "redirect", System.out, 60_000),
                    new UndeliveredLog(new StructuredLog("redirect")));
            Map<String, String> env = Map.of(RedirectConfig.LINKS_TABLE, table,
                    RedirectConfig.REDIS_URL, TestServers.redisUri().toString());
            RedirectHandler redirect = new RedirectHandler(RedirectConfig.from(env::get),
                    new DynamoDbLinkStore(dynamoDb, table), cache, clicks, InstantSource.system());

            String code = api.createLink("{\"url\":\"https://example.com/whole-stack\"}");
            APIGatewayV2HTTPResponse followed = redirect.handleRequest(Events.load(Events.GET, code),
                    InvocationContext.fresh("redirect-function"));
            clicks.shutdown(Duration.ofSeconds(10));

            assertEquals(302, followed.getStatusCode());
            assertEquals("https://example.com/whole-stack", followed.getHeaders().get("Location"));
            List<S3Object> objects = awaitClickObjects(s3, Duration.ofSeconds(120));
            assertFalse(objects.isEmpty(), "no click object reached " + BUCKET + " under " + ClickLayout.EVENTS_PREFIX);

            ClickCountHandler counter = new ClickCountHandler(new ClickCountService(new S3ClickObjectSource(s3),
                    new DynamoDbClickCountLedger(dynamoDb, table, new LinkCountUpdates(dynamoDb, table, writers))),
                    new StructuredLog("click-count"), Clock.systemUTC());
            for (S3Object object : objects) {
                counter.handleRequest(new ByteArrayInputStream(objectCreatedEvent(object)),
                        new ByteArrayOutputStream(), InvocationContext.fresh("click-count"));
            }

            assertEquals(1, api.stats(code).get("clickCount").asLong(), "one person followed the link once");
        } finally {
            writers.shutdownNow();
        }
    }

    /** Firehose into the bucket under the prefix the Glue table and the click-count function read. */
    private static void createDeliveryStream(S3Client s3, FirehoseClient firehose) {
        s3.createBucket(create -> create.bucket(BUCKET));
        firehose.createDeliveryStream(create -> create.deliveryStreamName(STREAM)
                .deliveryStreamType(DeliveryStreamType.DIRECT_PUT)
                .extendedS3DestinationConfiguration(s3Destination -> s3Destination
                        .bucketARN("arn:aws:s3:::" + BUCKET)
                        .roleARN("arn:aws:iam::000000000000:role/firehose-delivery")
                        .prefix(ClickLayout.FIREHOSE_PREFIX)
                        .errorOutputPrefix(ClickLayout.FIREHOSE_ERROR_PREFIX)
                        .bufferingHints(hints -> hints.intervalInSeconds(60).sizeInMBs(1))));
    }

    private static List<S3Object> awaitClickObjects(S3Client s3, Duration patience) throws InterruptedException {
        long deadline = System.nanoTime() + patience.toNanos();
        List<S3Object> objects = List.of();
        while (objects.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(1_000);
            objects = s3.listObjectsV2(list -> list.bucket(BUCKET).prefix(ClickLayout.EVENTS_PREFIX)).contents();
        }
        return objects;
    }

    /** The committed sample S3 event (events/), for this object: its key URL-encoded as S3 sends it. */
    private static byte[] objectCreatedEvent(S3Object object) throws Exception {
        Path sample = null;
        for (Path dir = Path.of("").toAbsolutePath(); dir != null && sample == null; dir = dir.getParent()) {
            Path candidate = dir.resolve("events/clickcount-s3-object-created.json");
            sample = Files.isRegularFile(candidate) ? candidate : null;
        }
        if (sample == null) {
            throw new IllegalStateException("no events/clickcount-s3-object-created.json above the working folder");
        }
        ObjectNode event = (ObjectNode) JSON.readTree(sample.toFile());
        ObjectNode s3 = (ObjectNode) event.get("Records").get(0).get("s3");
        ((ObjectNode) s3.get("bucket")).put("name", BUCKET).put("arn", "arn:aws:s3:::" + BUCKET);
        ((ObjectNode) s3.get("object")).put("key", URLEncoder.encode(object.key(), StandardCharsets.UTF_8))
                .put("size", object.size())
                .put("eTag", object.eTag().replace("\"", ""));
        return JSON.writeValueAsBytes(event);
    }
}
