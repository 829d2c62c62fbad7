package dev.shortener.local.clicks;

import static dev.shortener.local.clicks.GzipRecords.gzip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.counts.ClickCountLedger;
import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.analytics.counts.S3rverClients;
import dev.shortener.analytics.counts.agents.UserAgents;
import dev.shortener.analytics.counts.handler.ClickCountWiring;
import dev.shortener.analytics.counts.s3.S3ClickObjectSource;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.analytics.query.NamedQuery;
import dev.shortener.config.Environment;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreateWiring;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.S3Process;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.stats.StatsSettings;
import dev.shortener.testsupport.TestServers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A generated day of clicks through the whole analytics path, checked against an exact count. The events (many
 * links with a long tail, bots, repeat visitors, resends within an object and into the next one) are cut into
 * Firehose-named GZIP objects every ten minutes, put into s3rver and counted by the click-count function's service
 * (two at a time, one object delivered twice) into day items on dynalite; the same objects go to a folder, where
 * DuckDB runs the {@code daily_stats} and {@code clicks_per_link_per_day} named queries. The stats API (the create
 * function's handler) must then answer exactly what DuckDB counts: totals, hours, every dimension, bots apart,
 * the owner's top links; device, browser and OS are DuckDB's counts per user agent mapped through the same parser.
 * Unique visitors: within 2% (at these counts the sketch is exact).
 */
class DailyStatsAgreementTest {

    static final LocalDate DAY = LocalDate.parse("2026-05-01");
    static final String OWNER = "owner-agree";
    static final String BUCKET = "clicks-agreement";
    static final int LINKS = 40;
    static final int CLICKS = 6_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> AGENTS = List.of(
            TestClicks.SAFARI,
            TestClicks.CHROME,
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0"
                    + " Mobile Safari/537.36",
            "Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0"
                    + " Mobile/15E148 Safari/604.1",
            "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_4) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4"
                    + " Safari/605.1.15",
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0");
    static final List<String> BOT_AGENTS = List.of(
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
            "curl/8.5.0",
            "");

    @TempDir
    Path folder;

    @AutoClose
    private S3Process s3rver;

    private DynamoDbClient dynamoDb;

    @AutoClose
    private RedisClient redis;

    private String table;
    private final List<String> codes = new ArrayList<>();

    @AutoClose("shutdownNow")
    private final ExecutorService writers = Executors.newFixedThreadPool(8);

    @BeforeEach
    void start() {
        s3rver = TestServers.startOrSkip(S3Process::start);
        dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        redis = RedisClients.create(RedisSettings.of(TestServers.redisUri()));
        table = TestServers.uniqueName("agree");
        LinksTableSetup.createIfMissing(dynamoDb, table);
        var links = new DynamoDbLinkStore(new LinksTable(dynamoDb, table));
        for (int i = 0; i < LINKS; i++) {
            String code = "agree" + (char) ('A' + i / 26) + (char) ('a' + i % 26);
            links.putIfAbsent(new Link(
                    code,
                    "https://example.com/" + i,
                    DAY.minusDays(3).atStartOfDay(ZoneOffset.UTC).toInstant(),
                    null,
                    OWNER,
                    0));
            codes.add(code);
        }
    }

    @Test
    void theStatsApi_answersWhatDuckDbCountsFromTheSameEvents() throws Exception {
        List<byte[]> objects = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        generate(new Random(20260501), objects, keys);
        List<ObjectRef> refs = upload(objects, keys);
        writeFolder(objects, keys);

        count(refs);

        try (Connection duckDb = DriverManager.getConnection("jdbc:duckdb:")) {
            var daily = LocalQueries.run(duckDb, NamedQuery.DAILY_STATS, folder, DAY.toString(), DAY.toString());
            var visitors = LocalQueries.run(
                    duckDb, NamedQuery.CLICKS_PER_LINK_PER_DAY, folder, DAY.toString(), DAY.toString());
            compare(api(), exact(daily), visitors);
        }
    }

    /** DuckDB's rows as code -> dimension -> value -> {people, bots}; user agents mapped to device/browser/os. */
    private static Map<String, Map<String, Map<String, long[]>>> exact(List<List<Object>> rows) {
        UserAgents parser = new UserAgents();
        Map<String, Map<String, Map<String, long[]>>> exact = new TreeMap<>();
        for (List<Object> row : rows.subList(1, rows.size())) {
            String code = (String) row.get(0);
            String dimension = (String) row.get(2);
            String value = (String) row.get(3);
            long people = ((Number) row.get(4)).longValue();
            long bots = ((Number) row.get(5)).longValue();
            Map<String, Map<String, long[]>> ofCode = exact.computeIfAbsent(code, c -> new TreeMap<>());
            if (dimension.equals("user_agent")) {
                UserAgents.Agent agent = parser.parse(value.isEmpty() ? null : value);
                add(ofCode, "device", agent.device().value(), people, bots);
                add(ofCode, "browser", agent.browser(), people, bots);
                add(ofCode, "os", agent.os(), people, bots);
            } else {
                add(ofCode, dimension, value, people, bots);
            }
        }
        return exact;
    }

    private static void add(
            Map<String, Map<String, long[]>> into, String dimension, String value, long people, long bots) {
        long[] counts = into.computeIfAbsent(dimension, d -> new TreeMap<>()).computeIfAbsent(value, v -> new long[2]);
        counts[0] += people;
        counts[1] += bots;
    }

    private void compare(Api api, Map<String, Map<String, Map<String, long[]>>> exact, List<List<Object>> visitorRows)
            throws IOException {
        Map<String, Long> visitors = new HashMap<>();
        for (List<Object> row : visitorRows.subList(1, visitorRows.size())) {
            visitors.put((String) row.get(0), ((Number) row.get(3)).longValue());
        }
        String range = "from=" + DAY + "&to=" + DAY;
        long ownerPeople = 0;
        long ownerBots = 0;
        Map<String, Long> topLinks = new TreeMap<>();
        int compared = 0;
        double worstVisitorError = 0;
        for (String code : codes) {
            Map<String, Map<String, long[]>> expected = exact.getOrDefault(code, Map.of());
            Map<String, long[]> hours = expected.getOrDefault("hour", Map.of());
            long people = hours.values().stream().mapToLong(c -> c[0]).sum();
            long bots = hours.values().stream().mapToLong(c -> c[1]).sum();
            ownerPeople += people;
            ownerBots += bots;
            if (people > 0) {
                topLinks.put(code, people);
            }

            JsonNode hourly = api.get("/api/links/" + code + "/stats?" + range + "&interval=hour&bots=include");
            assertEquals(people + bots, hourly.get("totals").get("clicks").asLong(), code + " clicks");
            assertEquals(people, hourly.get("totals").get("people").asLong(), code + " people");
            assertEquals(bots, hourly.get("totals").get("bots").asLong(), code + " bots");
            assertEquals(people, hourly.get("clickCount").asLong(), code + ": click_count agrees with the day");
            for (JsonNode point : hourly.get("series")) {
                String hour = point.get("period").asText().substring(11, 13);
                long[] want = hours.getOrDefault(hour, new long[2]);
                assertEquals(want[0] + want[1], point.get("clicks").asLong(), code + " at " + hour);
            }
            long expectedVisitors = visitors.getOrDefault(code, 0L);
            long estimated = hourly.get("totals").get("uniqueVisitors").asLong();
            double error = expectedVisitors == 0
                    ? estimated
                    : Math.abs(estimated - expectedVisitors) / (double) expectedVisitors;
            worstVisitorError = Math.max(worstVisitorError, error);
            assertTrue(error <= 0.02, code + " visitors " + estimated + " vs " + expectedVisitors);

            for (String dimension : List.of("country", "referrer", "device", "browser", "os")) {
                assertEquals(
                        counts(expected.getOrDefault(dimension, Map.of()), 0),
                        breakdown(api.get("/api/links/" + code + "/stats?" + range + "&groupBy=" + dimension)),
                        code + " people by " + dimension);
                assertEquals(
                        counts(expected.getOrDefault(dimension, Map.of()), 1),
                        breakdown(api.get(
                                "/api/links/" + code + "/stats?" + range + "&groupBy=" + dimension + "&bots=only")),
                        code + " bots by " + dimension);
                compared += 2;
            }
            assertEquals(
                    counts(expected.getOrDefault("bot", Map.of()), 1),
                    breakdown(api.get("/api/links/" + code + "/stats?" + range + "&groupBy=bot&bots=only")),
                    code + " bots by reason");
        }
        JsonNode owner = api.get("/api/stats?" + range + "&groupBy=link");
        assertEquals(ownerPeople, owner.get("totals").get("clicks").asLong());
        assertEquals(ownerBots, owner.get("totals").get("bots").asLong());
        assertEquals(topLinks, breakdown(owner), "the owner's top links");
        System.out.printf(
                "%d links, %d people's and %d bots' clicks: %d breakdowns and 40 hourly series equal DuckDB's;"
                        + " worst unique-visitor error %.2f%%%n",
                codes.size(), ownerPeople, ownerBots, compared, worstVisitorError * 100);
        assertTrue(ownerPeople > CLICKS / 2 && ownerBots > 100, "the day really has people and bots");
    }

    private static Map<String, Long> counts(Map<String, long[]> values, int which) {
        Map<String, Long> counts = new TreeMap<>();
        values.forEach((value, n) -> {
            if (n[which] > 0) {
                counts.put(value, n[which]);
            }
        });
        return counts;
    }

    private static Map<String, Long> breakdown(JsonNode body) {
        Map<String, Long> counts = new TreeMap<>();
        body.get("breakdown")
                .forEach(
                        e -> counts.put(e.get("value").asText(), e.get("clicks").asLong()));
        return counts;
    }

    /**
     * A day of clicks: a long tail of links (Zipf-like), 1,500 visitors (address + agent) who come back, 10% bots,
     * referrers and countries from pools of 9 (within the bots' top 10, so no top-N cut applies and the counts are exact), objects every
     * ten minutes, 2% of events resent in the same object, 1% resent into the next one.
     */
    private void generate(Random random, List<byte[]> objects, List<String> keys) throws IOException {
        ClickEvents events = TestClicks.events();
        List<String> referrers = new ArrayList<>();
        for (int i = 0; i < 8; i++) { // with "(direct)" 9 values: within the bots' top 10
            referrers.add("https://site" + i + ".example/page?q=" + i);
        }
        referrers.add(null);
        List<String> countries = List.of("DE", "FR", "US", "GB", "JP", "BR", "IN", "NL");
        List<List<ClickEvent>> windows = new ArrayList<>();
        for (int i = 0; i < 144; i++) {
            windows.add(new ArrayList<>());
        }
        Instant start = DAY.atStartOfDay(ZoneOffset.UTC).toInstant();
        for (int i = 0; i < CLICKS; i++) {
            int link = (int) Math.min(LINKS - 1, Math.floor(Math.pow(random.nextDouble(), 3) * LINKS));
            Instant at = start.plusMillis((long) (random.nextDouble() * 86_400_000L));
            boolean bot = random.nextInt(10) == 0;
            int visitor = random.nextInt(1_500);
            String agent =
                    bot ? BOT_AGENTS.get(random.nextInt(BOT_AGENTS.size())) : AGENTS.get(visitor % AGENTS.size());
            ClickEvent event = events.from(new Click(
                    codes.get(link),
                    at,
                    "198.51." + (visitor / 250) + "." + (visitor % 250),
                    agent.isEmpty() ? null : agent,
                    referrers.get(random.nextInt(referrers.size())),
                    random.nextInt(20) == 0 ? null : countries.get(random.nextInt(countries.size())),
                    "req-" + i,
                    false));
            int window = (int) (Duration.between(start, at).toMinutes() / 10);
            windows.get(window).add(event);
            if (random.nextInt(50) == 0) {
                windows.get(window).add(event); // resent, same object
            }
            if (random.nextInt(100) == 0 && window + 1 < windows.size()) {
                windows.get(window + 1).add(event); // resent after a lost answer: the next object
            }
        }
        DateTimeFormatter name =
                DateTimeFormatter.ofPattern("yyyy-MM-dd-HH-mm-ss").withZone(ZoneOffset.UTC);
        for (int i = 0; i < windows.size(); i++) {
            Instant written = start.plus(Duration.ofMinutes(10L * i + 10)).minusSeconds(5);
            LocalDate dt = LocalDate.ofInstant(written, ZoneOffset.UTC);
            keys.add(ClickLayout.partitionPrefix(dt) + "agreement-stream-1-" + name.format(written) + "-"
                    + UUID.randomUUID() + ".json.gz");
            objects.add(gzip(windows.get(i)));
        }
    }

    private List<ObjectRef> upload(List<byte[]> objects, List<String> keys) {
        List<ObjectRef> refs = new ArrayList<>();
        try (S3Client s3 = S3rverClients.uploader(s3rver)) {
            s3.createBucket(create -> create.bucket(BUCKET));
            for (int i = 0; i < objects.size(); i++) {
                String key = keys.get(i);
                String etag = s3.putObject(put -> put.bucket(BUCKET).key(key), RequestBody.fromBytes(objects.get(i)))
                        .eTag();
                refs.add(new ObjectRef(BUCKET, key, etag));
            }
        }
        return refs;
    }

    private void writeFolder(List<byte[]> objects, List<String> keys) throws IOException {
        for (int i = 0; i < objects.size(); i++) {
            Path file = folder.resolve(keys.get(i));
            Files.createDirectories(file.getParent());
            Files.write(file, objects.get(i));
        }
    }

    /** Two aggregators at once, in shuffled order; the fifth object's notification comes twice. */
    private void count(List<ObjectRef> refs) throws Exception {
        List<ObjectRef> deliveries = new ArrayList<>(refs);
        deliveries.add(refs.get(5));
        Collections.shuffle(deliveries, new Random(7));
        var queue = new ConcurrentLinkedQueue<>(deliveries);
        List<Future<Integer>> runs = new ArrayList<>();
        ExecutorService aggregators = Executors.newFixedThreadPool(2);
        try {
            for (int a = 0; a < 2; a++) {
                S3Client s3 = S3rverClients.uploader(s3rver);
                ClickCountService service = ClickCountWiring.onClients(
                                new S3ClickObjectSource(s3),
                                new LinksTable(DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint()), table),
                                writers,
                                new StatsSettings(400),
                                new UserAgents(),
                                new StructuredLog("click-count"),
                                InstantSource.system())
                        .service();
                runs.add(aggregators.submit(() -> {
                    int alreadyApplied = 0;
                    for (ObjectRef object = queue.poll(); object != null; object = queue.poll()) {
                        Instant now = Instant.now();
                        var outcome = service.process(object, now, now.plusSeconds(300));
                        while (outcome.result() == ClickCountLedger.Result.BUSY) {
                            Thread.sleep(50); // the other aggregator holds this delivery's twin
                            outcome = service.process(
                                    object, Instant.now(), Instant.now().plusSeconds(300));
                        }
                        alreadyApplied += outcome.result() == ClickCountLedger.Result.ALREADY_APPLIED ? 1 : 0;
                    }
                    return alreadyApplied;
                }));
            }
            int twice = 0;
            for (Future<Integer> run : runs) {
                twice += run.get();
            }
            assertEquals(1, twice, "the object delivered twice was added once");
        } finally {
            aggregators.shutdownNow();
        }
    }

    private Api api() {
        Map<String, String> env = new HashMap<>();
        env.put(LinksTableSettings.LINKS_TABLE, table);
        env.put(RedisSettings.REDIS_URL, TestServers.redisUri().toString());
        env.put(CreateConfig.SHORT_BASE_URL, "https://sho.rt");
        env.put("SHORTCODE_SECRET", "agreement-test-secret-of-32-characters-long+");
        env.put(CreateConfig.RATE_LIMIT_KEY_BURST, "100000");
        env.put(CreateConfig.RATE_LIMIT_IP_BURST, "100000");
        InstantSource clock = InstantSource.fixed(DAY.atTime(23, 59).toInstant(ZoneOffset.UTC));
        CreateHandler handler = new CreateHandler(
                CreateWiring.onClients(CreateConfig.fromEnvironment(Environment.of(env)), dynamoDb, redis, clock));
        String key = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(key);
        new DynamoDbApiKeys(new LinksTable(dynamoDb, table))
                .add(hash, new Caller(OWNER, ApiKeyFormat.keyId(hash)), clock.instant());
        return new Api(handler, key);
    }

    /** GETs through the create function's handler, as API Gateway would deliver them. */
    record Api(CreateHandler handler, String key) {
        JsonNode get(String pathAndQuery) throws IOException {
            String[] parts = pathAndQuery.split("\\?", 2);
            Map<String, String> query = new HashMap<>();
            if (parts.length > 1) {
                for (String pair : parts[1].split("&")) {
                    String[] nv = pair.split("=", 2);
                    query.put(nv[0], nv[1]);
                }
            }
            var event = APIGatewayV2HTTPEvent.builder()
                    .withRawPath(parts[0])
                    .withHeaders(Map.of("x-api-key", key))
                    .withRawQueryString(parts.length > 1 ? parts[1] : "")
                    .withQueryStringParameters(query)
                    .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                            .withStage("$default")
                            .withRequestId("agree")
                            .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                    .withMethod("GET")
                                    .withPath(parts[0])
                                    .withSourceIp("127.0.0.1")
                                    .build())
                            .build())
                    .build();
            var response = handler.handleRequest(event, InvocationContext.fresh("create-function"));
            assertEquals(200, response.getStatusCode(), () -> pathAndQuery + ": " + response.getBody());
            return JSON.readTree(response.getBody());
        }
    }
}
