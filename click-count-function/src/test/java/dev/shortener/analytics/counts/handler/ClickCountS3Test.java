package dev.shortener.analytics.counts.handler;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.counts.S3Notifications;
import dev.shortener.analytics.counts.S3rverClients;
import dev.shortener.analytics.counts.TestLinksTable;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.config.Environment;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.localservers.S3Process;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/**
 * The click-count function as Lambda builds it ({@link ClickCountWiring}: its own S3 and DynamoDB clients from
 * the environment) reading a click object through the real S3 protocol from s3rver, links on dynalite. The
 * handler's other behaviour (idempotence, crashes, unknown codes) is in ClickCountHandlerTest.
 */
class ClickCountS3Test {

    /** The bucket and key of the committed sample event (events/clickcount-s3-object-created.json). */
    private static final String BUCKET = "url-shortener-clicks-example";

    private static final String KEY = "clicks/dt=2026-05-01/url-shortener-clicks-1-2026-05-01-12-00-05-"
            + "2b3c4d5e-6f70-4a1b-9c2d-3e4f5a6b7c8d.json.gz";
    /** The SDK reads the region and credentials from these where Lambda sets environment variables. */
    private static final Map<String, String> SDK_PROPERTIES = Map.of(
            "aws.region",
            "us-east-1",
            "aws.accessKeyId",
            S3Process.ACCESS_KEY,
            "aws.secretAccessKey",
            S3Process.SECRET_KEY);

    @AutoClose
    private S3Process s3rver;

    @AutoClose
    private TestLinksTable linksTable;

    private DynamoDbClient dynamoDb;
    private String table;

    @BeforeEach
    void start() {
        s3rver = TestServers.startOrSkip(S3Process::start);
        SDK_PROPERTIES.forEach(System::setProperty);
        linksTable = TestLinksTable.holding(
                "clicks-s3",
                Stream.of("aaaaaaa", "bbbbbbb")
                        .map(code -> Link.create(
                                code,
                                "https://example.com/" + code,
                                Instant.now().minusSeconds(3_600),
                                null,
                                "owner"))
                        .toList());
        dynamoDb = linksTable.dynamoDb();
        table = linksTable.name();
    }

    @AfterEach
    void stop() {
        SDK_PROPERTIES.keySet().forEach(System::clearProperty);
    }

    @Test
    void theFunctionAsWired_readsTheFirehoseObjectFromS3_andCountsItsClicks() throws Exception {
        // As Firehose writes it: the sink's GZIP records, concatenated (one member per PutRecordBatch entry).
        upload(KEY, gzip(lines("aaaaaaa", 3), lines("bbbbbbb", 1)), gzip(lines("bbbbbbb", 2)));
        ClickCountHandler handler = handler();

        String output = S3Notifications.invoke(handler, S3Notifications.sample());

        assertEquals("{\"objects\":1}", output);
        assertEquals(3, clickCount("aaaaaaa"));
        assertEquals(3, clickCount("bbbbbbb"));
    }

    /**
     * A batch resent after a lost answer lands in the next object: its events count once, in the first object
     * that holds them, whichever object is processed first. An object outside the window does not matter.
     */
    @Test
    void eventsResentIntoTheNextObject_countOnce() throws Exception {
        String resent = lines("aaaaaaa", 2);
        String earlier = "clicks/dt=2026-05-01/url-shortener-clicks-1-2026-05-01-11-58-30-0f0e.json.gz";
        String longBefore = "clicks/dt=2026-05-01/url-shortener-clicks-1-2026-05-01-11-40-00-0a0b.json.gz";
        upload(longBefore, gzip(lines("bbbbbbb", 1)));
        upload(earlier, gzip(resent));
        upload(KEY, gzip(resent, lines("aaaaaaa", 1)), gzip(lines("bbbbbbb", 1)));
        ClickCountHandler handler = handler();

        S3Notifications.invoke(handler, S3Notifications.sample());
        assertEquals(1, clickCount("aaaaaaa"), "the resent two belong to the earlier object");
        S3Notifications.invoke(handler, S3Notifications.sample().replace(KEY.replace("=", "%3D"), earlier));

        assertEquals(3, clickCount("aaaaaaa"));
        assertEquals(1, clickCount("bbbbbbb"));
    }

    @Test
    void anObjectS3DoesNotHave_failsTheInvocation_soLambdaRetriesIt() throws Exception {
        upload("clicks/dt=2026-05-01/another-object.json.gz", gzip(lines("aaaaaaa", 1)));
        ClickCountHandler handler = handler();

        assertThrows(NoSuchKeyException.class, () -> S3Notifications.invoke(handler, S3Notifications.sample()));
        assertEquals(0, clickCount("aaaaaaa"));
    }

    private ClickCountHandler handler() {
        return new ClickCountHandler(ClickCountWiring.fromEnvironment(Environment.of(Map.of(
                LinksTableSettings.LINKS_TABLE, table,
                LinksTableSettings.DYNAMODB_ENDPOINT,
                        TestServers.dynamoDbEndpoint().toString(),
                ClickCountWiring.S3_ENDPOINT, s3rver.endpoint().toString()))));
    }

    private void upload(String key, byte[]... members) throws IOException {
        var out = new ByteArrayOutputStream();
        for (byte[] member : members) {
            out.write(member);
        }
        try (S3Client s3 = S3rverClients.uploader(s3rver)) {
            if (!s3.listBuckets().buckets().stream()
                    .anyMatch(bucket -> bucket.name().equals(BUCKET))) {
                s3.createBucket(create -> create.bucket(BUCKET));
            }
            s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(out.toByteArray()));
        }
    }

    private static String lines(String code, int clicks) {
        var text = new StringBuilder();
        for (int i = 0; i < clicks; i++) {
            text.append(new String(
                    ClickEventCodec.toLine(TestClicks.events().from(TestClicks.click(code))), StandardCharsets.UTF_8));
        }
        return text.toString();
    }

    private static byte[] gzip(String... texts) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            for (String text : texts) {
                gzip.write(text.getBytes(StandardCharsets.UTF_8));
            }
        }
        return bytes.toByteArray();
    }

    private long clickCount(String code) {
        AttributeValue count = dynamoDb.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS(code))))
                .item()
                .get(LinksTableSchema.CLICK_COUNT);
        return count == null ? 0 : Long.parseLong(count.n());
    }
}
