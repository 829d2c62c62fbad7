package dev.shortener.create.redis;

import dev.shortener.create.domain.link.LinkCacheUpdates;
import dev.shortener.linkcache.CachedLink;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.links.Link;
import java.util.Objects;
import redis.clients.jedis.exceptions.JedisException;

/** The link cache the redirect function reads (the key format of {@code link-cache}), written by changes. */
public final class SharedLinkCache implements LinkCacheUpdates {

    private final RedisLinkCache cache;

    public SharedLinkCache(RedisLinkCache cache) {
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

    @Override
    public void settle(String code, Link current) {
        try {
            cache.replace(
                    code,
                    current == null
                            ? CachedLink.gone()
                            : CachedLink.found(current.url(), current.expiresAt(), current.forwardQuery()));
        } catch (JedisException e) {
            throw new CacheUnavailableException(e);
        }
    }
}
