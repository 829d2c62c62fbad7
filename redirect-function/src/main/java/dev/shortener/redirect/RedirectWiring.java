package dev.shortener.redirect;

import dev.shortener.analytics.ClickSink;
import dev.shortener.analytics.ClickSinks;
import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.links.LinkStore;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.redirect.cache.CircuitBreaker;
import dev.shortener.redirect.cache.GuardedLinkCache;
import dev.shortener.redirect.domain.CacheTimes;
import dev.shortener.redirect.domain.Resolver;
import dev.shortener.redirect.http.ForwardedQuery;
import dev.shortener.redirect.http.RedirectResponses;
import java.time.InstantSource;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;

/**
 * The redirect function's whole object graph, built here and nowhere else: configuration, link store, the Redis
 * cache behind its circuit breaker, resolver, responses, the request exchange, warm-up, click sink, clock and log.
 *
 * <p>{@link #fromEnvironment} is Lambda's: it reads the configuration first, so a missing variable fails the init
 * before any client is built, and the clients then live as long as the execution environment. {@link #of} takes
 * the ports, clock and log instead, for tests, the local runner and the benchmarks.
 *
 * <p>A record of the parts the handler takes rather than a field and an accessor per part. Most parts' types are
 * package-private, so outside this package the graph can only be built through those two factories.
 */
public record RedirectWiring(
        RedirectConfig config,
        GuardedLinkCache cache,
        Exchange exchange,
        Warmup warmup,
        ClickSink clicks,
        RequestLog log) {

    /** The {@code service} of every log line. */
    public static final String SERVICE = "redirect";

    /**
     * The production clients, from {@code env}.
     *
     * @throws ConfigException naming the first variable that is missing or malformed
     */
    public static RedirectWiring fromEnvironment(Environment env) {
        RedirectConfig config = RedirectConfig.fromEnvironment(env);
        // The redirect timeouts: a miss is answered, with a 503 if need be, well within a second.
        LinksTable table = new LinksTable(
                DynamoDbClients.forFunction(DynamoDbTimeouts.REDIRECT, config.dynamoDbEndpoint()), config.linksTable());
        UnifiedJedis redis = RedisClients.create(config.redisSettings());
        StructuredLog log = new StructuredLog(SERVICE);
        return of(
                config,
                new DynamoDbLinkStore(table),
                // The production prefix, which the create function invalidates: never configurable apart.
                new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX),
                ClickSinks.fromEnvironment(env, log, EmfMetrics.fromEnvironment(env, SERVICE)),
                InstantSource.system(),
                log);
    }

    /** The graph over ports of the caller's choosing, with the clock and log it reads. */
    public static RedirectWiring of(
            RedirectConfig config,
            LinkStore links,
            RedisLinkCache redis,
            ClickSink clicks,
            InstantSource clock,
            StructuredLog log) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(links, "links");
        Objects.requireNonNull(redis, "redis");
        Objects.requireNonNull(clicks, "clicks");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(log, "log");
        var times = new CacheTimes(
                config.linkCacheSeconds(),
                config.negativeCacheSeconds(),
                config.edgeCacheSeconds(),
                config.errorEdgeCacheSeconds());
        var cache = new GuardedLinkCache(
                redis, new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), clock));
        var responses = new RedirectResponses(times);
        var exchange = new Exchange(
                new Resolver(cache, links, times),
                responses,
                clicks,
                clock,
                new ForwardedQuery(config.maxRedirectUrlLength()),
                config.rootRedirectUrl() == null
                        ? null
                        : config.rootRedirectUrl().toString());
        var warmup = new Warmup(redis, links, responses, clock, log);
        return new RedirectWiring(config, cache, exchange, warmup, clicks, new RequestLog(log));
    }
}
