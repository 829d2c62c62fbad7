package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.links.ForwardingLinkStore;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two functions together, as deployed: links created, changed and deleted through the real create handler,
 * followed through the real redirect handler, on one table and one Redis. A change is seen by the very next
 * redirect, though the old destination was cached in Redis a moment before.
 */
class ManagedLinkRedirectTest {

    private RedirectFixture redirect;
    private ManagementApi api;
    /** The redirect's table lookups, which a test can hold between the read and the cache fill. */
    private final HeldLookups held = new HeldLookups();

    @BeforeEach
    void deployBothFunctions() {
        redirect = RedirectFixture.withHandlerStore(store -> held.around(store));
        api = new ManagementApi(redirect.admin, redirect.table, redirect.redis, redirect.cache, redirect.clock);
    }

    @AfterEach
    void tearDown() {
        redirect.close();
    }

    @Test
    void afterPatch_theNextRedirectGoesToTheNewDestination_thoughTheOldOneWasCached() throws Exception {
        String code = api.createLink("{\"url\":\"https://old.example/page\"}");
        assertEquals("https://old.example/page", location(redirect.get(code)));
        assertEquals("https://old.example/page", location(redirect.get(code)), "now served from Redis");
        assertEquals("hit", redirect.lastRequestLog().get("cache"));

        APIGatewayV2HTTPResponse patched =
                api.send("api-update-link.json", "PATCH", code, "{\"url\":\"https://new.example/page\"}");
        APIGatewayV2HTTPResponse next = redirect.get(code);

        assertEquals(200, patched.getStatusCode(), patched.getBody());
        assertEquals(302, next.getStatusCode());
        assertEquals("https://new.example/page", location(next));
    }

    @Test
    void afterDelete_theNextRedirectIsGone_thoughTheLinkWasCached() throws Exception {
        String code = api.createLink("{\"url\":\"https://soon-deleted.example/\"}");
        redirect.get(code);
        redirect.get(code);

        APIGatewayV2HTTPResponse deleted = api.send("api-delete-link.json", "DELETE", code, null);
        APIGatewayV2HTTPResponse next = redirect.get(code);

        assertEquals(204, deleted.getStatusCode());
        assertEquals(410, next.getStatusCode());
    }

    @Test
    void anAliasProbedBeforeItExisted_redirectsAsSoonAsItIsCreated() throws Exception {
        assertEquals(404, redirect.get("launch-day").getStatusCode(), "remembered as unknown in Redis");

        String code = api.createLink("{\"url\":\"https://launch.example/\",\"alias\":\"launch-day\"}");

        assertEquals("launch-day", code);
        assertEquals("https://launch.example/", location(redirect.get(code)));
    }

    /**
     * The cache-aside race: a redirect misses, reads the link from the table, and before it fills Redis the link
     * is changed. Its own answer may be the old state (it started before the change), but what it caches must not
     * outlive the change: the fill would otherwise serve the old state for a day (LINK_CACHE_SECONDS).
     */
    @Test
    void aRedirectThatReadTheLinkBeforeAPatch_cannotCacheTheOldDestination() throws Exception {
        String code = api.createLink("{\"url\":\"https://old.example/page\"}");
        redirect.cache.invalidate(code); // a miss, as after the link's cache entry expired

        APIGatewayV2HTTPResponse slow = held.whileHeld(
                () -> redirect.get(code),
                () -> assertEquals(
                        200,
                        api.send("api-update-link.json", "PATCH", code, "{\"url\":\"https://new.example/page\"}")
                                .getStatusCode()));

        assertEquals("https://old.example/page", location(slow), "answered with what it read, before the change");
        assertEquals("https://new.example/page", location(redirect.get(code)));
        assertEquals(
                "https://new.example/page",
                redirect.cache.get(code).orElseThrow().url());
    }

    /** The same race on a takedown: a deleted link must not be served from a fill made before the delete. */
    @Test
    void aRedirectThatReadTheLinkBeforeADelete_cannotCacheIt() throws Exception {
        String code = api.createLink("{\"url\":\"https://phishing.example/login\"}");
        redirect.cache.invalidate(code);

        APIGatewayV2HTTPResponse slow = held.whileHeld(
                () -> redirect.get(code),
                () -> assertEquals(
                        204,
                        api.send("api-delete-link.json", "DELETE", code, null).getStatusCode()));

        assertEquals(302, slow.getStatusCode());
        assertEquals(410, redirect.get(code).getStatusCode());
        assertEquals(410, redirect.get(code).getStatusCode(), "and from the cache");
    }

    /** An alias probed just before it is created: the probe's "no such code" must not hide the new link. */
    @Test
    void aProbeThatReadNothingBeforeTheAliasWasCreated_cannotCacheNotFound() throws Exception {
        APIGatewayV2HTTPResponse probe = held.whileHeld(
                () -> redirect.get("race-alias"),
                () -> assertEquals(
                        "race-alias",
                        api.createLink("{\"url\":\"https://launch.example/\",\"alias\":\"race-alias\"}")));

        assertEquals(404, probe.getStatusCode());
        assertEquals("https://launch.example/", location(redirect.get("race-alias")));
    }

    private static String location(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().get("Location");
    }

    /** Wraps the redirect's store: while armed, the next lookup returns only after the test's change is done. */
    private static final class HeldLookups {

        private volatile CountDownLatch read;
        private volatile CountDownLatch release;

        LinkStore around(LinkStore store) {
            return new ForwardingLinkStore(store) {
                @Override
                public LinkLookup find(String code, Instant now) {
                    LinkLookup lookup = super.find(code, now);
                    CountDownLatch armed = read;
                    if (armed != null) {
                        read = null;
                        armed.countDown();
                        await(release);
                    }
                    return lookup;
                }
            };
        }

        /** Runs {@code request} on another thread, holds its lookup, runs {@code change}, then lets it go on. */
        <T> T whileHeld(Callable<T> request, ThrowingRunnable change) throws Exception {
            release = new CountDownLatch(1);
            read = new CountDownLatch(1);
            CountDownLatch readNow = read;
            ExecutorService thread = Executors.newSingleThreadExecutor();
            try {
                Future<T> pending = thread.submit(request);
                assertTrue(readNow.await(10, TimeUnit.SECONDS), "the request never read the table");
                change.run();
                release.countDown();
                return pending.get(10, TimeUnit.SECONDS);
            } finally {
                release.countDown();
                thread.shutdownNow();
            }
        }

        private static void await(CountDownLatch latch) {
            try {
                latch.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }
}
