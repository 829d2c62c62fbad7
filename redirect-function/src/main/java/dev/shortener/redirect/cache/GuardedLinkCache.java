package dev.shortener.redirect.cache;

import dev.shortener.linkcache.CachedLink;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.redirect.domain.CacheRead;
import dev.shortener.redirect.domain.ResolverCache;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Redis link cache behind a circuit breaker. Every Redis failure (timeouts, refused connections, an
 * exhausted pool, whatever Jedis throws) is caught here and counted by the breaker: the redirect never fails
 * because of the cache.
 */
public final class GuardedLinkCache implements ResolverCache {

    private final RedisLinkCache redis;
    private final CircuitBreaker breaker;
    private final AtomicLong attempts = new AtomicLong();

    public GuardedLinkCache(RedisLinkCache redis, CircuitBreaker breaker) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.breaker = Objects.requireNonNull(breaker, "breaker");
    }

    @Override
    public CacheRead read(String code) {
        if (!breaker.tryAcquire()) {
            return CacheRead.skipped();
        }
        attempts.incrementAndGet();
        Optional<CachedLink> entry;
        try {
            entry = redis.get(code);
        } catch (RuntimeException e) {
            breaker.onFailure();
            return CacheRead.failed(e.getClass().getSimpleName());
        }
        breaker.onSuccess();
        return entry.map(CacheRead::hit).orElseGet(CacheRead::miss);
    }

    @Override
    public void write(String code, CachedLink entry, long ttlSeconds) {
        if (!breaker.tryAcquire()) {
            return;
        }
        attempts.incrementAndGet();
        try {
            redis.fill(code, entry, ttlSeconds);
        } catch (RuntimeException e) {
            breaker.onFailure();
            return;
        }
        breaker.onSuccess();
    }

    public CircuitBreaker.State breakerState() {
        return breaker.state();
    }

    /** Calls that reached Redis (or tried to): those the breaker let through. */
    public long attempts() {
        return attempts.get();
    }
}
