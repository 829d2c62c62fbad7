package dev.shortener.create;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.shortener.config.Environment;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.ApiKeys;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.idempotency.IdempotencyStore;
import dev.shortener.create.domain.link.CodeReservations;
import dev.shortener.create.domain.link.LinkCacheUpdates;
import dev.shortener.create.domain.link.LinkStats;
import dev.shortener.create.domain.listing.LinkListing;
import dev.shortener.create.domain.ratelimit.RateLimiter;
import dev.shortener.create.domain.stats.DailyStats;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.create.dynamodb.DynamoDbCodeReservations;
import dev.shortener.create.dynamodb.DynamoDbDailyStats;
import dev.shortener.create.dynamodb.DynamoDbIdempotencyStore;
import dev.shortener.create.dynamodb.DynamoDbLinkListing;
import dev.shortener.create.dynamodb.DynamoDbLinkStats;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.create.redis.SharedLinkCache;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinkStore;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.DynamoDbWorkerLeases;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.shortcode.WorkerLeases;
import dev.shortener.testsupport.TestClock;
import dev.shortener.testsupport.TestServers;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One test's world: its own links table on dynalite, its own Redis key prefixes on redis-server, a clock it moves
 * by hand, and a handler built through the ports constructor with the real DynamoDB and Redis adapters.
 */
final class TestBed {

    static final String SECRET = "a-test-secret-that-is-long-enough-for-the-permutation";
    static final String SHORT_BASE = "https://sho.rt";

    private static DynamoDbClient dynamoDb;
    private static RedisClient redis;

    final String table;
    final LinksTable linksTable;
    final String cachePrefix;
    final String rateLimitPrefix;
    final TestClock clock = TestClock.fixedAt(Instant.parse("2026-11-27T12:00:00Z"));
    final RedisLinkCache cache;
    final DynamoDbLinkStore links;
    final CreateConfig config;
    final CreatePorts ports;
    final CreateHandler handler;

    private TestBed(Map<String, String> envOverrides, Consumer<Adapters> replace) {
        table = Tables.createNew(dynamoDb());
        linksTable = new LinksTable(dynamoDb(), table);
        cachePrefix = TestServers.uniqueName("link") + ":";
        rateLimitPrefix = TestServers.uniqueName("ratelimit") + ":";
        cache = new RedisLinkCache(redis(), cachePrefix);
        links = new DynamoDbLinkStore(linksTable);
        config = CreateConfig.fromEnvironment(Environment.of(environment(table, envOverrides)));
        Adapters adapters = new Adapters(links, linksTable, cache, rateLimitPrefix);
        replace.accept(adapters);
        ports = adapters.ports();
        handler = new CreateHandler(CreateWiring.of(config, ports, clock));
    }

    static TestBed create() {
        return new TestBed(Map.of(), adapters -> {});
    }

    static TestBed create(Map<String, String> envOverrides) {
        return new TestBed(envOverrides, adapters -> {});
    }

    /**
     * A bed whose handler runs on the real adapters after {@code replace} has swapped one of them (a store that fails
     * once or holds a write, an idempotency store that dies): outcomes the real servers won't produce on cue.
     */
    static TestBed create(Consumer<Adapters> replace) {
        return new TestBed(Map.of(), replace);
    }

    /** The real DynamoDB and Redis adapters of one bed, each replaceable (wrapped or swapped) by a test. */
    static final class Adapters {
        LinkStore links;
        CodeReservations reservations;
        LinkStats.Source stats;
        DailyStats dailyStats;
        ApiKeys apiKeys;
        IdempotencyStore idempotency;
        RateLimiter rateLimiter;
        LinkCacheUpdates cache;
        WorkerLeases workerLeases;
        LinkListing listing;

        private Adapters(LinkStore links, LinksTable table, RedisLinkCache cache, String rateLimitPrefix) {
            this.links = links;
            reservations = new DynamoDbCodeReservations(table);
            stats = new DynamoDbLinkStats(table);
            dailyStats = new DynamoDbDailyStats(table);
            apiKeys = new DynamoDbApiKeys(table);
            idempotency = new DynamoDbIdempotencyStore(table);
            rateLimiter = new RedisTokenBuckets(redis(), rateLimitPrefix);
            this.cache = new SharedLinkCache(cache);
            workerLeases = new DynamoDbWorkerLeases(table);
            listing = new DynamoDbLinkListing(table);
        }

        private CreatePorts ports() {
            return new CreatePorts(
                    links,
                    reservations,
                    stats,
                    dailyStats,
                    apiKeys,
                    idempotency,
                    rateLimiter,
                    cache,
                    workerLeases,
                    listing);
        }
    }

    /** The environment of a test deployment; rate limits high enough that only the rate-limit tests meet them. */
    static Map<String, String> environment(String table, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>();
        env.put(LinksTableSettings.LINKS_TABLE, table);
        env.put(RedisSettings.REDIS_URL, TestServers.redisUri().toString());
        env.put(CreateConfig.SHORT_BASE_URL, SHORT_BASE);
        env.put("SHORTCODE_SECRET", SECRET);
        env.put(CreateConfig.BLOCKED_DOMAINS, "evil.example, phish.test");
        env.put(CreateConfig.RATE_LIMIT_KEY_BURST, "100000");
        env.put(CreateConfig.RATE_LIMIT_IP_BURST, "100000");
        env.putAll(overrides);
        return env;
    }

    static synchronized DynamoDbClient dynamoDb() {
        if (dynamoDb == null) {
            dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        }
        return dynamoDb;
    }

    static synchronized RedisClient redis() {
        if (redis == null) {
            redis = RedisClients.create(RedisSettings.of(TestServers.redisUri()));
        }
        return redis;
    }

    /** A new API key for {@code owner}, stored as the CreateApiKey command stores it. */
    String newApiKey(String owner) {
        String key = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(key);
        new DynamoDbApiKeys(linksTable).add(hash, new Caller(owner, ApiKeyFormat.keyId(hash)), clock.instant());
        return key;
    }

    Answer send(APIGatewayV2HTTPEvent event) {
        return new Answer(handler.handleRequest(event, InvocationContext.fresh("create-function")));
    }

    /** POSTs {@code body} as a create request with {@code apiKey}. */
    Answer create(String apiKey, String body) {
        return send(Events.withBody(Events.keyed(Events.CREATE, apiKey), body));
    }

    /** Every item in the table, by key. */
    Map<String, Map<String, AttributeValue>> items() {
        return dynamoDb().scanPaginator(scan -> scan.tableName(table).consistentRead(true)).items().stream()
                .collect(Collectors.toMap(
                        item -> item.get(LinksTableSchema.PARTITION_KEY).s(), item -> item));
    }

    /** The keys of the items that are links (no '#' prefix). */
    List<String> linkKeys() {
        return items().keySet().stream()
                .filter(key -> key.indexOf('#') < 0)
                .sorted()
                .toList();
    }
}
