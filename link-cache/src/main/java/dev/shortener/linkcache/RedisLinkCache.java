package dev.shortener.linkcache;

import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The code → link cache in Redis. Failures surface as Jedis exceptions: the caller decides what a broken cache
 * means (the redirect path falls back to DynamoDB behind a circuit breaker).
 */
public final class RedisLinkCache {

    /** The key prefix in production; tests use their own so they never see each other's keys. */
    public static final String DEFAULT_KEY_PREFIX = "link:";

    private final UnifiedJedis redis;
    private final String keyPrefix;

    public RedisLinkCache(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    /** @return the cached entry, or empty on a miss */
    public Optional<CachedLink> get(String code) {
        String value = redis.get(key(code));
        return value == null ? Optional.empty() : Optional.ofNullable(CachedLinkCodec.decode(value));
    }

    /** Caches an entry for {@code ttlSeconds} (at least 1). */
    public void put(String code, CachedLink link, long ttlSeconds) {
        redis.set(key(code), CachedLinkCodec.encode(link), SetParams.setParams().ex(Math.max(1, ttlSeconds)));
    }

    /** Forgets a code at once: called on every update and delete, so no stale destination outlives the write. */
    public void invalidate(String code) {
        redis.del(key(code));
    }

    public String key(String code) {
        return keyPrefix + code;
    }
}
