package dev.shortener.redirect.domain;

import dev.shortener.linkcache.CachedLink;

/**
 * The cache as the resolver needs it. Implementations never throw: a broken cache is reported as
 * {@link CacheUse#FAILED} or {@link CacheUse#SKIPPED}, because a cache must never take a redirect down with it.
 */
public interface LinkCache {

    CacheRead read(String code);

    /** Best effort: a failed write is counted against the cache and otherwise ignored. */
    void write(String code, CachedLink entry, long ttlSeconds);
}
