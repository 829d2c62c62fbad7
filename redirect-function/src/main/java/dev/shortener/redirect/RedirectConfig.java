package dev.shortener.redirect;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * The redirect function's configuration. The variables only this function reads are named here; the shared ones
 * by their owners ({@link LinksTableSettings}, {@link RedisSettings#REDIS_URL}), so each
 * name is spelled once. A missing or malformed value fails the init with the variable's name, so a bad deployment
 * shows up on its first cold start, not as odd redirects later. (The SDK reads {@code AWS_REGION} itself.)
 *
 * @param linksTable           the DynamoDB links table
 * @param redisUrl             {@code redis://} or {@code rediss://} (TLS, as ElastiCache Serverless requires)
 * @param dynamoDbEndpoint     an endpoint override (an emulator, LocalStack), or null for the region's endpoint
 * @param edgeCacheSeconds     s-maxage of a redirect, never beyond the link's expiry
 * @param errorEdgeCacheSeconds s-maxage of 404 and 410, so the edge absorbs repeated misses
 * @param linkCacheSeconds     Redis TTL of a link (and of a gone link), never beyond the link's expiry
 * @param negativeCacheSeconds Redis TTL of "no such code"
 * @param redisConnectTimeout  TCP (and TLS) connect to Redis
 * @param redisCommandTimeout  one Redis command
 * @param breakerFailures      consecutive Redis failures that open the circuit breaker
 * @param breakerOpenFor       how long the breaker skips Redis before it probes again
 * @param clickBudget          the most a request waits for the click sink before returning
 * @param maxRedirectUrlLength the longest destination a forwarded query may make (the create function's
 *                             {@code MAX_URL_LENGTH}: the template sets both to the same value)
 * @param rootRedirectUrl      where {@code GET /} sends people, or null for the page saying what this is
 */
public record RedirectConfig(
        String linksTable,
        URI redisUrl,
        URI dynamoDbEndpoint,
        int edgeCacheSeconds,
        int errorEdgeCacheSeconds,
        long linkCacheSeconds,
        long negativeCacheSeconds,
        Duration redisConnectTimeout,
        Duration redisCommandTimeout,
        int breakerFailures,
        Duration breakerOpenFor,
        Duration clickBudget,
        int maxRedirectUrlLength,
        URI rootRedirectUrl) {

    public static final String EDGE_CACHE_SECONDS = "EDGE_CACHE_SECONDS";
    public static final String ERROR_EDGE_CACHE_SECONDS = "ERROR_EDGE_CACHE_SECONDS";
    public static final String LINK_CACHE_SECONDS = "LINK_CACHE_SECONDS";
    public static final String NEGATIVE_CACHE_SECONDS = "NEGATIVE_CACHE_SECONDS";
    public static final String REDIS_CONNECT_TIMEOUT_MS = "REDIS_CONNECT_TIMEOUT_MS";
    public static final String REDIS_COMMAND_TIMEOUT_MS = "REDIS_COMMAND_TIMEOUT_MS";
    public static final String REDIS_BREAKER_FAILURES = "REDIS_BREAKER_FAILURES";
    public static final String REDIS_BREAKER_OPEN_SECONDS = "REDIS_BREAKER_OPEN_SECONDS";
    public static final String CLICK_BUDGET_MS = "CLICK_BUDGET_MS";
    /**
     * The longest URL a redirect sends once the visitor's query is merged into a forwarding link's destination;
     * default 2048, 32 to 8192 (CloudFront's limit), as the create function's {@code MAX_URL_LENGTH}.
     */
    public static final String MAX_REDIRECT_URL_LENGTH = "MAX_REDIRECT_URL_LENGTH";
    /** Optional: an http(s) URL that {@code GET /} redirects to; unset, {@code /} answers a small page. */
    public static final String ROOT_REDIRECT_URL = "ROOT_REDIRECT_URL";

    public RedirectConfig {
        Objects.requireNonNull(linksTable, "linksTable");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(redisConnectTimeout, "redisConnectTimeout");
        Objects.requireNonNull(redisCommandTimeout, "redisCommandTimeout");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        Objects.requireNonNull(clickBudget, "clickBudget");
    }

    /**
     * Reads and checks every variable the function needs.
     *
     * @throws ConfigException naming the first variable that is missing or malformed, and what it must hold
     */
    public static RedirectConfig fromEnvironment(Environment env) {
        LinksTableSettings table = LinksTableSettings.fromEnvironment(env);
        return new RedirectConfig(
                table.table(),
                RedisSettings.urlFrom(env),
                table.endpointOrNull(),
                env.integer(EDGE_CACHE_SECONDS, 60, 0, 86_400),
                env.integer(ERROR_EDGE_CACHE_SECONDS, 10, 0, 3_600),
                env.number(LINK_CACHE_SECONDS, 86_400, 1, 30 * 86_400),
                env.number(NEGATIVE_CACHE_SECONDS, 60, 1, 86_400),
                env.millis(REDIS_CONNECT_TIMEOUT_MS, 100, 1, 10_000),
                env.millis(REDIS_COMMAND_TIMEOUT_MS, 250, 1, 10_000),
                env.integer(REDIS_BREAKER_FAILURES, 3, 1, 1_000),
                env.seconds(REDIS_BREAKER_OPEN_SECONDS, 10, 1, 3_600),
                env.millis(CLICK_BUDGET_MS, 20, 0, 1_000),
                env.integer(MAX_REDIRECT_URL_LENGTH, 2048, 32, 8192),
                rootRedirectUrl(env));
    }

    /** An absolute http(s) URL with a host and no user info (RFC 9110: it disguises the host), or null. */
    private static URI rootRedirectUrl(Environment env) {
        URI url = env.url(ROOT_REDIRECT_URL, Set.of("http", "https"), "https://www.example.com/")
                .orElse(null);
        if (url != null && url.getRawUserInfo() != null) {
            throw Environment.invalid(ROOT_REDIRECT_URL, "must not hold user info (user@ before the host).");
        }
        return url;
    }

    /** How the redirect reaches Redis: its own timeouts, the default pool. */
    public RedisSettings redisSettings() {
        return new RedisSettings(
                redisUrl,
                redisConnectTimeout,
                redisCommandTimeout,
                RedisSettings.DEFAULT_POOL_WAIT,
                RedisSettings.DEFAULT_POOL_SIZE);
    }
}
