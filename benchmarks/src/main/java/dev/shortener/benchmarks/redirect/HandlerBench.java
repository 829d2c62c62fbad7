package dev.shortener.benchmarks.redirect;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.ClickSink;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.analytics.firehose.FirehoseClients;
import dev.shortener.analytics.firehose.FirehoseRecordSender;
import dev.shortener.benchmarks.Stats;
import dev.shortener.config.Environment;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.redirect.RedirectConfig;
import dev.shortener.redirect.RedirectHandler;
import dev.shortener.redirect.RedirectWiring;
import dev.shortener.shortcode.Base62;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * The in-process redirect benchmarks, run in a child JVM started with the template's JAVA_TOOL_OPTIONS (C1 only,
 * serial GC), one request at a time as Lambda runs them. Writes its results as JSON to the file given.
 *
 * <p>Args: dynamoDbEndpoint redisUri table eventsDir outFile
 */
public final class HandlerBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String SAMPLE_CODE = "aB3dE5f";
    static final int HOT = 500;
    static final PrintStream CONSOLE = System.out;

    private final DynamoDbLinkStore store;

    private DynamoDbLinkStore handlerStore;
    private final DynamoDbClient handlerDynamoDb;
    private final UnifiedJedis redis;
    private final RedisLinkCache cache;
    private final RedirectConfig config;
    private final String eventTemplate;
    private final List<String> hotCodes = new ArrayList<>();
    private final List<APIGatewayV2HTTPEvent> hotEvents = new ArrayList<>();
    private final SplittableRandom random = new SplittableRandom(42);
    private final Base62 base62 = Base62.ofLength(7);
    private final Map<String, Object> results = new LinkedHashMap<>();

    HandlerBench(URI dynamo, URI redisUri, String table, Path events) throws Exception {
        DynamoDbClient admin = DynamoDbClients.forEmulator(dynamo);
        LinksTableSetup.createIfMissing(admin, table);

        store = new DynamoDbLinkStore(new LinksTable(admin, table));
        eventTemplate = Files.readString(events.resolve("redirect-get.json"));
        Instant now = Instant.now();
        for (int i = 0; i < HOT; i++) {
            String code = base62.encode(1_000_003L * (i + 1) + 77);
            store.putIfAbsent(Link.create(
                    code,
                    "https://news.example/articles/" + i + "?utm_source=bench",
                    now.minusSeconds(60),
                    null,
                    "bench"));
            hotCodes.add(code);
            hotEvents.add(event(code));
        }
        // As RedirectWiring builds them: the redirect timeouts, the production pool settings and key prefix.
        handlerDynamoDb = DynamoDbClients.forEmulator(dynamo, DynamoDbTimeouts.REDIRECT);
        redis = RedisClients.create(new RedisSettings(
                redisUri,
                Duration.ofMillis(100),
                Duration.ofMillis(250),
                RedisSettings.DEFAULT_POOL_WAIT,
                RedisSettings.DEFAULT_POOL_SIZE));
        cache = new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX);
        handlerStore = new DynamoDbLinkStore(new LinksTable(handlerDynamoDb, table));
        config = RedirectConfig.fromEnvironment(Environment.of(
                Map.of(LinksTableSettings.LINKS_TABLE, table, RedisSettings.REDIS_URL, redisUri.toString())));
    }

    APIGatewayV2HTTPEvent event(String code) throws Exception {
        return JSON.readValue(eventTemplate.replace(SAMPLE_CODE, code), APIGatewayV2HTTPEvent.class);
    }

    RedirectHandler handler(ClickSink clicks) {
        return new RedirectHandler(RedirectWiring.of(
                config,
                handlerStore,
                cache,
                clicks,
                InstantSource.system(),
                new StructuredLog(RedirectWiring.SERVICE)));
    }

    interface Timed {
        /** Prepares untimed, then runs the timed part; returns its duration in ns. */
        long run(int i) throws Exception;
    }

    /** Warm-up calls untimed, then up to {@code max} timed calls or {@code seconds}, whichever first. */
    Map<String, Object> measure(String name, int warmup, int max, double seconds, Timed body) throws Exception {
        for (int i = 0; i < warmup; i++) {
            body.run(i);
        }
        long[] nanos = new long[max];
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        int n = 0;
        while (n < max && (n < 50 || System.nanoTime() < deadline)) {
            nanos[n] = body.run(warmup + n);
            n++;
        }
        Map<String, Object> s = Stats.of(nanos, n);
        results.put(name, s);
        CONSOLE.printf(
                "  %-28s n=%6d p50=%9.1f us p99=%9.1f us max=%9.1f us%n",
                name, n, (double) s.get("p50_us"), (double) s.get("p99_us"), (double) s.get("max_us"));
        return s;
    }

    static long timeCall(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> h,
            APIGatewayV2HTTPEvent event,
            int expect) {
        var context = context("req-" + System.nanoTime());
        long t0 = System.nanoTime();
        APIGatewayV2HTTPResponse r = h.handleRequest(event, context);
        long t = System.nanoTime() - t0;
        if (r.getStatusCode() != expect) {
            throw new IllegalStateException("expected " + expect + ", got " + r.getStatusCode() + " " + r.getBody());
        }
        return t;
    }

    void core() throws Exception {
        RedirectHandler h = handler(NOOP);
        // Prime the cache with every hot code (and the handler's connections).
        for (APIGatewayV2HTTPEvent e : hotEvents) {
            timeCall(h, e, 302);
        }
        measure("redis_get", 5_000, 100_000, 4, i -> {
            String key = cache.key(hotCodes.get(i % HOT));
            long t0 = System.nanoTime();
            String v = redis.get(key);
            long t = System.nanoTime() - t0;
            if (v == null) {
                throw new IllegalStateException("not cached: " + key);
            }
            return t;
        });
        measure("hit", 5_000, 100_000, 6, i -> timeCall(h, hotEvents.get(i % HOT), 302));
        measure("dynamodb_getitem", 200, 5_000, 8, i -> {
            long t0 = System.nanoTime();
            var lookup = handlerStore.find(hotCodes.get(i % HOT), Instant.now());
            long t = System.nanoTime() - t0;
            if (lookup.link() == null) {
                throw new IllegalStateException("no link");
            }
            return t;
        });
        measure("miss", 200, 5_000, 8, i -> {
            String code = hotCodes.get(i % HOT);
            redis.del(cache.key(code));
            return timeCall(h, hotEvents.get(i % HOT), 302);
        });
        measure("unknown", 200, 5_000, 8, i -> {
            APIGatewayV2HTTPEvent e = event(base62.encode(random.nextLong(base62.maxValue() / 2, base62.maxValue())));
            return timeCall(h, e, 404);
        });
        var naive = new NaiveHandler(handlerStore);
        measure("naive", 200, 5_000, 8, i -> timeCall(naive, hotEvents.get(i % HOT), 302));
        // The hit again, after everything else: how much the two hit figures differ is the run's own noise.
        measure("hit_again", 2_000, 100_000, 4, i -> timeCall(h, hotEvents.get(i % HOT), 302));
        APIGatewayV2HTTPResponse r = h.handleRequest(hotEvents.get(0), context("size"));
        int size = ("HTTP/1.1 302 Found\r\n").length() + 2;
        for (var header : r.getHeaders().entrySet()) {
            size += header.getKey().length() + 2 + header.getValue().length() + 2;
        }
        results.put("redirect_response_header_bytes", size);
    }

    void clicks() throws Exception {
        RedirectHandler noop = handler(NOOP);
        measure("clicks_none_busy", 3_000, 100_000, 3, i -> timeCall(noop, hotEvents.get(i % HOT), 302));
        measure("clicks_none_sparse", 50, 300, 3, i -> {
            Thread.sleep(5);
            return timeCall(noop, hotEvents.get(i % HOT), 302);
        });
        for (Endpoint mode : Endpoint.values()) {
            String m = mode.name().toLowerCase(Locale.ROOT);
            // busy: requests back to back, as under load (the sink holds clicks across invocations)
            try (var endpoint = mode.start();
                    var sink = sink(endpoint, SinkSettings.defaults())) {
                RedirectHandler h = handler(sink.sink);
                var busy = measure(
                        "clicks_" + m + "_busy", 3_000, 100_000, 4, i -> timeCall(h, hotEvents.get(i % HOT), 302));
                sink.sink.shutdown(Duration.ofMillis(500));
                if (mode == Endpoint.FAST) {
                    results.put("firehose_clicks_recorded", 3_000 + (int) busy.get("n"));
                    results.put("firehose_records", endpoint.storedRecords().size());
                    results.put("firehose_record_bytes", endpoint.storedBytes());
                    results.put("firehose_billed_bytes", endpoint.billedBytes());
                    results.put("firehose_calls", endpoint.calls().size());
                }
            }
            // sparse: 5 ms between requests and a 1 ms hold window, so every request is one "at low traffic":
            // beforeFreeze asks for a send and waits for it within CLICK_BUDGET_MS (20 ms).
            try (var endpoint = mode.start();
                    var sink = sink(endpoint, SinkSettings.defaults().withHoldIfNextWithin(Duration.ofMillis(1)))) {
                RedirectHandler h = handler(sink.sink);
                measure("clicks_" + m + "_sparse", 20, 150, 6, i -> {
                    Thread.sleep(5);
                    return timeCall(h, hotEvents.get(i % HOT), 302);
                });
                sink.sink.shutdown(Duration.ofMillis(200));
            }
            afterResponse(mode, m);
        }
    }

    /**
     * The same lone clicks with the flush after the response, as the click sink's extension runs it: the caller
     * waits for the handler only; then, as the extension thread would, the end of the invocation is awaited and the
     * clicks settled within {@code CLICK_AFTER_RESPONSE_BUDGET_MS}. Billed = the handler plus that settling time,
     * which is when the environment could freeze.
     */
    private void afterResponse(Endpoint mode, String m) throws Exception {
        int warmup = 10;
        long[] billed = new long[150];
        int[] n = {0};
        try (var endpoint = mode.start();
                var sink = sink(endpoint, SinkSettings.defaults().withHoldIfNextWithin(Duration.ofMillis(1)))) {
            sink.sink.flushAfterResponse();
            RedirectHandler h = handler(sink.sink);
            measure("clicks_" + m + "_after", warmup, billed.length, 4, i -> {
                Thread.sleep(5);
                long caller = timeCall(h, hotEvents.get(i % HOT), 302);
                long t0 = System.nanoTime();
                long deadline = t0 + AFTER_RESPONSE_BUDGET.toNanos();
                if (!sink.sink.awaitInvocationEnd(deadline)) {
                    throw new IllegalStateException("the handler did not mark its invocation's end");
                }
                sink.sink.settleBeforeNext(deadline);
                if (i >= warmup) {
                    billed[n[0]++] = caller + (System.nanoTime() - t0);
                }
                return caller;
            });
            sink.sink.shutdown(Duration.ofMillis(200));
        }
        Map<String, Object> s = Stats.of(billed, n[0]);
        results.put("clicks_" + m + "_after_billed", s);
        CONSOLE.printf(
                "  %-28s n=%6d p50=%9.1f us p99=%9.1f us max=%9.1f us%n",
                "clicks_" + m + "_after_billed", n[0], (double) s.get("p50_us"), (double) s.get("p99_us"), (double)
                        s.get("max_us"));
    }

    /** The Firehose endpoints the click rows run against: answering at once, after 50 ms, or with HTTP 500. */
    enum Endpoint {
        FAST,
        SLOW,
        FAILING;

        FirehoseStandIn start() throws IOException {
            var fault = switch (this) {
                case FAST -> FirehoseStandIn.Fault.OK;
                case SLOW -> FirehoseStandIn.Fault.slow(50);
                case FAILING -> FirehoseStandIn.Fault.error500();
            };
            var endpoint = new FirehoseStandIn();
            endpoint.plan(call -> fault);
            return endpoint;
        }
    }

    /** The template's CLICK_AFTER_RESPONSE_BUDGET_MS. */
    private static final Duration AFTER_RESPONSE_BUDGET = Duration.ofMillis(1000);

    /** The redirect's real sink, wired as ClickSinks does, against the endpoint given; its output discarded. */
    record Sink(BatchingClickSink sink, FirehoseClient client) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
        }
    }

    static Sink sink(FirehoseStandIn endpoint, SinkSettings settings) {
        FirehoseClient client = FirehoseClients.forEndpoint(
                endpoint.endpoint(), StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench")));
        PrintStream discard = new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8);
        var sink = new BatchingClickSink(
                new ClickEvents("benchmark-visitor-secret-0123456789".getBytes(StandardCharsets.UTF_8)),
                new FirehoseRecordSender(client, "clicks-bench"),
                settings,
                new DeliveryMetrics(
                        new EmfMetrics("UrlShortener", "redirect", InstantSource.system()), discard, 60_000),
                new UndeliveredLog(new StructuredLog("redirect", discard)));
        return new Sink(sink, client);
    }

    static final ClickSink NOOP = new ClickSink() {
        @Override
        public void record(Click click) {}

        @Override
        public void beforeFreeze(Duration budget) {}
    };

    public static void main(String[] args) throws Exception {
        // The JDK's HttpServer leaves Nagle on by default: its responses would then wait for the client's delayed
        // ACK (~40 ms), a delay of the fake endpoint that no real Firehose endpoint has.
        System.setProperty("sun.net.httpserver.nodelay", "true");
        // The handler's log lines (one JSON line per request, built as in Lambda) go nowhere: the cost of
        // formatting them is measured, the cost of the pipe to CloudWatch is not.
        System.setOut(new PrintStream(OutputStream.nullOutputStream(), false, StandardCharsets.UTF_8));
        var bench = new HandlerBench(URI.create(args[0]), URI.create(args[1]), args[2], Path.of(args[3]));
        CONSOLE.println("  JVM flags: "
                + java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments());
        bench.core();
        bench.clicks();
        bench.results.put(
                "jvm_flags",
                String.join(
                        " ",
                        java.lang.management.ManagementFactory.getRuntimeMXBean()
                                .getInputArguments()));
        Files.writeString(
                Path.of(args[4]), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(bench.results));
        bench.redis.close();
        bench.handlerDynamoDb.close();
        CONSOLE.flush();
        System.exit(0);
    }

    /** A context as Lambda hands one to each invocation: its own request id, the template's 10 s timeout. */
    private static InvocationContext context(String requestId) {
        return InvocationContext.startingNow("redirect-bench", requestId, java.time.Duration.ofSeconds(10));
    }
}
