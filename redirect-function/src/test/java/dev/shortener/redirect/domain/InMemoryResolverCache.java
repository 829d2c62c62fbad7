package dev.shortener.redirect.domain;

import dev.shortener.linkcache.CachedLink;
import java.util.HashMap;
import java.util.Map;

/**
 * The cache as a map: fills go only into an empty key (as Redis' SET NX), TTLs are recorded, not enforced. While
 * {@link #failing} is set it answers as the guarded Redis cache does when Redis fails: a failed read, no write.
 */
final class InMemoryResolverCache implements ResolverCache {

    final Map<String, CachedLink> entries = new HashMap<>();
    final Map<String, Long> ttlSeconds = new HashMap<>();
    boolean failing;
    /** Calls to {@link #write}, refused ones included. */
    int writes;

    @Override
    public CacheRead read(String code) {
        if (failing) {
            return CacheRead.failed("JedisConnectionException");
        }
        CachedLink entry = entries.get(code);
        return entry == null ? CacheRead.miss() : CacheRead.hit(entry);
    }

    @Override
    public void write(String code, CachedLink entry, long ttl) {
        writes++;
        if (failing || entries.containsKey(code)) {
            return;
        }
        entries.put(code, entry);
        ttlSeconds.put(code, ttl);
    }
}
