package dev.shortener.redirect.domain;

import dev.shortener.linkcache.CachedLink;

/**
 * The cache as the resolver needs it: Redis behind its circuit breaker in the function, a map in the resolver's
 * unit tests. (Not the link-cache module's {@code RedisLinkCache}, which this wraps.) Implementations never throw: a broken cache is reported as
 * {@link CacheUse#FAILED} or {@link CacheUse#SKIPPED}, because a cache must never take a redirect down with it.
 */
public interface ResolverCache {

    CacheRead read(String code);

    /**
     * Fills a miss with what the table answered, unless the entry was written meanwhile (by another fill, or by
     * a change through the management API, which is newer than this read). Best effort: a failed write is
     * counted against the cache and otherwise ignored.
     */
    void write(String code, CachedLink entry, long ttlSeconds);
}
