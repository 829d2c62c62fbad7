package dev.shortener.redirect.domain;

import dev.shortener.linkcache.CachedLink;
import java.util.Objects;

/**
 * The result of asking the cache for a code.
 *
 * @param use   what happened
 * @param entry the cached entry, for {@link CacheUse#HIT} only
 * @param error the failure's type, for {@link CacheUse#FAILED} only (for the log line)
 */
public record CacheRead(CacheUse use, CachedLink entry, String error) {

    private static final CacheRead MISS = new CacheRead(CacheUse.MISS, null, null);
    private static final CacheRead SKIPPED = new CacheRead(CacheUse.SKIPPED, null, null);

    public CacheRead {
        Objects.requireNonNull(use, "use");
        if ((use == CacheUse.HIT) != (entry != null)) {
            throw new IllegalArgumentException("an entry goes with HIT, and only with it");
        }
    }

    public static CacheRead hit(CachedLink entry) {
        return new CacheRead(CacheUse.HIT, entry, null);
    }

    public static CacheRead miss() {
        return MISS;
    }

    public static CacheRead skipped() {
        return SKIPPED;
    }

    public static CacheRead failed(String error) {
        return new CacheRead(CacheUse.FAILED, null, error);
    }
}
