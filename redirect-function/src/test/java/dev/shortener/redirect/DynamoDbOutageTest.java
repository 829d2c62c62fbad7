package dev.shortener.redirect;

import static dev.shortener.redirect.RedirectAssertions.assertRedirectsTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.linkcache.CachedLink;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * DynamoDB out of reach: cached codes keep redirecting; uncached ones get a 503 with Retry-After within a second
 * (the bound this test holds the handler to), never a hang until the Lambda timeout. The handler's client has the production redirect
 * timeouts (250 ms an attempt, 700 ms a call) and is warmed first, as Lambda's init does.
 */
class DynamoDbOutageTest {

    private static final Duration BOUND = Duration.ofSeconds(1);

    @Test
    void dynamoDbRefusingConnections_cachedCodesRedirect_uncachedGet503WithRetryAfter() {
        URI closed = URI.create("http://127.0.0.1:" + Blackhole.closedPort());
        try (RedirectFixture fx = RedirectFixture.withHandlerDynamoDb(closed)) {
            checkOutage(fx, "DynamoDB endpoint refusing connections");
        }
    }

    @Test
    void dynamoDbNeverAnswering_uncachedGet503WithinOneSecond() {
        try (Blackhole hanging = Blackhole.start();
                RedirectFixture fx = RedirectFixture.withHandlerDynamoDb(hanging.uri("http"))) {
            checkOutage(fx, "DynamoDB endpoint accepting connections, never answering");
        }
    }

    private static void checkOutage(RedirectFixture fx, String title) {
        fx.handler.warmUp();
        fx.cache.put("cached1", CachedLink.found("https://example.com/cached", 0), 60);
        fx.cache.put("cachedg", CachedLink.gone(), 60);
        LatencyTable table = new LatencyTable(title);

        APIGatewayV2HTTPResponse cached = timed(fx, table, Events.GET, "cached1");
        APIGatewayV2HTTPResponse cachedGone = timed(fx, table, Events.GET, "cachedg");
        APIGatewayV2HTTPResponse uncached =
                assertTimeoutPreemptively(BOUND, () -> timed(fx, table, Events.GET, "uncach1"));
        Map<String, Object> uncachedLog = fx.lastRequestLog();
        APIGatewayV2HTTPResponse uncachedJson =
                assertTimeoutPreemptively(BOUND, () -> timed(fx, table, Events.GET_JSON, "uncach2"));
        table.print();

        assertRedirectsTo("https://example.com/cached", cached);
        assertEquals(410, cachedGone.getStatusCode());
        assertEquals(503, uncached.getStatusCode());
        assertEquals("5", uncached.getHeaders().get("Retry-After"));
        assertEquals("no-store", uncached.getHeaders().get("Cache-Control"));
        assertTrue(uncached.getBody().contains("Temporarily unavailable"));
        assertEquals("unavailable", uncachedLog.get("outcome"));
        assertTrue(uncachedLog.containsKey("dynamodb_error"), uncachedLog.toString());
        assertEquals(503, uncachedJson.getStatusCode());
        assertEquals("application/problem+json", uncachedJson.getHeaders().get("Content-Type"));
        assertEquals("5", uncachedJson.getHeaders().get("Retry-After"));
        assertTrue(fx.clicks.clicks.size() == 1, "the cached redirect was a click, the 503s were not");
    }

    private static APIGatewayV2HTTPResponse timed(RedirectFixture fx, LatencyTable table, String event, String code) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = fx.send(event, code);
        table.add("outage", code, response.getStatusCode(), fx.lastRequestLog(), System.nanoTime() - started);
        return response;
    }
}
