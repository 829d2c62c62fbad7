package dev.shortener.redirect;

import static dev.shortener.redirect.RedirectAssertions.assertRedirectsTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.linkcache.CachedLink;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The redirect path through the handler, fed the committed sample events, against a real redis-server and
 * dynalite: each test has its own table and key prefix.
 */
class RedirectHandlerTest {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @AutoClose
    private final RedirectFixture fx = RedirectFixture.create();

    @Test
    void redirect_answersFromRedis_whenTheCodeIsCached() {
        // Only in Redis, not in the table: a 302 can only have come from the cache.
        fx.cache.put("hit0001", CachedLink.found("https://cached.example/page", 0), 60);

        APIGatewayV2HTTPResponse response = fx.get("hit0001");

        assertRedirectsTo("https://cached.example/page", response);
        assertEquals("hit", fx.lastRequestLog().get("outcome"));
        assertEquals("hit", fx.lastRequestLog().get("cache"));
    }

    @Test
    void redirect_readsDynamoDbOnAMiss_thenFillsRedis() {
        fx.link("miss001", "https://example.com/landing?a=1", null);

        APIGatewayV2HTTPResponse first = fx.get("miss001");

        assertRedirectsTo("https://example.com/landing?a=1", first);
        assertEquals("miss", fx.lastRequestLog().get("outcome"));
        assertEquals(Optional.of(CachedLink.found("https://example.com/landing?a=1", 0)), fx.cache.get("miss001"));
        long ttl = fx.redis.ttl(fx.cache.key("miss001"));
        assertTrue(ttl > 86_300 && ttl <= 86_400, "a link that never expires is cached for LINK_CACHE_SECONDS: " + ttl);

        APIGatewayV2HTTPResponse second = fx.get("miss001");

        assertRedirectsTo("https://example.com/landing?a=1", second);
        assertEquals("hit", fx.lastRequestLog().get("outcome"));
    }

    @Test
    void redirect_hasEdgeOnlyCachingAndTheAnchorsHeaders() {
        fx.link("head002", "https://example.com/", null);

        APIGatewayV2HTTPResponse response = fx.get("head002");

        assertEquals(302, response.getStatusCode());
        assertEquals("public, max-age=0, s-maxage=60", response.getHeaders().get("Cache-Control"));
        assertEquals("noindex", response.getHeaders().get("X-Robots-Tag"));
        assertEquals("strict-origin-when-cross-origin", response.getHeaders().get("Referrer-Policy"));
        assertNull(response.getBody());
    }

    @Test
    void redirect_sendsAnAsciiLocation_forAnInternationalDestination() {
        fx.link("intl001", "https://b\u00fccher.example/stra\u00dfe?q=a b", null);

        APIGatewayV2HTTPResponse response = fx.get("intl001");

        assertEquals(
                "https://xn--bcher-kva.example/stra%C3%9Fe?q=a%20b",
                response.getHeaders().get("Location"));
    }

    @Test
    void redisTtl_isBoundedByTheLinksExpiry() {
        fx.link("ttl0001", "https://example.com/short-lived", fx.clock.instant().plusSeconds(90));

        assertEquals(302, fx.get("ttl0001").getStatusCode());

        long ttl = fx.redis.ttl(fx.cache.key("ttl0001"));
        assertTrue(ttl >= 1 && ttl <= 90, "TTL " + ttl + " must not outlive the expiry in 90 s");
    }

    @Test
    void sMaxAge_isBoundedByTheLinksExpiry_fromDynamoDbAndFromRedis() {
        fx.link("edge001", "https://example.com/offer", fx.clock.instant().plusSeconds(25));

        APIGatewayV2HTTPResponse miss = fx.get("edge001");
        fx.clock.advance(Duration.ofSeconds(10));
        APIGatewayV2HTTPResponse hit = fx.get("edge001");
        Object hitOutcome = fx.lastRequestLog().get("outcome");
        fx.clock.advance(Duration.ofMillis(14_500));
        APIGatewayV2HTTPResponse lastHalfSecond = fx.get("edge001");

        assertEquals("public, max-age=0, s-maxage=25", miss.getHeaders().get("Cache-Control"));
        assertEquals("hit", hitOutcome);
        assertEquals("public, max-age=0, s-maxage=15", hit.getHeaders().get("Cache-Control"));
        assertEquals(302, lastHalfSecond.getStatusCode());
        assertEquals(
                "public, max-age=0, s-maxage=0", lastHalfSecond.getHeaders().get("Cache-Control"));
    }

    @Test
    void unknownCode_returns404_andIsNegativelyCachedInRedis() {
        try (RedirectFixture short1 = RedirectFixture.create(Map.of(RedirectConfig.NEGATIVE_CACHE_SECONDS, "2"))) {
            APIGatewayV2HTTPResponse first = short1.get("late001");

            assertEquals(404, first.getStatusCode());
            assertEquals("not_found", short1.lastRequestLog().get("outcome"));
            assertEquals(Optional.of(CachedLink.notFound()), short1.cache.get("late001"));
            long ttl = short1.redis.ttl(short1.cache.key("late001"));
            assertTrue(ttl >= 1 && ttl <= 2, "negative entry TTL " + ttl);

            // The link appears in the table; while the negative entry lives, the table is not asked.
            short1.link("late001", "https://example.com/late", null);
            APIGatewayV2HTTPResponse second = short1.get("late001");

            assertEquals(404, second.getStatusCode());
            assertEquals("negative", short1.lastRequestLog().get("outcome"));

            awaitExpiry(short1, "late001", Duration.ofSeconds(5));
            APIGatewayV2HTTPResponse third = short1.get("late001");

            assertRedirectsTo("https://example.com/late", third);
            assertEquals("miss", short1.lastRequestLog().get("outcome"));
        }
    }

    @Test
    void notFound_carriesAShortSMaxAge_soTheEdgeAbsorbsScanners() {
        APIGatewayV2HTTPResponse response = fx.get("scan001");

        assertEquals(404, response.getStatusCode());
        assertEquals("public, max-age=0, s-maxage=10", response.getHeaders().get("Cache-Control"));
        assertEquals("Accept", response.getHeaders().get("Vary"));
    }

    @Test
    void expiredLink_returns410_whileTheItemIsStillInTheTable() {
        fx.link("expire1", "https://example.com/old", fx.clock.instant().minusSeconds(5));

        APIGatewayV2HTTPResponse response = fx.get("expire1");

        assertEquals(410, response.getStatusCode());
        assertEquals("gone", fx.lastRequestLog().get("outcome"));
        assertTrue(
                fx.admin
                        .getItem(get -> get.tableName(fx.table).key(Map.of("pk", AttributeValue.fromS("expire1"))))
                        .hasItem(),
                "TTL deletion has not happened");
        assertEquals(Optional.of(CachedLink.gone()), fx.cache.get("expire1"));
        assertEquals("public, max-age=0, s-maxage=10", response.getHeaders().get("Cache-Control"));
        assertTrue(response.getBody().startsWith("<!DOCTYPE html>"));
    }

    @Test
    void cachedLink_pastItsExpiry_returns410_neverARedirect() {
        fx.link("soon001", "https://example.com/soon", fx.clock.instant().plusSeconds(30));
        assertEquals(302, fx.get("soon001").getStatusCode());

        fx.clock.advance(Duration.ofSeconds(30));
        APIGatewayV2HTTPResponse response = fx.get("soon001");

        assertEquals(410, response.getStatusCode());
        assertEquals("hit", fx.lastRequestLog().get("cache"));
        assertEquals("gone", fx.lastRequestLog().get("outcome"));
    }

    @Test
    void deletedLink_returns410() {
        fx.link("delete1", "https://example.com/deleted", null);
        assertTrue(fx.store.delete("delete1", RedirectFixture.OWNER, fx.clock.instant()));

        APIGatewayV2HTTPResponse response = fx.get("delete1");

        assertEquals(410, response.getStatusCode());
        assertTrue(response.getBody().contains("no longer available"));
        assertEquals(Optional.of(CachedLink.gone()), fx.cache.get("delete1"));
        assertEquals(410, fx.get("delete1").getStatusCode());
        assertEquals("hit", fx.lastRequestLog().get("cache"));
    }

    @Test
    void head_hasTheSameStatusAndHeaders_noBody_andNoClick() {
        fx.link("head001", "https://example.com/checked", null);

        APIGatewayV2HTTPResponse head = fx.send(Events.HEAD, "head001");

        assertEquals(302, head.getStatusCode());
        assertNull(head.getBody());
        assertTrue(fx.clicks.clicks.isEmpty(), "HEAD records no click");

        APIGatewayV2HTTPResponse get = fx.get("head001");

        assertEquals(get.getHeaders(), head.getHeaders());
        assertEquals(1, fx.clicks.clicks.size());
    }

    @Test
    void head_ofAnUnknownCode_is404WithTheGetHeaders_andNoBody() {
        APIGatewayV2HTTPResponse get = fx.get("nohead1");
        APIGatewayV2HTTPResponse head = fx.send(Events.HEAD, "nohead1");

        assertEquals(404, head.getStatusCode());
        assertNull(head.getBody());
        assertEquals(get.getHeaders(), head.getHeaders());
    }

    @Test
    void jsonClients_getProblemJson_forUnknownAndGoneCodes() throws Exception {
        fx.link("gonejs1", "https://example.com/x", fx.clock.instant().minusSeconds(1));

        APIGatewayV2HTTPResponse unknown = fx.send(Events.GET_JSON, "nojson1");
        APIGatewayV2HTTPResponse gone = fx.send(Events.GET_JSON, "gonejs1");

        assertEquals("application/problem+json", unknown.getHeaders().get("Content-Type"));
        var problem = JSON.readTree(unknown.getBody());
        assertEquals(404, problem.get("status").asInt());
        assertEquals(
                "tag:url-shortener,2026:problem/not-found", problem.get("type").asText());
        assertEquals("/nojson1", problem.get("instance").asText());
        assertEquals("application/problem+json", gone.getHeaders().get("Content-Type"));
        assertEquals(410, JSON.readTree(gone.getBody()).get("status").asInt());
        assertEquals(
                "tag:url-shortener,2026:problem/gone",
                JSON.readTree(gone.getBody()).get("type").asText());
    }

    @Test
    void browsers_getASmallHtmlPage_forUnknownCodes() {
        APIGatewayV2HTTPResponse response = fx.get("nohtml1");

        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        String page = response.getBody();
        assertTrue(page.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), page);
        assertTrue(page.contains("<meta charset=\"utf-8\">"));
        assertTrue(page.contains("<title>Link not found</title>"));
        assertFalse(page.contains("src=") || page.contains("href="), "no external assets");
        assertTrue(page.trim().endsWith("</html>"));
    }

    @Test
    void invalidCode_returns404_withoutAskingRedisOrDynamoDb() {
        // (The empty path is the bare domain: SitePagesTest.)
        for (String path : new String[] {"favicon.ico", "a%2Fb", "x".repeat(65), "worker#1", "robots.txt+"}) {
            APIGatewayV2HTTPResponse response = fx.get(path);

            assertEquals(404, response.getStatusCode(), path);
            assertEquals("invalid_code", fx.lastRequestLog().get("outcome"), path);
        }
        assertEquals(0, fx.handler.redisAttempts());
    }

    @Test
    void otherMethods_get405_withAllow() {
        APIGatewayV2HTTPResponse response = fx.send(Events.POST, "post001");

        assertEquals(405, response.getStatusCode());
        assertEquals("GET, HEAD", response.getHeaders().get("Allow"));
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals(0, fx.handler.redisAttempts());
    }

    private static void awaitExpiry(RedirectFixture fixture, String code, Duration atMost) {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (fixture.redis.exists(fixture.cache.key(code))) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the cache entry of " + code + " did not expire within " + atMost);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
