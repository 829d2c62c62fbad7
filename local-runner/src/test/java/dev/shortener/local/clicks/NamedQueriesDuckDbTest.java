package dev.shortener.local.clicks;

import static dev.shortener.local.clicks.GzipRecords.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.Click;
import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.analytics.query.NamedQuery;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every named query, run by DuckDB over generated events laid out as in the bucket (plain NDJSON from the local
 * sink, and GZIP objects of concatenated members with resends, as Firehose writes them), checked against counts
 * computed here independently.
 */
class NamedQueriesDuckDbTest {

    static final String FIRST = "2026-05-01";
    static final String LAST = "2026-05-03";

    @TempDir
    static Path root;
    /** Every event generated, once. */
    static final List<ClickEvent> GENERATED = new ArrayList<>();
    /** The partitions each event's copies landed in (resends can land in the next day's). */
    static final Map<String, Set<String>> DTS_OF_EVENT = new LinkedHashMap<>();
    /** The events a query over FIRST..LAST sees: those with a copy in a partition of that range. */
    static final List<ClickEvent> DISTINCT = new ArrayList<>();

    @BeforeAll
    static void generateEvents() throws IOException {
        ClickEvents events = TestClicks.events();
        Random random = new Random(7);
        String[] agents = {
            TestClicks.SAFARI, TestClicks.CHROME, "Slackbot-LinkExpanding 1.0", "Twitterbot/1.0", "curl/8.5.0", null
        };
        String[] referrers = {null, "https://t.co/a", "https://www.google.com/", "https://news.ycombinator.com/x"};
        String[] countries = {"US", "DE", "JP", null};
        List<ClickEvent> local = new ArrayList<>();
        List<ClickEvent> firehose = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            Instant at = Instant.parse(FIRST + "T00:00:00Z").plusSeconds(random.nextInt(3 * 86_400));
            String ip = random.nextInt(20) == 0 ? null : "198.51.100." + random.nextInt(40);
            Click click = new Click(
                    "code" + (int) Math.pow(60, random.nextDouble()),
                    at,
                    ip,
                    agents[random.nextInt(agents.length)],
                    referrers[random.nextInt(referrers.length)],
                    countries[random.nextInt(countries.length)],
                    "r" + i,
                    random.nextBoolean());
            ClickEvent event = events.from(click);
            GENERATED.add(event);
            (i % 2 == 0 ? local : firehose).add(event);
        }
        for (ClickEvent event : local) { // the local sink's layout: partition = the click's day
            append(
                    root.resolve(ClickLayout.partitionPrefix(LocalDate.parse(event.day())))
                            .resolve("local.json"),
                    ClickEventCodec.toLine(event));
            landed(event, event.day());
        }
        writeFirehoseObjects(firehose, random);
        GENERATED.stream().filter(e -> inRange(e, FIRST, LAST)).forEach(DISTINCT::add);
        System.out.printf(
                "%d events generated, %d in partitions %s..%s%n", GENERATED.size(), DISTINCT.size(), FIRST, LAST);
    }

    /**
     * Firehose's layout: partition = arrival day (a click late on a day can arrive the next day), GZIP members
     * concatenated, and a few records resent (same events again, sometimes in the next day's object).
     */
    private static void writeFirehoseObjects(List<ClickEvent> events, Random random) throws IOException {
        Map<String, ByteArrayOutputStream> objects = new TreeMap<>();
        List<ClickEvent> record = new ArrayList<>();
        for (ClickEvent event : events) {
            record.add(event);
            if (record.size() == 37) {
                String dt = LocalDate.parse(event.day())
                        .plusDays(event.ts().compareTo(event.day() + "T23:00") > 0 ? 1 : 0)
                        .toString();
                byte[] member = gzip(record);
                objects.computeIfAbsent(dt, d -> new ByteArrayOutputStream()).writeBytes(member);
                record.forEach(e -> landed(e, dt));
                if (random.nextInt(4) == 0) { // an unknown outcome: the record is sent again
                    String resentDt = random.nextBoolean()
                            ? dt
                            : LocalDate.parse(dt).plusDays(1).toString();
                    objects.computeIfAbsent(resentDt, d -> new ByteArrayOutputStream())
                            .writeBytes(member);
                    record.forEach(e -> landed(e, resentDt));
                }
                record = new ArrayList<>();
            }
        }
        String lastDt = events.get(events.size() - 1).day();
        record.forEach(e -> landed(e, lastDt));
        objects.computeIfAbsent(lastDt, d -> new ByteArrayOutputStream()).writeBytes(gzip(record));
        for (var object : objects.entrySet()) {
            Path file = root.resolve(ClickLayout.partitionPrefix(LocalDate.parse(object.getKey())))
                    .resolve("clicks-1-" + object.getKey() + "-00-00-00-uuid" + ClickLayout.FIREHOSE_FILE_EXTENSION);
            append(file, object.getValue().toByteArray());
        }
    }

    private static void landed(ClickEvent event, String dt) {
        DTS_OF_EVENT.computeIfAbsent(event.eventId(), id -> new HashSet<>()).add(dt);
    }

    private static boolean inRange(ClickEvent event, String first, String last) {
        return DTS_OF_EVENT.get(event.eventId()).stream()
                .anyMatch(dt -> dt.compareTo(first) >= 0 && dt.compareTo(last) <= 0);
    }

    @Test
    void clicksPerLinkPerDay() throws Exception {
        Map<String, List<ClickEvent>> groups = DISTINCT.stream()
                .collect(Collectors.groupingBy(e -> e.code() + "|" + e.day(), TreeMap::new, Collectors.toList()));
        List<List<String>> expected = new ArrayList<>();
        groups.forEach((key, events) -> expected.add(List.of(
                key.split("\\|")[0],
                key.split("\\|")[1],
                String.valueOf(events.stream().filter(e -> !e.bot()).count()),
                String.valueOf(events.stream()
                        .filter(e -> !e.bot() && e.visitorId() != null)
                        .map(ClickEvent::visitorId)
                        .distinct()
                        .count()),
                String.valueOf(events.stream().filter(ClickEvent::bot).count()))));
        expected.sort(Comparator.<List<String>, String>comparing(r -> r.get(1))
                .thenComparing(r -> -Long.parseLong(r.get(2)))
                .thenComparing(r -> r.get(0)));

        assertEquals(expected, run(NamedQuery.CLICKS_PER_LINK_PER_DAY, FIRST, LAST));
    }

    @Test
    void topLinks() throws Exception {
        assertEquals(top(ClickEvent::code, 100), run(NamedQuery.TOP_LINKS, FIRST, LAST));
    }

    @Test
    void topReferrers() throws Exception {
        assertEquals(
                top(e -> e.referrerHost() == null ? "(direct)" : e.referrerHost(), 100),
                run(NamedQuery.TOP_REFERRERS, FIRST, LAST));
    }

    @Test
    void countries() throws Exception {
        assertEquals(
                top(e -> e.country() == null ? "(unknown)" : e.country(), Integer.MAX_VALUE),
                run(NamedQuery.COUNTRIES, FIRST, LAST));
    }

    @Test
    void botShare() throws Exception {
        Map<String, List<ClickEvent>> days =
                DISTINCT.stream().collect(Collectors.groupingBy(ClickEvent::day, TreeMap::new, Collectors.toList()));
        List<List<String>> expected = new ArrayList<>();
        days.forEach((day, events) -> {
            long bots = events.stream().filter(ClickEvent::bot).count();
            expected.add(
                    List.of(day, String.valueOf(events.size()), String.valueOf(bots), percent(bots, events.size())));
        });
        assertEquals(expected, run(NamedQuery.BOT_SHARE, FIRST, LAST));
    }

    @Test
    void botAgents() throws Exception {
        Map<String, Long> agents = DISTINCT.stream()
                .collect(Collectors.groupingBy(
                        e -> e.botReason() == null ? "(people)" : e.botReason(), Collectors.counting()));
        List<List<String>> expected = agents.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue()), percent(e.getValue(), DISTINCT.size())))
                .toList();
        assertEquals(expected, run(NamedQuery.BOT_AGENTS, FIRST, LAST));
    }

    @Test
    void partitionRange_limitsWhatIsRead() throws Exception {
        long expected = GENERATED.stream()
                .filter(e -> inRange(e, FIRST, FIRST) && !e.bot())
                .count();

        long counted = run(NamedQuery.TOP_LINKS, FIRST, FIRST).stream()
                .mapToLong(r -> Long.parseLong(r.get(1)))
                .sum();

        assertEquals(expected, counted);
        assertTrue(counted < DISTINCT.size() / 2);
    }

    /** Rows without the header, every value as text (counts as integers, shares with two decimals). */
    private static List<List<String>> run(NamedQuery query, String first, String last) throws Exception {
        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            List<List<Object>> rows = LocalQueries.run(duckDb, query, root, first, last);
            System.out.printf(
                    "%-24s %4d rows, first %s%n",
                    query.fileName(), rows.size() - 1, rows.size() > 1 ? rows.get(1) : "-");
            return rows.subList(1, rows.size()).stream()
                    .map(r -> r.stream().map(v -> text(v)).toList())
                    .toList();
        }
    }

    private static String text(Object value) {
        if (value instanceof Double d) {
            return String.format("%.2f", d);
        }
        if (value instanceof Number n && !(value instanceof BigInteger)) {
            return String.valueOf(n.longValue());
        }
        return String.valueOf(value);
    }

    private static List<List<String>> top(Function<ClickEvent, String> key, int limit) {
        Map<String, Long> counts =
                DISTINCT.stream().filter(e -> !e.bot()).collect(Collectors.groupingBy(key, Collectors.counting()));
        return counts.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(limit)
                .map(e -> List.of(e.getKey(), String.valueOf(e.getValue())))
                .toList();
    }

    private static String percent(long part, long whole) {
        return String.format("%.2f", Math.round(part * 100.0 / whole * 100) / 100.0);
    }

    private static void append(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
}
