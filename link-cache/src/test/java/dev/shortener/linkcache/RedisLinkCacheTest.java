package dev.shortener.linkcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestServers;
import java.net.URI;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.RedisClient;

/** The link cache against a real redis-server, each test under its own key prefix. */
class RedisLinkCacheTest {

    private static RedisClient redis;
    private RedisLinkCache cache;

    @BeforeAll
    static void connect() {
        redis = RedisClients.create(
                RedisSettings.of(URI.create(TestServers.redisUri().toString())));
    }

    @AfterAll
    static void disconnect() {
        redis.close();
    }

    @BeforeEach
    void freshPrefix() {
        cache = new RedisLinkCache(redis, TestServers.uniqueName("cache") + ":");
    }

    @Test
    void get_ofAnUncachedCode_isAMiss() {
        assertEquals(Optional.empty(), cache.get("nothing"));
    }

    @Test
    void put_thenGet_returnsEachKindOfEntry() {
        CachedLink found = CachedLink.found("https://example.com/a b?c=d#e", 1_900_000_000L);

        cache.put("found01", found, 60);
        cache.put("unknown", CachedLink.notFound(), 60);
        cache.put("gone001", CachedLink.gone(), 60);

        assertEquals(Optional.of(found), cache.get("found01"));
        assertEquals(Optional.of(CachedLink.notFound()), cache.get("unknown"));
        assertEquals(Optional.of(CachedLink.gone()), cache.get("gone001"));
    }

    @Test
    void put_setsTheGivenTimeToLive() {
        cache.put("ttl0001", CachedLink.found("https://example.com/", 0), 42);

        long ttl = redis.ttl(cache.key("ttl0001"));

        assertTrue(ttl > 0 && ttl <= 42, "ttl " + ttl);
    }

    @Test
    void invalidate_removesTheEntryAtOnce() {
        cache.put("stale01", CachedLink.found("https://old.example/", 0), 3600);

        cache.invalidate("stale01");

        assertEquals(Optional.empty(), cache.get("stale01"));
    }

    @Test
    void fill_storesIntoAnEmptyKeyOnly() {
        assertTrue(cache.fill("fill001", CachedLink.notFound(), 60));

        assertFalse(cache.fill("fill001", CachedLink.found("https://late.example/", 0), 60), "a second fill");
        assertEquals(Optional.of(CachedLink.notFound()), cache.get("fill001"));
    }

    /** A fill that read the table before a change arrives after it: the change's state stays. */
    @Test
    void replace_overwritesAnyEntry_andHoldsTheKeyAgainstFills_forTheFence() {
        cache.put("chang01", CachedLink.found("https://old.example/", 0), 86_400);

        cache.replace("chang01", CachedLink.gone());
        boolean staleFill = cache.fill("chang01", CachedLink.found("https://old.example/", 0), 86_400);

        assertFalse(staleFill);
        assertEquals(Optional.of(CachedLink.gone()), cache.get("chang01"));
        long ttl = redis.ttl(cache.key("chang01"));
        assertTrue(ttl > 0 && ttl <= RedisLinkCache.CHANGE_FENCE_SECONDS, "ttl " + ttl);
    }

    @Test
    void get_treatsAValueItCannotReadAsAMiss() {
        redis.set(cache.key("weird01"), "X something from a future version");

        assertEquals(Optional.empty(), cache.get("weird01"));
    }

    @Test
    void aForwardingLink_keepsItsFlagThroughRedis_andAnOldFormatEntryReadsAsNotForwarding() {
        CachedLink forwarding = CachedLink.found("https://example.com/p?a=1#top", 1_900_000_000L, true);
        cache.put("fwd0001", forwarding, 60);
        // As a function from before forwarding existed wrote it.
        redis.set(cache.key("old0001"), "F0 https://example.com/old");

        assertEquals(Optional.of(forwarding), cache.get("fwd0001"));
        assertEquals(Optional.of(CachedLink.found("https://example.com/old", 0, false)), cache.get("old0001"));
    }
}
