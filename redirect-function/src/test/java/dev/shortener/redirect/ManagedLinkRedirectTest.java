package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreatePorts;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.create.dynamodb.DynamoDbCodeReservations;
import dev.shortener.create.dynamodb.DynamoDbIdempotencyStore;
import dev.shortener.create.dynamodb.DynamoDbLinkStats;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.create.redis.SharedLinkCache;
import dev.shortener.http.InvocationContext;
import dev.shortener.links.ForwardingLinkStore;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.DynamoDbWorkerLeases;
import dev.shortener.localservers.TestServers;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
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

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedirectFixture redirect;
    private CreateHandler create;
    private String apiKey;

    /** The redirect's table lookups, which a test can hold between the read and the cache fill. */
    private final HeldLookups held = new HeldLookups();

    @BeforeEach
    void deployBothFunctions() {
        redirect = RedirectFixture.withHandlerStore(store -> held.around(store));
        Map<String, String> env = new HashMap<>();
        env.put(CreateConfig.LINKS_TABLE, redirect.table);
        env.put(CreateConfig.REDIS_URL, TestServers.redisUri().toString());
        env.put(CreateConfig.SHORT_BASE_URL, "https://sho.rt");
        env.put("SHORTCODE_SECRET", "cross-function-test-secret-of-32-characters+");
        CreatePorts ports = new CreatePorts(
                new DynamoDbLinkStore(redirect.admin, redirect.table),
                new DynamoDbCodeReservations(redirect.admin, redirect.table),
                new DynamoDbLinkStats(redirect.admin, redirect.table),
                new DynamoDbApiKeys(redirect.admin, redirect.table),
                new DynamoDbIdempotencyStore(redirect.admin, redirect.table),
                new RedisTokenBuckets(redirect.redis, TestServers.uniqueName("ratelimit") + ":"),
                new SharedLinkCache(redirect.cache),
                new DynamoDbWorkerLeases(redirect.admin, redirect.table));
        create = new CreateHandler(CreateConfig.fromEnvironment(env), ports, redirect.clock);
        apiKey = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(apiKey);
        new DynamoDbApiKeys(redirect.admin, redirect.table)
                .add(hash, new Caller("owner-1", ApiKeyFormat.keyId(hash)), redirect.clock.instant());
    }

    @AfterEach
    void tearDown() {
        redirect.close();
    }

    @Test
    void afterPatch_theNextRedirectGoesToTheNewDestination_thoughTheOldOneWasCached() throws Exception {
        String code = createLink("{\"url\":\"https://old.example/page\"}");
        assertEquals("https://old.example/page", location(redirect.get(code)));
        assertEquals("https://old.example/page", location(redirect.get(code)), "now served from Redis");
        assertEquals("hit", redirect.lastRequestLog().get("cache"));

        APIGatewayV2HTTPResponse patched = manage("api-update-link.json", "PATCH", code,
                "{\"url\":\"https://new.example/page\"}");
        APIGatewayV2HTTPResponse next = redirect.get(code);

        assertEquals(200, patched.getStatusCode(), patched.getBody());
        assertEquals(302, next.getStatusCode());
        assertEquals("https://new.example/page", location(next));
    }

    @Test
    void afterDelete_theNextRedirectIsGone_thoughTheLinkWasCached() throws Exception {
        String code = createLink("{\"url\":\"https://soon-deleted.example/\"}");
        redirect.get(code);
        redirect.get(code);

        APIGatewayV2HTTPResponse deleted = manage("api-delete-link.json", "DELETE", code, null);
        APIGatewayV2HTTPResponse next = redirect.get(code);

        assertEquals(204, deleted.getStatusCode());
        assertEquals(410, next.getStatusCode());
    }

    @Test
    void anAliasProbedBeforeItExisted_redirectsAsSoonAsItIsCreated() throws Exception {
        assertEquals(404, redirect.get("launch-day").getStatusCode(), "remembered as unknown in Redis");

        String code = createLink("{\"url\":\"https://launch.example/\",\"alias\":\"launch-day\"}");

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
        String code = createLink("{\"url\":\"https://old.example/page\"}");
        redirect.cache.invalidate(code); // a miss, as after the link's cache entry expired

        APIGatewayV2HTTPResponse slow = held.whileHeld(() -> redirect.get(code), () -> assertEquals(200,
                manage("api-update-link.json", "PATCH", code, "{\"url\":\"https://new.example/page\"}")
                        .getStatusCode()));

        assertEquals("https://old.example/page", location(slow), "answered with what it read, before the change");
        assertEquals("https://new.example/page", location(redirect.get(code)));
        assertEquals("https://new.example/page", redirect.cache.get(code).orElseThrow().url());
    }

    /** The same race on a takedown: a deleted link must not be served from a fill made before the delete. */
    @Test
    void aRedirectThatReadTheLinkBeforeADelete_cannotCacheIt() throws Exception {
        String code = createLink("{\"url\":\"https://phishing.example/login\"}");
        redirect.cache.invalidate(code);

        APIGatewayV2HTTPResponse slow = held.whileHeld(() -> redirect.get(code), () -> assertEquals(204,
                manage("api-delete-link.json", "DELETE", code, null).getStatusCode()));

        assertEquals(302, slow.getStatusCode());
        assertEquals(410, redirect.get(code).getStatusCode());
        assertEquals(410, redirect.get(code).getStatusCode(), "and from the cache");
    }

    /** An alias probed just before it is created: the probe's "no such code" must not hide the new link. */
    @Test
    void aProbeThatReadNothingBeforeTheAliasWasCreated_cannotCacheNotFound() throws Exception {
        APIGatewayV2HTTPResponse probe = held.whileHeld(() -> redirect.get("race-alias"),
                () -> assertEquals("race-alias", createLink(
                        "{\"url\":\"https://launch.example/\",\"alias\":\"race-alias\"}")));

        assertEquals(404, probe.getStatusCode());
        assertEquals("https://launch.example/", location(redirect.get("race-alias")));
    }

    private String createLink(String body) throws Exception {
        APIGatewayV2HTTPResponse created = manage("api-create-link.json", "POST", null, body);
        assertEquals(201, created.getStatusCode(), created.getBody());
        return JSON.readTree(created.getBody()).get("code").asText();
    }

    private APIGatewayV2HTTPResponse manage(String eventFile, String method, String code, String body) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        String path = code == null ? "/api/links" : "/api/links/" + code;
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-api-key", apiKey);
        headers.remove("idempotency-key");
        headers.put("content-type", "application/json");
        event.setHeaders(headers);
        event.setPathParameters(code == null ? null : Map.of("code", code));
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return create.handleRequest(event, InvocationContext.fresh("redirect-function"));
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
