package dev.shortener.create;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.create.api.ClientAddresses;
import dev.shortener.create.api.ManagementApi;
import dev.shortener.create.domain.auth.Authenticator;
import dev.shortener.create.domain.bulk.BulkCreation;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import dev.shortener.create.domain.link.AliasPolicy;
import dev.shortener.create.domain.link.ExpiryPolicy;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.LinkRequests;
import dev.shortener.create.domain.link.LinkService;
import dev.shortener.create.domain.link.LinkWrites;
import dev.shortener.create.domain.ratelimit.RateLimits;
import dev.shortener.create.domain.stats.LinkAnalytics;
import dev.shortener.create.domain.url.UrlPolicy;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.create.dynamodb.DynamoDbCodeReservations;
import dev.shortener.create.dynamodb.DynamoDbDailyStats;
import dev.shortener.create.dynamodb.DynamoDbIdempotencyStore;
import dev.shortener.create.dynamodb.DynamoDbLinkListing;
import dev.shortener.create.dynamodb.DynamoDbLinkStats;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.create.redis.SharedLinkCache;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.DynamoDbWorkerLeases;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.InstantSource;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The create function put together: the one place that knows how its pieces connect. Three ways in, one graph:
 * {@link #fromEnvironment} (Lambda: the real clients, built once per execution environment, and the SnapStart
 * hooks that prime and reset them), {@link #onClients} (the local runner: clients it owns, production key
 * prefixes) and {@link #of} (tests: ports they may have swapped, a clock they move). Builds no unique state: the
 * minter acquires its worker lease on first use.
 */
public final class CreateWiring {

    /** Rate-limit buckets' keys; the links' keys are the shared cache's own ({@link RedisLinkCache#DEFAULT_KEY_PREFIX}). */
    static final String RATE_LIMIT_KEY_PREFIX = "ratelimit:";

    /** The service name in the log lines and the metrics' {@code Service} dimension. */
    public static final String SERVICE = "create";

    private final StructuredLog log = new StructuredLog(SERVICE);
    private final Observability observability;
    private final ShortCodeMinter minter;
    private final RateLimits limits;
    private final ManagementApi api;
    /** Null unless built on real clients from the environment: only then has SnapStart anything to prime. */
    private final SnapStartHooks snapStartHooks;

    private CreateWiring(
            CreateConfig config, CreatePorts ports, InstantSource clock, Clients clients, EmfMetrics metrics) {
        this.observability = new Observability(log, metrics);
        this.minter = config.shortCodes().newMinter(clock, ports.workerLeases());
        this.limits = new RateLimits(
                ports.rateLimiter(), config.perClientLimit(), config.perKeyLimit(), clock, observability);
        UrlPolicy urls = new UrlPolicy(
                config.maxUrlLength(), config.ownDomains(), config.blockedDomains(), config.allowPrivateAddresses());
        LinkRequests requests = new LinkRequests(
                urls, new AliasPolicy(), new ExpiryPolicy(config.maxExpiry()), config.forwardQueryDefault());
        LinkWrites writes = new LinkWrites(ports.links(), ports.reservations(), ports.cache(), observability);
        LinkCreation creation = new LinkCreation(writes, minter, clock);
        LinkService links = new LinkService(writes, ports.stats(), clock);
        IdempotentCreation idempotent = new IdempotentCreation(ports.idempotency(), creation, clock, observability);
        BulkCreation bulk = new BulkCreation(ports.idempotency(), creation, clock, observability);
        this.api = new ManagementApi(
                limits,
                new Authenticator(ports.apiKeys()),
                new ClientAddresses(config.clientAddressHeader(), config.originSecret()),
                new ManagementApi.Services(
                        requests,
                        creation,
                        links,
                        idempotent,
                        bulk,
                        ports.listing(),
                        new LinkAnalytics(links, ports.dailyStats())),
                new ManagementApi.Settings(config.shortBaseUrl(), config.cursorKey(), config.stats()),
                clock);
        this.snapStartHooks = clients == null ? null : new SnapStartHooks(api, minter, limits, clients, observability);
    }

    /**
     * What Lambda runs: the configuration read from {@code env}, one DynamoDB client (explicit timeouts, the
     * URL-connection HTTP client, the default credentials chain) and one bounded Redis pool.
     *
     * @throws ConfigException naming the first variable that is missing or malformed
     */
    public static CreateWiring fromEnvironment(Environment env) {
        CreateConfig config = CreateConfig.fromEnvironment(env);
        Clients clients = new Clients(
                new LinksTable(
                        DynamoDbClients.forFunction(DynamoDbTimeouts.MANAGEMENT, config.dynamoDbEndpoint()),
                        config.linksTable()),
                RedisClients.create(RedisSettings.of(config.redisUrl())));
        return new CreateWiring(
                config,
                ports(clients.linksTable(), clients.redis()),
                InstantSource.system(),
                clients,
                EmfMetrics.fromEnvironment(env, SERVICE));
    }

    /** The production ports on clients the caller owns (the local runner's dynalite and redis-server). */
    public static CreateWiring onClients(
            CreateConfig config, DynamoDbClient dynamoDb, UnifiedJedis redis, InstantSource clock) {
        return new CreateWiring(
                config,
                ports(new LinksTable(dynamoDb, config.linksTable()), redis),
                clock,
                null,
                defaultMetrics(clock));
    }

    /** The given ports and clock, without SnapStart hooks: for tests. */
    public static CreateWiring of(CreateConfig config, CreatePorts ports, InstantSource clock) {
        return new CreateWiring(config, ports, clock, null, defaultMetrics(clock));
    }

    /** Outside Lambda nothing reads the metrics; they go to the default namespace. */
    private static EmfMetrics defaultMetrics(InstantSource clock) {
        return new EmfMetrics(EmfMetrics.DEFAULT_NAMESPACE, SERVICE, clock);
    }

    private static CreatePorts ports(LinksTable table, UnifiedJedis redis) {
        return new CreatePorts(
                new DynamoDbLinkStore(table),
                new DynamoDbCodeReservations(table),
                new DynamoDbLinkStats(table),
                new DynamoDbDailyStats(table),
                new DynamoDbApiKeys(table),
                new DynamoDbIdempotencyStore(table),
                new RedisTokenBuckets(redis, RATE_LIMIT_KEY_PREFIX),
                new SharedLinkCache(new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX)),
                new DynamoDbWorkerLeases(table),
                new DynamoDbLinkListing(table));
    }

    ManagementApi api() {
        return api;
    }

    ShortCodeMinter minter() {
        return minter;
    }

    Observability observability() {
        return observability;
    }

    StructuredLog log() {
        return log;
    }

    /** The hooks to register with CRaC, or null when there are no real clients of ours to prime. */
    SnapStartHooks snapStartHooks() {
        return snapStartHooks;
    }

    /** The clients of one execution environment, built by {@link #fromEnvironment}; SnapStart primes them. */
    record Clients(LinksTable linksTable, RedisClient redis) {}
}
