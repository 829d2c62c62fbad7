package dev.shortener.redirect;

import dev.shortener.http.OriginSecret;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

/**
 * The redirect function's configuration. Every environment variable it reads is named here, and nowhere else.
 * A missing or malformed value fails the init with the variable's name, so a bad deployment shows up on its
 * first cold start, not as odd redirects later. (The SDK reads {@code AWS_REGION} itself.)
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
 * @param originSecret         what a request must present for its CloudFront-Viewer-* headers to be believed
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
        OriginSecret originSecret) {

    public static final String LINKS_TABLE = "LINKS_TABLE";
    public static final String REDIS_URL = "REDIS_URL";
    public static final String DYNAMODB_ENDPOINT = "DYNAMODB_ENDPOINT";
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
     * The secret CloudFront adds as {@code X-Origin-Verify}; when set, the viewer's address and country are read
     * from CloudFront's headers only on requests that present it. Unset (tests, the local runner): always.
     */
    public static final String ORIGIN_VERIFY_SECRET = "ORIGIN_VERIFY_SECRET";

    public RedirectConfig {
        Objects.requireNonNull(linksTable, "linksTable");
        Objects.requireNonNull(redisUrl, "redisUrl");
        Objects.requireNonNull(redisConnectTimeout, "redisConnectTimeout");
        Objects.requireNonNull(redisCommandTimeout, "redisCommandTimeout");
        Objects.requireNonNull(breakerOpenFor, "breakerOpenFor");
        Objects.requireNonNull(clickBudget, "clickBudget");
        Objects.requireNonNull(originSecret, "originSecret");
    }

    /** Reads the process environment. */
    public static RedirectConfig fromEnvironment() {
        return from(System::getenv);
    }

    /**
     * Reads variables through {@code env} (the process environment, or a map in tests and the local runner).
     *
     * @throws ConfigException naming the first variable that is missing or malformed
     */
    public static RedirectConfig from(Function<String, String> env) {
        EnvReader read = new EnvReader(env);
        return new RedirectConfig(
                read.required(LINKS_TABLE, "the name of the DynamoDB links table"),
                read.redisUrl(REDIS_URL),
                read.optionalUri(DYNAMODB_ENDPOINT),
                (int) read.number(EDGE_CACHE_SECONDS, 60, 0, 86_400),
                (int) read.number(ERROR_EDGE_CACHE_SECONDS, 10, 0, 3_600),
                read.number(LINK_CACHE_SECONDS, 86_400, 1, 30 * 86_400),
                read.number(NEGATIVE_CACHE_SECONDS, 60, 1, 86_400),
                Duration.ofMillis(read.number(REDIS_CONNECT_TIMEOUT_MS, 100, 1, 10_000)),
                Duration.ofMillis(read.number(REDIS_COMMAND_TIMEOUT_MS, 250, 1, 10_000)),
                (int) read.number(REDIS_BREAKER_FAILURES, 3, 1, 1_000),
                Duration.ofSeconds(read.number(REDIS_BREAKER_OPEN_SECONDS, 10, 1, 3_600)),
                Duration.ofMillis(read.number(CLICK_BUDGET_MS, 20, 0, 1_000)),
                OriginSecret.of(env.apply(ORIGIN_VERIFY_SECRET)));
    }
}
