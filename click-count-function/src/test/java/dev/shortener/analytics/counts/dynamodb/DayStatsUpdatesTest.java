package dev.shortener.analytics.counts.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.counts.LinkDay;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.analytics.counts.TestLinksTable;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.ClickFacts;
import dev.shortener.stats.DayCounts;
import dev.shortener.stats.Dimension;
import dev.shortener.stats.StatsKeys;
import dev.shortener.stats.StatsSettings;
import dev.shortener.stats.dynamodb.DayStatsItems;
import dev.shortener.testsupport.TestServers;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The day items' writes on dynalite: layout, once per object, and concurrent writers losing nothing. */
class DayStatsUpdatesTest {

    static final LocalDate DAY = LocalDate.parse("2026-05-01");
    static final Instant CREATED = Instant.parse("2026-04-30T00:00:00Z");

    @AutoClose("shutdownNow")
    private final ExecutorService pool = Executors.newFixedThreadPool(8);

    @AutoClose
    private final TestLinksTable linksTable = TestLinksTable.holding(
            "daystats",
            List.of(
                    new Link("aaaaaaa", "https://example.com/a", CREATED, null, "acme", 0),
                    new Link("bbbbbbb", "https://example.com/b", CREATED, null, "acme", 0)));

    private final DynamoDbClient dynamoDb = linksTable.dynamoDb();
    private final String table = linksTable.name();

    @Test
    void anObject_addsEachLinkDay_andTheOwnersDay_withTheRetentionAsTtl() {
        DayStatsUpdates updates = new DayStatsUpdates(linksTable.table(), pool, new StatsSettings(400));

        updates.add(
                object(1),
                Map.of(
                        new LinkDay("aaaaaaa", DAY), counts(5, 9, "DE", "v", 0),
                        new LinkDay("bbbbbbb", DAY), counts(2, 23, "FR", "w", 1),
                        new LinkDay("zzzzzzz", DAY), counts(4, 1, "US", "x", 0)));

        var a = stored(StatsKeys.linkDay("aaaaaaa", DAY));
        assertEquals(5, a.counts().clicks());
        assertEquals(5, a.counts().hours(false)[9]);
        assertEquals(Map.of("DE", 5L), a.counts().counts(Dimension.COUNTRY, false));
        assertEquals(5, a.counts().visitors().estimate());
        var b = stored(StatsKeys.linkDay("bbbbbbb", DAY));
        assertEquals(2, b.counts().clicks());
        assertEquals(1, b.counts().botClicks());
        var owner = stored(StatsKeys.ownerDay("acme", DAY));
        assertEquals(7, owner.counts().clicks());
        assertEquals(1, owner.counts().botClicks());
        assertEquals(Map.of("aaaaaaa", 5L, "bbbbbbb", 2L), owner.counts().counts(Dimension.LINK, false));
        assertEquals(Map.of("bbbbbbb", 1L), owner.counts().counts(Dimension.LINK, true));
        assertEquals(7, owner.counts().visitors().estimate());
        assertNull(stored(StatsKeys.linkDay("zzzzzzz", DAY)), "not a link: no day item");
        assertEquals(
                String.valueOf(DAY.plusDays(400).atStartOfDay(ZoneOffset.UTC).toEpochSecond()),
                item(StatsKeys.linkDay("aaaaaaa", DAY))
                        .get(LinksTableSchema.EXPIRES_AT)
                        .n());
    }

    @Test
    void theSameObjectTwice_addsOnce() {
        DayStatsUpdates updates = new DayStatsUpdates(linksTable.table(), pool, new StatsSettings(400));
        Map<LinkDay, DayCounts> perLinkDay = Map.of(new LinkDay("aaaaaaa", DAY), counts(3, 4, "DE", "v", 0));

        updates.add(object(1), perLinkDay);
        updates.add(object(1), perLinkDay);
        updates.add(object(2), perLinkDay);

        assertEquals(6, stored(StatsKeys.linkDay("aaaaaaa", DAY)).counts().clicks());
        assertEquals(6, stored(StatsKeys.ownerDay("acme", DAY)).counts().clicks());
    }

    /**
     * Two aggregators (their own clients and pools, as two Lambda environments) add 30 objects each to the same
     * link's day, object by object at the same moment: every write but one per round loses the race on the
     * version and is merged again. Nothing is lost: clicks, hours and visitors (distinct per object) add up.
     */
    @Test
    void twoAggregatorsAtOnce_onTheSameLink_loseNothing() throws Exception {
        int rounds = 30;
        DynamoDbClient otherClient = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        ExecutorService otherPool = Executors.newFixedThreadPool(8);
        List<DayStatsUpdates> aggregators = List.of(
                new DayStatsUpdates(linksTable.table(), pool, new StatsSettings(400)),
                new DayStatsUpdates(new LinksTable(otherClient, table), otherPool, new StatsSettings(400)));
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService runners = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> runs = new ArrayList<>();
            for (int a = 0; a < 2; a++) {
                int aggregator = a;
                runs.add(runners.submit(() -> {
                    for (int round = 0; round < rounds; round++) {
                        together.await();
                        int objectNumber = aggregator * 1000 + round;
                        aggregators
                                .get(aggregator)
                                .add(
                                        object(objectNumber),
                                        Map.of(
                                                new LinkDay("aaaaaaa", DAY),
                                                counts(3, round % 24, "DE", "o" + objectNumber + "-", 0)));
                    }
                    return null;
                }));
            }
            for (Future<?> run : runs) {
                run.get();
            }
        } finally {
            runners.shutdownNow();
            otherPool.shutdownNow();
        }

        var a = stored(StatsKeys.linkDay("aaaaaaa", DAY));
        long conflicts = aggregators.get(0).conflicts() + aggregators.get(1).conflicts();
        System.out.printf("2 aggregators x %d objects: %d conflicting writes merged again%n", rounds, conflicts);
        assertTrue(conflicts > 0, "the writers really raced");
        assertEquals(2 * rounds * 3, a.counts().clicks());
        long[] hours = new long[24];
        for (int round = 0; round < rounds; round++) {
            hours[round % 24] += 6;
        }
        assertArrayEquals(hours, a.counts().hours(false));
        assertEquals(2 * rounds * 3, a.counts().visitors().estimate(), "exact at small counts");
        assertEquals(
                2 * rounds * 3, stored(StatsKeys.ownerDay("acme", DAY)).counts().clicks());
        assertEquals(2 * rounds + 1, a.version() + 1, "one write per object");
    }

    /** {@code n} people's clicks (and {@code bots} bots') at {@code hour}, each a distinct visitor. */
    static DayCounts counts(int n, int hour, String country, String visitorPrefix, int bots) {
        DayCounts counts = new DayCounts();
        for (int i = 0; i < n; i++) {
            counts.add(new ClickFacts(
                    hour, country, "news.example", "mobile", "Safari", "iOS", false, null, visitorPrefix + i));
        }
        for (int i = 0; i < bots; i++) {
            counts.add(new ClickFacts(hour, country, null, "bot", "Other", "Other", true, "Slackbot", null));
        }
        return counts;
    }

    private static ObjectRef object(int n) {
        return new ObjectRef("bucket", "clicks/dt=2026-05-01/s-1-2026-05-01-00-00-00-" + n + ".json.gz", "e" + n);
    }

    private DayStatsItems.Stored stored(String key) {
        return DayStatsItems.fromItem(item(key));
    }

    private Map<String, AttributeValue> item(String key) {
        return dynamoDb.getItem(get -> get.tableName(table)
                        .consistentRead(true)
                        .key(Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS(key))))
                .item();
    }
}
