package dev.shortener.linkcache;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import java.util.Set;

/**
 * How to reach Redis, with every wait bounded. Jedis' defaults are a 2 s timeout and a pool whose borrow waits
 * forever; ElastiCache's guidance is about 100 ms to connect and 250 ms per command.
 *
 * @param uri            {@code redis://host:port} or {@code rediss://host:port} (TLS, which ElastiCache Serverless
 *                       requires); user, password and database index may be given in the URI
 * @param connectTimeout TCP (and TLS) connect
 * @param commandTimeout socket read timeout for one command
 * @param poolWait       the longest a request waits for a pooled connection
 * @param poolSize       connections per execution environment (Lambda runs one request at a time in it)
 */
public record RedisSettings(
        URI uri, Duration connectTimeout, Duration commandTimeout, Duration poolWait, int poolSize) {

    /** Where Redis is: {@code redis://host:port} or {@code rediss://host:port} (TLS). Both functions read it. */
    public static final String REDIS_URL = "REDIS_URL";

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofMillis(100);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofMillis(250);
    public static final Duration DEFAULT_POOL_WAIT = Duration.ofMillis(50);
    public static final int DEFAULT_POOL_SIZE = 4;

    public RedisSettings {
        Objects.requireNonNull(uri, "uri");
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw new IllegalArgumentException(
                    "a Redis URL starts with redis:// or rediss:// (TLS): " + uri.getScheme());
        }
        if (uri.getHost() == null) {
            throw new IllegalArgumentException("the Redis URL has no host");
        }
        requirePositive(connectTimeout, "connectTimeout");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(poolWait, "poolWait");
        if (poolSize < 1) {
            throw new IllegalArgumentException("poolSize must be at least 1: " + poolSize);
        }
    }

    /** The defaults above for a URL. */
    public static RedisSettings of(URI uri) {
        return new RedisSettings(
                uri, DEFAULT_CONNECT_TIMEOUT, DEFAULT_COMMAND_TIMEOUT, DEFAULT_POOL_WAIT, DEFAULT_POOL_SIZE);
    }

    /**
     * The URL in {@value #REDIS_URL}.
     *
     * @throws ConfigException when it is unset or not a redis(s):// URL with a host
     */
    public static URI urlFrom(Environment env) {
        return env.requiredUrl(REDIS_URL, Set.of("redis", "rediss"), "redis://host:6379 or rediss://host:6379 (TLS)");
    }

    public boolean tls() {
        return "rediss".equals(uri.getScheme());
    }

    private static void requirePositive(Duration duration, String name) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be a positive duration: " + duration);
        }
    }
}
