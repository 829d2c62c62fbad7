package dev.shortener.benchmarks.management;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.benchmarks.Stats;
import dev.shortener.config.Environment;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreateWiring;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.LinkItems;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.lambda.InvocationContext;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The management API's listing and bulk create, through the real {@code CreateHandler} (the local runner's wiring:
 * production ports on this run's dynalite and redis-server), one request at a time.
 *
 * <ul>
 *   <li>{@code list_page_100}: {@code GET /api/links?limit=100} from an owner with {@value #OWNER_LINKS} links,
 *       walking the pages with the cursors (a fresh first page each {@value #WALK} pages); beside it
 *       {@code list_getitem}, one strongly consistent GetItem of a link on the same client, in the same run.
 *   <li>{@code bulk_100} and {@code singles_100}: wall time of one bulk create of 100 links, and of 100 single
 *       creates, each on a fresh wiring (a fresh minter, so a fresh worker id with its whole borrowing allowance).
 *   <li>{@code sustained}: {@value #SUSTAINED} bulks of 100 back to back on one wiring (one worker id): what a
 *       client sees once the minter's 10 s of borrowing (352 codes) are used up.
 * </ul>
 *
 * <p>Args: dynamoDbEndpoint redisUri eventsDir outFile
 */
public final class ManagementBench {

    static final int OWNER_LINKS = 100_000;
    static final int WALK = 20;
    static final int LIST_N = 400;
    static final int REPS = 5;
    static final int SUSTAINED = 6;
    private static final String OWNER = "bench-owner";
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final DynamoDbClient dynamoDb;
    private final UnifiedJedis redis;
    private final String table = "bench-management";
    private final Path events;
    private final CreateConfig config;
    private final String apiKey;
    final Map<String, Object> results = new LinkedHashMap<>();

    ManagementBench(URI dynamo, URI redisUri, Path events) {
        this.dynamoDb = DynamoDbClients.forEmulator(dynamo);
        this.redis = RedisClients.create(RedisSettings.of(redisUri));
        this.events = events;
        LinksTableSetup.createIfMissing(dynamoDb, table);
        Map<String, String> env = new HashMap<>();
        env.put(LinksTableSettings.LINKS_TABLE, table);
        env.put(RedisSettings.REDIS_URL, redisUri.toString());
        env.put(CreateConfig.SHORT_BASE_URL, "https://sho.rt");
        env.put("SHORTCODE_SECRET", "benchmark-shortcode-secret-0123456789abcdef");
        env.put(CreateConfig.RATE_LIMIT_KEY_BURST, "100000");
        env.put(CreateConfig.RATE_LIMIT_KEY_PER_MINUTE, "1000000");
        env.put(CreateConfig.RATE_LIMIT_IP_BURST, "100000");
        env.put(CreateConfig.RATE_LIMIT_IP_PER_MINUTE, "1000000");
        this.config = CreateConfig.fromEnvironment(Environment.of(env));
        String key = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(key);
        new DynamoDbApiKeys(new LinksTable(dynamoDb, table))
                .add(hash, new Caller(OWNER, ApiKeyFormat.keyId(hash)), Instant.now());
        this.apiKey = key;
    }

    /** 100,000 links of one owner with BatchWriteItem (25 a call, 4 threads), and 1,000 of another. */
    void load() throws Exception {
        long start = System.nanoTime();
        Instant base = Instant.now().minusSeconds(OWNER_LINKS + 10_000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> done = new ArrayList<>();
        int total = OWNER_LINKS + 1_000;
        for (int from = 0; from < total; from += 25) {
            int first = from;
            done.add(pool.submit(() -> {
                List<WriteRequest> batch = new ArrayList<>();
                for (int i = first; i < Math.min(first + 25, total); i++) {
                    String owner = i < OWNER_LINKS ? OWNER : "someone-else";
                    Link link = Link.create(
                                    String.format("L%06d", i),
                                    "https://news.example/articles/" + i + "?utm_source=bench",
                                    base.plusSeconds(i),
                                    null,
                                    owner)
                            .withTags(i % 10 == 0 ? List.of("tenth") : List.of());
                    batch.add(WriteRequest.builder()
                            .putRequest(PutRequest.builder()
                                    .item(LinkItems.toItem(link))
                                    .build())
                            .build());
                }
                Map<String, List<WriteRequest>> pending = Map.of(table, batch);
                while (!pending.isEmpty()) {
                    var response = dynamoDb.batchWriteItem(BatchWriteItemRequest.builder()
                            .requestItems(pending)
                            .build());
                    pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        pool.shutdown();
        results.put("load_seconds", (System.nanoTime() - start) / 1e9);
        results.put("owner_links", OWNER_LINKS);
    }

    void list() throws Exception {
        CreateHandler handler = new CreateHandler(wiring());
        String template = Files.readString(events.resolve("api-list-links.json"));
        long[] page = new long[LIST_N];
        long[] getItem = new long[LIST_N];
        String cursor = null;
        for (int i = -50; i < LIST_N; i++) { // 50 warm-up requests
            if (i % WALK == 0) {
                cursor = null;
            }
            APIGatewayV2HTTPEvent event = listEvent(template, cursor);
            long t0 = System.nanoTime();
            APIGatewayV2HTTPResponse response =
                    handler.handleRequest(event, InvocationContext.fresh("create-function"));
            long t1 = System.nanoTime();
            JsonNode body = JSON.readTree(response.getBody());
            if (response.getStatusCode() != 200 || body.get("links").size() != 100) {
                throw new IllegalStateException("a page of 100 was expected: " + response.getStatusCode());
            }
            cursor = body.get("next").asText();
            String code = String.format("L%06d", (i + 50) * 211 % OWNER_LINKS);
            long t2 = System.nanoTime();
            dynamoDb.getItem(get -> get.tableName(table)
                    .key(Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS(code)))
                    .consistentRead(true));
            long t3 = System.nanoTime();
            if (i >= 0) {
                page[i] = t1 - t0;
                getItem[i] = t3 - t2;
            }
        }
        results.put("list_page_100", Stats.of(page, LIST_N));
        results.put("list_getitem", Stats.of(getItem, LIST_N));
    }

    void bulk() throws Exception {
        String bulkTemplate = Files.readString(events.resolve("api-bulk-create-links.json"));
        String createTemplate = Files.readString(events.resolve("api-create-link.json"));
        double[] bulk = new double[REPS];
        double[] singles = new double[REPS];
        for (int rep = 0; rep < REPS; rep++) {
            CreateHandler forBulk = new CreateHandler(wiring());
            APIGatewayV2HTTPEvent event = bulkEvent(bulkTemplate, "b" + rep);
            long t0 = System.nanoTime();
            requireOk(forBulk.handleRequest(event, InvocationContext.fresh("create-function")), 200);
            bulk[rep] = (System.nanoTime() - t0) / 1e6;

            CreateHandler forSingles = new CreateHandler(wiring());
            List<APIGatewayV2HTTPEvent> creates = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                creates.add(createEvent(createTemplate, "https://shop.example/s" + rep + "/" + i));
            }
            long t1 = System.nanoTime();
            for (APIGatewayV2HTTPEvent create : creates) {
                requireOk(forSingles.handleRequest(create, InvocationContext.fresh("create-function")), 201);
            }
            singles[rep] = (System.nanoTime() - t1) / 1e6;
        }
        results.put("bulk_100_ms", bulk);
        results.put("singles_100_ms", singles);

        CreateHandler oneEnvironment = new CreateHandler(wiring());
        double[] sustained = new double[SUSTAINED];
        for (int i = 0; i < SUSTAINED; i++) {
            APIGatewayV2HTTPEvent event = bulkEvent(bulkTemplate, "s" + i);
            long t0 = System.nanoTime();
            requireOk(oneEnvironment.handleRequest(event, InvocationContext.fresh("create-function")), 200);
            sustained[i] = (System.nanoTime() - t0) / 1e6;
        }
        results.put("sustained_bulk_100_ms", sustained);
    }

    private CreateWiring wiring() {
        return CreateWiring.onClients(config, dynamoDb, redis, InstantSource.system());
    }

    private APIGatewayV2HTTPEvent listEvent(String template, String cursor) throws Exception {
        APIGatewayV2HTTPEvent event = JSON.readValue(template, APIGatewayV2HTTPEvent.class);
        event.getHeaders().put("x-api-key", apiKey);
        String query =
                "limit=100" + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
        event.setRawQueryString(query);
        event.setQueryStringParameters(null);
        return event;
    }

    private APIGatewayV2HTTPEvent bulkEvent(String template, String tag) throws Exception {
        APIGatewayV2HTTPEvent event = JSON.readValue(template, APIGatewayV2HTTPEvent.class);
        event.getHeaders().put("x-api-key", apiKey);
        event.getHeaders().remove("idempotency-key");
        StringBuilder body = new StringBuilder("{\"links\":[");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"url\":\"https://shop.example/")
                    .append(tag)
                    .append('/')
                    .append(i)
                    .append("\",\"tags\":[\"bulk\"]}");
        }
        event.setBody(body.append("]}").toString());
        return event;
    }

    private APIGatewayV2HTTPEvent createEvent(String template, String url) throws Exception {
        APIGatewayV2HTTPEvent event = JSON.readValue(template, APIGatewayV2HTTPEvent.class);
        event.getHeaders().put("x-api-key", apiKey);
        event.setBody("{\"url\":\"" + url + "\",\"tags\":[\"single\"]}");
        return event;
    }

    private static void requireOk(APIGatewayV2HTTPResponse response, int status) {
        if (response.getStatusCode() != status) {
            throw new IllegalStateException(
                    "expected " + status + ", got " + response.getStatusCode() + ": " + response.getBody());
        }
    }

    public static void main(String[] args) throws Exception {
        // The handler's JSON log line is built as in Lambda, and written where nobody reads it.
        System.setOut(new java.io.PrintStream(java.io.OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        ManagementBench bench = new ManagementBench(URI.create(args[0]), URI.create(args[1]), Path.of(args[2]));
        bench.load();
        bench.list();
        bench.bulk();
        Files.writeString(
                Path.of(args[3]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bench.results));
        System.exit(0);
    }
}
