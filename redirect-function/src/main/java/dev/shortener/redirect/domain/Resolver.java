package dev.shortener.redirect.domain;

import dev.shortener.linkcache.CachedLink;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.links.LinkStoreUnavailableException;
import java.time.Instant;
import java.util.Objects;

/**
 * Resolves a code cache-aside: Redis first; on a miss the links table, whose answer then fills Redis. Every
 * answer is cached, "no such code" and "gone" included, so scanners walking random codes and dead links shared
 * widely don't all reach DynamoDB.
 *
 * <p>The cache is an optimisation, never a dependency: when Redis fails (or its breaker is open) the table
 * answers alone, and nothing is written back, so a failing Redis costs each request at most one timeout. Only
 * when the table can't answer either does a code resolve to {@link Resolution.Status#UNAVAILABLE}.
 *
 * <p>The table's failures reach it as {@link LinkStoreUnavailableException} (the store translates the SDK's): those
 * are an outage, answered 503. Anything else the store throws is a bug and propagates as the unexpected error it
 * is.
 */
public final class Resolver {

    private final ResolverCache cache;
    private final LinkStore links;
    private final CacheTimes times;

    public Resolver(ResolverCache cache, LinkStore links, CacheTimes times) {
        this.cache = Objects.requireNonNull(cache, "cache");
        this.links = Objects.requireNonNull(links, "links");
        this.times = Objects.requireNonNull(times, "times");
    }

    /** @param code a code that passed {@link ShortCodes#isValid(String)} */
    public Resolution resolve(String code, Instant now) {
        CacheRead read = cache.read(code);
        if (read.use() == CacheUse.HIT) {
            return fromCache(read, now);
        }
        LinkLookup lookup;
        try {
            lookup = links.find(code, now);
        } catch (LinkStoreUnavailableException e) {
            return Resolution.unavailable(read, e.failure());
        }
        if (read.use() == CacheUse.MISS) {
            fill(code, lookup, now);
        }
        return switch (lookup.status()) {
            case ACTIVE ->
                Resolution.active(
                        lookup.link().url(),
                        lookup.link().expiresAt(),
                        lookup.link().forwardQuery(),
                        read);
            case EXPIRED, DELETED -> Resolution.of(Resolution.Status.GONE, read);
            case NOT_FOUND -> Resolution.of(Resolution.Status.NOT_FOUND, read);
        };
    }

    /** A cached link past its expiry is gone, whatever its TTL says: never redirect an expired link. */
    private static Resolution fromCache(CacheRead read, Instant now) {
        CachedLink entry = read.entry();
        return switch (entry.state()) {
            case FOUND -> {
                Instant expiresAt = entry.expires() ? Instant.ofEpochSecond(entry.expiresAtEpochSecond()) : null;
                yield expiresAt != null && !now.isBefore(expiresAt)
                        ? Resolution.of(Resolution.Status.GONE, read)
                        : Resolution.active(entry.url(), expiresAt, entry.forwardQuery(), read);
            }
            case NOT_FOUND -> Resolution.of(Resolution.Status.NOT_FOUND, read);
            case GONE -> Resolution.of(Resolution.Status.GONE, read);
        };
    }

    private void fill(String code, LinkLookup lookup, Instant now) {
        switch (lookup.status()) {
            case ACTIVE -> {
                Link link = lookup.link();
                cache.write(
                        code,
                        CachedLink.found(link.url(), link.expiresAt(), link.forwardQuery()),
                        times.redisSeconds(link.expiresAt(), now));
            }
            case EXPIRED, DELETED -> cache.write(code, CachedLink.gone(), times.linkSeconds());
            case NOT_FOUND -> cache.write(code, CachedLink.notFound(), times.negativeSeconds());
        }
    }
}
