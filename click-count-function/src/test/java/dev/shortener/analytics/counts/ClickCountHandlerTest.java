package dev.shortener.analytics.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.CapturedLines;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.Decompression;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.counts.agents.UserAgents;
import dev.shortener.analytics.counts.dynamodb.ClickCountAttributes;
import dev.shortener.analytics.counts.handler.ClickCountHandler;
import dev.shortener.analytics.counts.handler.ClickCountWiring;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.http.StructuredLog;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.StatsKeys;
import dev.shortener.stats.StatsSettings;
import dev.shortener.stats.dynamodb.DayStatsItems;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;

/**
 * The click-count function through its handler, with S3 events as Lambda delivers them, objects of real GZIP
 * bytes behind the object-source port, and the links table on dynalite.
 */
class ClickCountHandlerTest {

    static final String BUCKET = "url-shortener-clicks-example";
    static final String KEY = "clicks/dt=2026-05-01/url-shortener-clicks-1-2026-05-01-12-00-05-"
            + "2b3c4d5e-6f70-4a1b-9c2d-3e4f5a6b7c8d.json.gz";
    static final Instant NOW = Instant.parse("2026-05-01T12:06:00Z");

    static final UserAgents AGENTS = new UserAgents();

    private final ClickEvents events = TestClicks.events();
    private final Map<String, byte[]> objects = new HashMap<>();
    private final List<String> opened = new ArrayList<>();
    private final CapturedLines logs = new CapturedLines();

    @AutoClose("shutdownNow")
    private final ExecutorService writers = Executors.newFixedThreadPool(4);

    @AutoClose
    private final TestLinksTable linksTable = TestLinksTable.holding(
            "clicks",
            Stream.of("aaaaaaa", "bbbbbbb", "ccccccc")
                    .map(code ->
                            new Link(code, "https://example.com/" + code, NOW.minusSeconds(3_600), null, "owner", 0))
                    .toList());

    private final DynamoDbClient dynamoDb = linksTable.dynamoDb();
    private final String table = linksTable.name();

    @Test
    void countsClicksByPeoplePerCode_andStampsTheUpdate() throws Exception {
        objects.put(KEY, object(clicks("aaaaaaa", 3, false), clicks("bbbbbbb", 2, false), clicks("bbbbbbb", 4, true)));

        String output = S3Notifications.invoke(handler(dynamoDb, NOW), S3Notifications.sample());

        assertEquals("{\"objects\":1}", output);
        assertEquals(List.of(KEY), opened, "the key is URL-decoded (dt%3D -> dt=)");
        assertEquals(3, clickCount("aaaaaaa"));
        assertEquals(2, clickCount("bbbbbbb"), "bots are flagged in the events, never counted");
        assertEquals(0, clickCount("ccccccc"));
        Map<String, AttributeValue> item = item("aaaaaaa");
        assertEquals(
                String.valueOf(NOW.getEpochSecond()),
                item.get(ClickCountAttributes.CLICKS_UPDATED_AT).n());
        assertFalse(item.containsKey(ClickCountAttributes.CLICK_OBJECTS), "tokens are removed once done");
        assertTrue(logs.text().contains("\"message\":\"click_counts_applied\""));
        assertTrue(logs.text().contains("\"link_days\":2"), "aaaaaaa's and bbbbbbb's day: " + logs.text());
    }

    @Test
    void theSameObjectDeliveredTwice_isCountedOnce() throws Exception {
        objects.put(KEY, object(clicks("aaaaaaa", 5, false)));
        ClickCountHandler handler = handler(dynamoDb, NOW);

        S3Notifications.invoke(handler, S3Notifications.sample());
        S3Notifications.invoke(
                handler(dynamoDb, NOW.plusSeconds(600)), S3Notifications.sample()); // S3 redelivers the notification

        assertEquals(5, clickCount("aaaaaaa"));
        assertEquals(
                String.valueOf(NOW.getEpochSecond()),
                item("aaaaaaa").get(ClickCountAttributes.CLICKS_UPDATED_AT).n(),
                "nothing written the second time");
        assertTrue(logs.text().contains("\"message\":\"click_counts_already_applied\""));
    }

    @Test
    void aCrashHalfwayThrough_isResumedWithoutCountingTwice() throws Exception {
        objects.put(KEY, object(clicks("aaaaaaa", 2, false), clicks("bbbbbbb", 3, false), clicks("ccccccc", 4, false)));
        DynamoDbClient failing = failingAfterLinkUpdates(dynamoDb, 1);

        assertThrows(
                RuntimeException.class, () -> S3Notifications.invoke(handler(failing, NOW), S3Notifications.sample()));
        long countedBeforeCrash = clickCount("aaaaaaa") + clickCount("bbbbbbb") + clickCount("ccccccc");
        // Lambda retries at once: the first invocation's lease still holds, so this one stays out.
        assertThrows(
                ClickCountHandler.ObjectBusyException.class,
                () -> S3Notifications.invoke(handler(dynamoDb, NOW.plusSeconds(5)), S3Notifications.sample()));
        // A later retry, after the lease, finishes the job.
        S3Notifications.invoke(handler(dynamoDb, NOW.plusSeconds(180)), S3Notifications.sample());
        S3Notifications.invoke(handler(dynamoDb, NOW.plusSeconds(400)), S3Notifications.sample());

        System.out.printf(
                "crash after %d of 9 clicks counted; after the retry: %d, %d, %d%n",
                countedBeforeCrash, clickCount("aaaaaaa"), clickCount("bbbbbbb"), clickCount("ccccccc"));
        assertTrue(countedBeforeCrash > 0 && countedBeforeCrash < 9, "the crash really was halfway");
        assertEquals(List.of(2L, 3L, 4L), List.of(clickCount("aaaaaaa"), clickCount("bbbbbbb"), clickCount("ccccccc")));
        for (String code : List.of("aaaaaaa", "bbbbbbb", "ccccccc")) {
            assertFalse(item(code).containsKey(ClickCountAttributes.CLICK_OBJECTS));
        }
        assertEquals(
                List.of(2L, 3L, 4L),
                List.of(dayClicks("aaaaaaa"), dayClicks("bbbbbbb"), dayClicks("ccccccc")),
                "the day stats too: once each");
        assertEquals(
                9L,
                DayStatsItems.fromItem(item(StatsKeys.ownerDay("owner", java.time.LocalDate.parse("2026-05-01"))))
                        .counts()
                        .clicks());
    }

    @Test
    void unknownCodes_areSkipped_neverCreated() throws Exception {
        objects.put(
                KEY, object(clicks("zzzzzzz", 2, false), clicks("aaaaaaa", 1, false), clicks("worker#1", 1, false)));

        S3Notifications.invoke(handler(dynamoDb, NOW), S3Notifications.sample());

        assertEquals(1, clickCount("aaaaaaa"));
        assertTrue(item("zzzzzzz").isEmpty());
        assertTrue(item("worker#1").isEmpty());
    }

    @Test
    void objectsOutsideTheEventsPrefix_areIgnored() throws Exception {
        String event = S3Notifications.sample()
                .replace("clicks/dt%3D2026-05-01/", "clicks-errors/processing-failed/dt%3D2026-05-01/");

        S3Notifications.invoke(handler(dynamoDb, NOW), event);

        assertEquals(List.of(), opened);
        assertTrue(logs.text().contains("click_object_ignored"));
    }

    private ClickCountHandler handler(DynamoDbClient client, Instant now) {
        ClickObjectSource source = new ClickObjectSource() {
            @Override
            public java.io.InputStream open(ObjectRef object) throws IOException {
                opened.add(object.key());
                byte[] bytes = objects.get(object.key());
                if (bytes == null) {
                    throw new IOException("no such object " + object.key());
                }
                return Decompression.decompressed(new ByteArrayInputStream(bytes));
            }

            @Override
            public List<ObjectRef> writtenJustBefore(ObjectRef object) {
                return List.of();
            }
        };
        return new ClickCountHandler(ClickCountWiring.onClients(
                source,
                new LinksTable(client, table),
                writers,
                new StatsSettings(400),
                AGENTS,
                new StructuredLog("click-count", logs.stream()),
                InstantSource.fixed(now)));
    }

    private List<ClickEvent> clicks(String code, int n, boolean bots) {
        List<ClickEvent> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(events.from(new Click(
                    code,
                    NOW.minusSeconds(60),
                    "192.0.2." + i,
                    bots ? "Slackbot-LinkExpanding 1.0" : TestClicks.SAFARI,
                    null,
                    "US",
                    "r" + i,
                    true)));
        }
        return out;
    }

    /** One GZIP member per list, concatenated, with the first event resent inside the object. */
    @SafeVarargs
    private static byte[] object(List<ClickEvent>... records) {
        var object = new ByteArrayOutputStream();
        for (List<ClickEvent> record : records) {
            object.writeBytes(gzip(record));
        }
        object.writeBytes(gzip(List.of(records[0].get(0)))); // a resend: same event id, never counted twice
        return object.toByteArray();
    }

    private static byte[] gzip(List<ClickEvent> record) {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            for (ClickEvent event : record) {
                out.write(ClickEventCodec.toLine(event));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private long dayClicks(String code) {
        return DayStatsItems.fromItem(item(StatsKeys.linkDay(code, java.time.LocalDate.parse("2026-05-01"))))
                .counts()
                .clicks();
    }

    private long clickCount(String code) {
        Map<String, AttributeValue> item = item(code);
        return Long.parseLong(item.get(LinksTableSchema.CLICK_COUNT).n());
    }

    private Map<String, AttributeValue> item(String code) {
        return dynamoDb.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(
                                LinksTableSchema.PARTITION_KEY,
                                AttributeValue.builder().s(code).build())))
                .item();
    }

    /** A client whose link updates (not ledger updates) fail after the first {@code allowed}: a crash. */
    private static DynamoDbClient failingAfterLinkUpdates(DynamoDbClient real, int allowed) {
        AtomicInteger linkUpdates = new AtomicInteger();
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("updateItem") && args[0] instanceof Consumer<?> consumer) {
                        @SuppressWarnings("unchecked")
                        var mutation = (Consumer<UpdateItemRequest.Builder>) consumer;
                        UpdateItemRequest request = UpdateItemRequest.builder()
                                .applyMutation(mutation)
                                .build();
                        boolean link = !request.key()
                                .get(LinksTableSchema.PARTITION_KEY)
                                .s()
                                .startsWith(ClickCountAttributes.OBJECT_KEY_PREFIX);
                        if (link && linkUpdates.incrementAndGet() > allowed) {
                            throw new IllegalStateException("simulated crash");
                        }
                        return real.updateItem(request);
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
