package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.localservers.RedisProcess;
import dev.shortener.redirect.cache.CircuitBreaker;
import dev.shortener.testsupport.TestServers;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Redis going away in the middle of a run: redirects stay correct (DynamoDB answers), the breaker opens so
 * requests stop paying for Redis, and the cache is used again once Redis is back. Latencies are printed, not
 * asserted: the proof that requests stop paying is the count of Redis attempts.
 */
class RedisOutageTest {

    private static final Map<String, String> BREAKER = Map.of(
            RedirectConfig.REDIS_BREAKER_FAILURES, "3",
            RedirectConfig.REDIS_BREAKER_OPEN_SECONDS, "10");
    private static final Duration COOL_DOWN = Duration.ofSeconds(10);

    @Test
    void redisStoppedMidRun_redirectsStayCorrect_breakerOpens_andCacheIsUsedAgainAfterRestart() {
        RedisProcess redis = TestServers.startOrSkip(RedisProcess::start);
        try (redis;
                RedirectFixture fx = RedirectFixture.withRedis(redis.uri(), BREAKER)) {
            Map<String, String> links = links(fx, "out");
            LatencyTable table = new LatencyTable("Redis stopped mid-run (redis-server killed, then restarted)");

            for (String code : links.keySet()) {
                request(fx, table, "before", code, links);
                assertEquals("miss", fx.lastRequestLog().get("outcome"));
                request(fx, table, "before", code, links);
                assertEquals("hit", fx.lastRequestLog().get("outcome"));
            }

            redis.stop();
            long attemptsAtStop = fx.handler.redisAttempts();
            for (int i = 0; i < 12; i++) {
                String code = List.copyOf(links.keySet()).get(i % links.size());
                request(fx, table, "during", code, links);
                assertEquals(i < 3 ? "failed" : "skipped", fx.lastRequestLog().get("cache"), "request " + i);
            }
            assertEquals(CircuitBreaker.State.OPEN, fx.handler.redisBreakerState());
            assertEquals(3, fx.handler.redisAttempts() - attemptsAtStop, "only the failures that opened the breaker");
            APIGatewayV2HTTPResponse unknown = fx.get("nosuch1");
            assertEquals(404, unknown.getStatusCode());
            assertEquals("not_found", fx.lastRequestLog().get("outcome"));

            fx.clock.advance(COOL_DOWN);
            String first = links.keySet().iterator().next();
            request(fx, table, "probe", first, links);
            assertEquals("failed", fx.lastRequestLog().get("cache"), "the half-open probe finds Redis still down");
            assertEquals(CircuitBreaker.State.OPEN, fx.handler.redisBreakerState());
            assertEquals(4, fx.handler.redisAttempts() - attemptsAtStop);
            request(fx, table, "during", first, links);
            assertEquals(4, fx.handler.redisAttempts() - attemptsAtStop, "open again: not asked");

            redis.restart();
            fx.clock.advance(COOL_DOWN);
            request(fx, table, "probe", first, links);
            assertEquals("miss", fx.lastRequestLog().get("cache"), "Redis answers the probe (empty after restart)");
            assertEquals(CircuitBreaker.State.CLOSED, fx.handler.redisBreakerState());
            for (String code : links.keySet()) {
                request(fx, table, "after", code, links);
                request(fx, table, "after", code, links);
                assertEquals("hit", fx.lastRequestLog().get("outcome"), "the cache is used again: " + code);
            }
            table.print();
        }
    }

    @Test
    void hangingRedis_costsTheCommandTimeoutOnlyUntilTheBreakerOpens() {
        try (Blackhole hanging = Blackhole.start();
                RedirectFixture fx = RedirectFixture.withRedis(hanging.uri("redis"), BREAKER)) {
            Map<String, String> links = links(fx, "hang");
            LatencyTable table =
                    new LatencyTable("Redis hanging (accepts connections, never answers; 250 ms command timeout)");

            for (int i = 0; i < 8; i++) {
                String code = List.copyOf(links.keySet()).get(i % links.size());
                request(fx, table, "hanging", code, links);
            }

            assertEquals(CircuitBreaker.State.OPEN, fx.handler.redisBreakerState());
            assertEquals(3, fx.handler.redisAttempts(), "after 3 timeouts, no request waits on Redis");
            table.print();
        }
    }

    private static Map<String, String> links(RedirectFixture fx, String prefix) {
        Map<String, String> links = new LinkedHashMap<>();
        for (int i = 1; i <= 4; i++) {
            String code = prefix + i;
            String url = "https://example.com/" + prefix + "/" + i;
            fx.link(code, url, null);
            links.put(code, url);
        }
        return links;
    }

    /** One GET, checked for correctness (302 to the right place), timed and tabled. */
    private static void request(
            RedirectFixture fx, LatencyTable table, String phase, String code, Map<String, String> links) {
        long started = System.nanoTime();
        APIGatewayV2HTTPResponse response = fx.get(code);
        long nanos = System.nanoTime() - started;
        assertEquals(302, response.getStatusCode(), phase + " " + code);
        assertEquals(links.get(code), response.getHeaders().get("Location"), phase + " " + code);
        table.add(phase, code, response.getStatusCode(), fx.lastRequestLog(), nanos);
    }
}
