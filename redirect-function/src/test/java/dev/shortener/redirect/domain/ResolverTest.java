package dev.shortener.redirect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.linkcache.CachedLink;
import dev.shortener.links.Link;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The cache-aside rules over in-memory ports: no servers, so every branch is cheap to reach. */
class ResolverTest {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    private static final CacheTimes TIMES = new CacheTimes(86_400, 60, 60, 10);

    private final InMemoryResolverCache cache = new InMemoryResolverCache();
    private final InMemoryLinkStore store = new InMemoryLinkStore();
    private final Resolver resolver = new Resolver(cache, store, TIMES);

    @Test
    void hit_answersFromTheCache_withoutReadingTheTable() {
        cache.entries.put("abc1234", CachedLink.found("https://example.com/a", 0));

        Resolution resolution = resolver.resolve("abc1234", NOW);

        assertEquals(Resolution.Status.ACTIVE, resolution.status());
        assertEquals("https://example.com/a", resolution.url());
        assertNull(resolution.expiresAt());
        assertEquals(CacheUse.HIT, resolution.cache());
        assertEquals(0, store.reads);
    }

    @Test
    void miss_readsTheTable_andFillsTheCacheForTheLinksLifetime() {
        Instant expiresAt = NOW.plusSeconds(600);
        store.add(Link.create("abc1234", "https://example.com/a", NOW.minusSeconds(60), expiresAt, "owner"));

        Resolution first = resolver.resolve("abc1234", NOW);
        Resolution second = resolver.resolve("abc1234", NOW);

        assertEquals(Resolution.Status.ACTIVE, first.status());
        assertEquals(CacheUse.MISS, first.cache());
        assertEquals(expiresAt, first.expiresAt());
        assertEquals(CachedLink.found("https://example.com/a", expiresAt), cache.entries.get("abc1234"));
        assertEquals(600, cache.ttlSeconds.get("abc1234"), "the TTL never outlives the link");
        assertEquals(CacheUse.HIT, second.cache());
        assertEquals(1, store.reads);
        assertEquals(1, cache.writes);
    }

    @Test
    void unknownCode_isNotFound_andCachedAsANegativeEntry() {
        Resolution first = resolver.resolve("nosuch1", NOW);
        Resolution second = resolver.resolve("nosuch1", NOW);

        assertEquals(Resolution.Status.NOT_FOUND, first.status());
        assertEquals(CacheUse.MISS, first.cache());
        assertEquals(CachedLink.notFound(), cache.entries.get("nosuch1"));
        assertEquals(60, cache.ttlSeconds.get("nosuch1"));
        assertEquals(Resolution.Status.NOT_FOUND, second.status());
        assertEquals(CacheUse.HIT, second.cache());
        assertEquals(1, store.reads);
    }

    @Test
    void cachedLinkPastItsExpiry_isGone_whateverItsTtlSays() {
        cache.entries.put("abc1234", CachedLink.found("https://example.com/a", NOW));

        Resolution resolution = resolver.resolve("abc1234", NOW);

        assertEquals(Resolution.Status.GONE, resolution.status());
        assertNull(resolution.url());
        assertEquals(0, store.reads);
    }

    @Test
    void expiredOrDeletedInTheTable_isGone_andCachedAsGone() {
        store.add(Link.create("expired", "https://example.com/e", NOW.minusSeconds(600), NOW.minusSeconds(1), "o"));
        store.markDeleted("deleted");

        Resolution expired = resolver.resolve("expired", NOW);
        Resolution deleted = resolver.resolve("deleted", NOW);

        assertEquals(Resolution.Status.GONE, expired.status());
        assertEquals(Resolution.Status.GONE, deleted.status());
        assertEquals(CachedLink.gone(), cache.entries.get("expired"));
        assertEquals(CachedLink.gone(), cache.entries.get("deleted"));
        assertEquals(86_400, cache.ttlSeconds.get("deleted"));
    }

    @Test
    void tableUnavailable_onAMiss_isUnavailable_namingTheFailure_andCachesNothing() {
        store.down = true;

        Resolution resolution = resolver.resolve("abc1234", NOW);

        assertEquals(Resolution.Status.UNAVAILABLE, resolution.status());
        assertEquals("SdkClientException", resolution.sourceError());
        assertEquals(CacheUse.MISS, resolution.cache());
        assertFalse(cache.entries.containsKey("abc1234"));
    }

    @Test
    void tableUnavailable_stillServesWhatTheCacheHolds() {
        store.down = true;
        cache.entries.put("abc1234", CachedLink.gone());

        assertEquals(Resolution.Status.GONE, resolver.resolve("abc1234", NOW).status());
    }

    @Test
    void cacheFailing_theTableAnswersAlone_andNothingIsWrittenBack() {
        store.add(Link.create("abc1234", "https://example.com/a", NOW.minusSeconds(60), null, "owner"));
        cache.failing = true;

        Resolution resolution = resolver.resolve("abc1234", NOW);

        assertEquals(Resolution.Status.ACTIVE, resolution.status());
        assertEquals("https://example.com/a", resolution.url());
        assertEquals(CacheUse.FAILED, resolution.cache());
        assertEquals("JedisConnectionException", resolution.cacheError());
        assertEquals(0, cache.writes, "a failed read is not followed by a fill");
    }

    @Test
    void cacheAndTableBothFailing_isUnavailable_withBothErrors() {
        store.down = true;
        cache.failing = true;

        Resolution resolution = resolver.resolve("abc1234", NOW);

        assertEquals(Resolution.Status.UNAVAILABLE, resolution.status());
        assertEquals("JedisConnectionException", resolution.cacheError());
        assertEquals("SdkClientException", resolution.sourceError());
    }

    @Test
    void forwardQuery_goesFromTheTableIntoTheCache_andBackOutOfIt() {
        store.add(Link.create("fwd1234", "https://example.com/a", NOW.minusSeconds(60), null, "owner")
                .withForwardQuery(true));
        store.add(Link.create("pln1234", "https://example.com/b", NOW.minusSeconds(60), null, "owner"));

        Resolution miss = resolver.resolve("fwd1234", NOW);
        Resolution hit = resolver.resolve("fwd1234", NOW);
        Resolution plain = resolver.resolve("pln1234", NOW);

        assertTrue(miss.forwardQuery());
        assertEquals(CachedLink.found("https://example.com/a", 0, true), cache.entries.get("fwd1234"));
        assertEquals(CacheUse.HIT, hit.cache());
        assertTrue(hit.forwardQuery());
        assertFalse(plain.forwardQuery());
        assertFalse(cache.entries.get("pln1234").forwardQuery());
    }
}
