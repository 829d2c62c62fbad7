package dev.shortener.benchmarks.analytics;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.Decompression;
import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.ClickCounter;
import dev.shortener.analytics.counts.ClickObjectSource;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.analytics.counts.agents.UserAgents;
import dev.shortener.analytics.counts.handler.ClickCountWiring;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.benchmarks.Stats;
import dev.shortener.config.Environment;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreateWiring;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.http.Json;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.stats.ClickFacts;
import dev.shortener.stats.DayCounts;
import dev.shortener.stats.StatsKeys;
import dev.shortener.stats.StatsSettings;
import dev.shortener.stats.dynamodb.DayStatsItems;
import dev.shortener.stats.dynamodb.ItemSize;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The analytics benchmarks, in a child JVM with the template's JAVA_TOOL_OPTIONS (the click-count and create
 * functions run under them): the aggregator's events/s on a realistic object beside the JSON-parsing floor of the
 * same object, the whole object through the service with its writes to dynalite, and the stats API's latency for a
 * 90-day daily series, a 90-day breakdown and 7 days hourly beside a single GetItem of one day item.
 *
 * <p>Args: dynamoDbEndpoint redisUri outFile
 */
public final class AnalyticsBench {

    static final int EVENTS = 20_000;
    static final int LINKS = 500;
    static final int AGENTS = 300;
    static final LocalDate DAY = LocalDate.parse("2026-05-01");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        var bench = new AnalyticsBench();
        URI dynamo = URI.create(args[0]);
        URI redis = URI.create(args[1]);
        bench.aggregator(dynamo);
        bench.statsApi(dynamo, redis);
        Files.writeString(Path.of(args[2]), JSON.writeValueAsString(bench.results));
    }

    /** A Firehose object of the design's traffic: a long tail of links, a few hundred agents, 10% bots. */
    static byte[] realisticObject(List<String> codes) throws IOException {
        SplittableRandom random = new SplittableRandom(15);
        ClickEvents events = new ClickEvents("bench-visitor-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        List<String> agents = new ArrayList<>();
        for (int i = 0; i < AGENTS; i++) {
            agents.add(
                    switch (i % 4) {
                        case 0 ->
                            "Mozilla/5.0 (iPhone; CPU iPhone OS 17_" + i + " like Mac OS X) AppleWebKit/605.1.15"
                                    + " (KHTML, like Gecko) Version/17." + i + " Mobile/15E148 Safari/604.1";
                        case 1 ->
                            "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/12"
                                    + i + ".0.0.0 Safari/537.36";
                        case 2 ->
                            "Mozilla/5.0 (Linux; Android 14; SM-S9" + i + ") AppleWebKit/537.36 (KHTML, like Gecko)"
                                    + " Chrome/120.0.0.0 Mobile Safari/537.36";
                        default ->
                            i % 40 == 3
                                    ? "Slackbot-LinkExpanding 1.0"
                                    : "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_" + i
                                            + ") AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.4 Safari/605.1.15";
                    });
        }
        var gz = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(gz)) {
            Instant start = DAY.atTime(12, 0).toInstant(ZoneOffset.UTC);
            for (int i = 0; i < EVENTS; i++) {
                int link = (int) Math.min(LINKS - 1, Math.floor(Math.pow(random.nextDouble(), 3) * LINKS));
                out.write(ClickEventCodec.toLine(events.from(new Click(
                        codes.get(link),
                        start.plusMillis(i * 15L),
                        "203.0." + random.nextInt(200) + "." + random.nextInt(250),
                        agents.get((int) Math.floor(Math.pow(random.nextDouble(), 2) * AGENTS)),
                        random.nextInt(3) == 0 ? null : "https://site" + random.nextInt(60) + ".example/p",
                        List.of("US", "DE", "GB", "FR", "IN", "BR", "JP").get(random.nextInt(7)),
                        "req-" + i,
                        true))));
            }
        }
        return gz.toByteArray();
    }

    void aggregator(URI dynamo) throws Exception {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < LINKS; i++) {
            codes.add("bench" + String.format("%04d", i));
        }
        byte[] object = realisticObject(codes);
        results.put("object_events", EVENTS);
        results.put("object_gzip_bytes", object.length);
        UserAgents agents = new UserAgents();
        long firstStart = System.nanoTime();
        new ClickCounter(agents).count(Decompression.decompressed(new ByteArrayInputStream(object)));
        results.put("aggregator_first_object_ms", (System.nanoTime() - firstStart) / 1e6);
        int reps = 15;
        long[] parse = new long[reps];
        long[] count = new long[reps];
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            parseOnly(Decompression.decompressed(new ByteArrayInputStream(object)));
            long t1 = System.nanoTime();
            new ClickCounter(agents).count(Decompression.decompressed(new ByteArrayInputStream(object)));
            long t2 = System.nanoTime();
            parse[r] = t1 - t0;
            count[r] = t2 - t1;
        }
        results.put("json_floor", Stats.of(parse, reps));
        results.put("aggregator_counting", Stats.of(count, reps));

        // The whole object through the service: counting, the ledger, click_count and the day items on dynalite.
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(dynamo);
        String table = "bench-analytics";
        LinksTableSetup.createIfMissing(dynamoDb, table);
        var links = new DynamoDbLinkStore(new LinksTable(dynamoDb, table));
        for (int i = 0; i < LINKS; i++) {
            links.putIfAbsent(
                    Link.create(codes.get(i), "https://example.com/" + i, Instant.now(), null, "owner" + i % 20));
        }
        ExecutorService writers = Executors.newFixedThreadPool(8);
        ClickObjectSource source = new ClickObjectSource() {
            @Override
            public InputStream open(ObjectRef ref) throws IOException {
                return Decompression.decompressed(new ByteArrayInputStream(object));
            }

            @Override
            public List<ObjectRef> writtenJustBefore(ObjectRef ref) {
                return List.of();
            }
        };
        ClickCountService service = ClickCountWiring.onClients(
                        source,
                        new LinksTable(dynamoDb, table),
                        writers,
                        new StatsSettings(400),
                        agents,
                        new StructuredLog("click-count", new PrintStream(java.io.OutputStream.nullOutputStream())),
                        InstantSource.system())
                .service();
        int objects = 4;
        long[] whole = new long[objects];
        for (int r = 0; r < objects; r++) {
            long t0 = System.nanoTime();
            Instant now = Instant.now();
            service.process(
                    new ObjectRef("bench", "clicks/dt=2026-05-01/bench-" + r, "etag" + r), now, now.plusSeconds(300));
            whole[r] = System.nanoTime() - t0;
        }
        writers.shutdownNow();
        results.put("aggregator_whole_object", Stats.of(whole, objects));
        results.put("aggregator_link_days", LINKS);
    }

    /** What the floor does per line: only read it as JSON. */
    static long parseOnly(InputStream ndjson) throws IOException {
        long fields = 0;
        var reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8), 64 * 1024);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            fields += Json.readObject(line).size();
        }
        return fields;
    }

    void statsApi(URI dynamo, URI redisUri) throws Exception {
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(dynamo);
        String table = "bench-stats";
        LinksTableSetup.createIfMissing(dynamoDb, table);
        LocalDate today = DAY;
        String code = "statBch";
        new DynamoDbLinkStore(new LinksTable(dynamoDb, table))
                .putIfAbsent(Link.create(
                        code,
                        "https://example.com/stats",
                        today.minusDays(100).atStartOfDay(ZoneOffset.UTC).toInstant(),
                        null,
                        "bench-owner"));
        SplittableRandom random = new SplittableRandom(3);
        long itemBytes = 0;
        for (int d = 0; d < 90; d++) {
            DayCounts day = new DayCounts();
            for (int i = 0; i < 3_000; i++) {
                day.add(new ClickFacts(
                        random.nextInt(24),
                        "C" + random.nextInt(60),
                        "site" + random.nextInt(120) + ".example",
                        List.of("desktop", "mobile", "tablet").get(random.nextInt(3)),
                        "Browser" + random.nextInt(20),
                        "OS" + random.nextInt(12),
                        i % 10 == 0,
                        "Bot" + random.nextInt(8),
                        "v" + random.nextInt(2_000)));
            }
            day.bound();
            var item = DayStatsItems.toItem(StatsKeys.linkDay(code, today.minusDays(d)), day, 1, Set.of(), 0);
            itemBytes = Math.max(itemBytes, ItemSize.of(item));
            dynamoDb.putItem(put -> put.tableName(table).item(item));
        }
        results.put("stats_day_item_bytes", itemBytes);
        Map<String, String> env = new HashMap<>();
        env.put(LinksTableSettings.LINKS_TABLE, table);
        env.put(LinksTableSettings.DYNAMODB_ENDPOINT, dynamo.toString());
        env.put(RedisSettings.REDIS_URL, redisUri.toString());
        env.put(CreateConfig.SHORT_BASE_URL, "https://sho.rt");
        env.put("SHORTCODE_SECRET", "benchmark-secret-of-at-least-32-characters+");
        env.put(CreateConfig.RATE_LIMIT_KEY_BURST, "100000");
        env.put(CreateConfig.RATE_LIMIT_IP_BURST, "100000");
        RedisClient redis = RedisClients.create(RedisSettings.of(redisUri));
        DynamoDbClient handlerDynamoDb = DynamoDbClients.forEmulator(dynamo);
        InstantSource clock = InstantSource.fixed(today.atTime(18, 0).toInstant(ZoneOffset.UTC));
        PrintStream console = System.out;
        System.setOut(new PrintStream(java.io.OutputStream.nullOutputStream())); // the handler's log lines
        try {
            CreateHandler handler = new CreateHandler(CreateWiring.onClients(
                    CreateConfig.fromEnvironment(Environment.of(env)), handlerDynamoDb, redis, clock));
            String key = ApiKeyFormat.generate(new SecureRandom());
            String hash = ApiKeyFormat.hash(key);
            new DynamoDbApiKeys(new LinksTable(dynamoDb, table))
                    .add(hash, new Caller("bench-owner", ApiKeyFormat.keyId(hash)), clock.instant());
            String from90 = today.minusDays(89).toString();
            Map<String, Map<String, String>> scenarios = new LinkedHashMap<>();
            scenarios.put("stats_90_days_daily", Map.of("from", from90, "to", today.toString()));
            scenarios.put(
                    "stats_90_days_by_country", Map.of("from", from90, "to", today.toString(), "groupBy", "country"));
            scenarios.put(
                    "stats_7_days_hourly",
                    Map.of("from", today.minusDays(6).toString(), "to", today.toString(), "interval", "hour"));
            int n = 300;
            for (var scenario : scenarios.entrySet()) {
                APIGatewayV2HTTPEvent event = event(code, key, scenario.getValue());
                for (int i = 0; i < 30; i++) {
                    handler.handleRequest(event, InvocationContext.fresh("create-function")); // warm-up
                }
                long[] nanos = new long[n];
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    var response = handler.handleRequest(event, InvocationContext.fresh("create-function"));
                    nanos[i] = System.nanoTime() - t0;
                    if (response.getStatusCode() != 200) {
                        throw new IllegalStateException(scenario.getKey() + ": " + response.getBody());
                    }
                }
                results.put(scenario.getKey(), Stats.of(nanos, n));
            }
            Map<String, AttributeValue> oneKey =
                    Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS(StatsKeys.linkDay(code, today)));
            long[] nanos = new long[n];
            for (int i = -30; i < n; i++) {
                long t0 = System.nanoTime();
                handlerDynamoDb.getItem(get -> get.tableName(table).key(oneKey));
                if (i >= 0) {
                    nanos[i] = System.nanoTime() - t0;
                }
            }
            results.put("stats_single_getitem", Stats.of(nanos, n));
        } finally {
            System.setOut(console);
            redis.close();
        }
    }

    private static APIGatewayV2HTTPEvent event(String code, String key, Map<String, String> query) {
        String path = "/api/links/" + code + "/stats";
        return APIGatewayV2HTTPEvent.builder()
                .withRawPath(path)
                .withHeaders(Map.of("x-api-key", key))
                // As API Gateway sends it: the raw string, which the routes read, and the decoded map.
                .withRawQueryString(query.entrySet().stream()
                        .map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("&")))
                .withQueryStringParameters(new HashMap<>(query))
                .withRequestContext(APIGatewayV2HTTPEvent.RequestContext.builder()
                        .withStage("$default")
                        .withRequestId("bench")
                        .withHttp(APIGatewayV2HTTPEvent.RequestContext.Http.builder()
                                .withMethod("GET")
                                .withPath(path)
                                .withSourceIp("127.0.0.1")
                                .build())
                        .build())
                .build();
    }
}
