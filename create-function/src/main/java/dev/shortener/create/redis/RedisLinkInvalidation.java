package dev.shortener.create.redis;

import dev.shortener.create.domain.link.LinkCache;
import dev.shortener.linkcache.RedisLinkCache;
import java.util.Objects;
import redis.clients.jedis.exceptions.JedisException;

/** Invalidation through the shared link cache (a {@code DEL} of the key the redirect function reads). */
public final class RedisLinkInvalidation implements LinkCache {

    private final RedisLinkCache cache;

    public RedisLinkInvalidation(RedisLinkCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    @Override
    public void invalidate(String code) {
        try {
            cache.invalidate(code);
        } catch (JedisException e) {
            throw new CacheUnavailableException(e);
        }
    }
}
