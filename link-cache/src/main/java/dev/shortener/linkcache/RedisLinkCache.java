package dev.shortener.linkcache;

import java.util.Objects;
import java.util.Optional;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * The code → link cache in Redis. Failures surface as Jedis exceptions: the caller decides what a broken cache
 * means (the redirect path falls back to DynamoDB behind a circuit breaker).
 *
 * <p>Two writers, and an order between them. The redirect function {@link #fill}s a miss with what it read from
 * the table; the management API, after it changed a link in the table, {@link #replace}s the entry with the new
 * state. A fill only stores into an empty key, and the replacement holds the key for
 * {@link #CHANGE_FENCE_SECONDS}, so a redirect that read the table just before a change can't put the old state
 * back for a day: without this, a deleted (taken-down) link could keep redirecting until its entry expired.
 */
public final class RedisLinkCache {

    /** The key prefix in production; tests use their own so they never see each other's keys. */
    public static final String DEFAULT_KEY_PREFIX = "link:";

    /**
     * How long a change's {@link #replace replacement} holds its key against fills: longer than any redirect
     * invocation (the template's timeout is 10 s) that may still hold what it read before the change. After it
     * the key expires and the next miss fills from the table, which has the change.
     */
    public static final long CHANGE_FENCE_SECONDS = 60;

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

    /** Caches an entry for {@code ttlSeconds} (at least 1), whatever the key holds. */
    public void put(String code, CachedLink link, long ttlSeconds) {
        redis.set(key(code), CachedLinkCodec.encode(link), SetParams.setParams().ex(Math.max(1, ttlSeconds)));
    }

    /**
     * Caches what a lookup of the table found after a miss, unless the key has an entry by now (SET NX): another
     * fill, or a change's replacement, which is newer than what this fill read.
     *
     * @return whether the entry was stored
     */
    public boolean fill(String code, CachedLink link, long ttlSeconds) {
        return "OK"
                .equals(redis.set(
                        key(code),
                        CachedLinkCodec.encode(link),
                        SetParams.setParams().nx().ex(Math.max(1, ttlSeconds))));
    }

    /** After a change reached the table: its new state, for {@link #CHANGE_FENCE_SECONDS}, whatever the key held. */
    public void replace(String code, CachedLink link) {
        put(code, link, CHANGE_FENCE_SECONDS);
    }

    /** Forgets a code at once: called before every update and delete, so the old state is not served meanwhile. */
    public void invalidate(String code) {
        redis.del(key(code));
    }

    public String key(String code) {
        return keyPrefix + code;
    }
}
