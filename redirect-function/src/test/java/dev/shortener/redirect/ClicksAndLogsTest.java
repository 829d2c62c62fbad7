package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.Click;
import dev.shortener.config.Environment;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.testsupport.TestClock;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** The click hand-off, the one log line per request, and what neither may contain. */
class ClicksAndLogsTest {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> SAMPLE_IPS = List.of("203.0.113.17", "198.51.100.7", "2001:db8", "192.0.2.44");

    @AutoClose
    private final RedirectFixture fx = RedirectFixture.create();

    @Test
    void followedRedirect_recordsAClick_withTheViewersAddressFromCloudFront() {
        fx.link("click01", "https://example.com/c", null);

        fx.get("click01");
        fx.get("click01");

        assertEquals(2, fx.clicks.clicks.size());
        Click first = fx.clicks.clicks.get(0);
        assertEquals("click01", first.code());
        assertEquals(fx.clock.instant(), first.at());
        assertEquals("203.0.113.17", first.clientIp());
        assertEquals("DE", first.country());
        assertEquals("https://news.example/articles/42?utm_source=feed", first.referer());
        assertTrue(first.userAgent().contains("Firefox/128.0"));
        assertEquals(fx.logLines().get(0).get("function_request_id"), first.requestId());
        assertFalse(first.cacheHit());
        assertTrue(fx.clicks.clicks.get(1).cacheHit());
    }

    /**
     * No origin secret any more: the function URL takes only requests CloudFront signed (OAC, AWS_IAM auth), so
     * the viewer headers CloudFront sets are believed as they are, even where a deployer still sets the old variable.
     */
    @Test
    void cloudFrontsViewerHeadersAreBelieved_withoutAnOriginSecret() {
        try (RedirectFixture fixture = RedirectFixture.create(Map.of("ORIGIN_VERIFY_SECRET", "left-over-secret"))) {
            fixture.link("click03", "https://example.com/c", null);

            fixture.get("click03");

            Click click = fixture.clicks.clicks.get(0);
            assertEquals("203.0.113.17", click.clientIp(), "CloudFront-Viewer-Address, not the edge's address");
            assertEquals("DE", click.country());
        }
    }

    @Test
    void clientIp_isTheIpv6ViewerAddressWithoutItsPort_orTheSourceIpWithoutCloudFront() {
        fx.link("click02", "https://example.com/c", null);

        fx.send(Events.GET_IPV6, "click02");
        fx.send(Events.GET_JSON, "click02");

        assertEquals("2001:db8:85a3::8a2e:370:7334", fx.clicks.clicks.get(0).clientIp());
        assertEquals("NL", fx.clicks.clicks.get(0).country());
        assertEquals("192.0.2.44", fx.clicks.clicks.get(1).clientIp());
    }

    @Test
    void onlyFollowedRedirectsAreClicks_butEveryRequestGivesTheSinkItsBudget() {
        fx.link("click03", "https://example.com/c", null);

        fx.get("unknown");
        fx.send(Events.HEAD, "click03");
        fx.send(Events.PREVIEW, "click03");
        fx.send(Events.POST, "click03");
        fx.get("bad.code");
        fx.get("click03");

        assertEquals(1, fx.clicks.clicks.size());
        assertEquals(6, fx.clicks.freezeBudgets.size());
        assertTrue(fx.clicks.freezeBudgets.stream().allMatch(Duration.ofMillis(20)::equals));
    }

    @Test
    void everyRequest_logsOneJsonLine_withOutcomeCacheBreakerLatency_andNoIpAddress() {
        fx.link("logs001", "https://example.com/secret-token-in-url?t=abc", null);

        fx.get("logs001");
        fx.get("logs001");
        fx.send(Events.GET_IPV6, "logs001");
        fx.send(Events.GET_JSON, "nothere");

        List<Map<String, Object>> lines = fx.logLines();
        assertEquals(4, lines.size());
        Map<String, Object> first = lines.get(0);
        assertEquals("INFO", first.get("level"), "a cold start is worth a line at the default level");
        assertEquals("request", first.get("message"));
        assertEquals(true, first.get("cold_start"));
        assertEquals(false, lines.get(1).get("cold_start"));
        assertEquals("DEBUG", lines.get(1).get("level"), "a plain warm redirect is not ingested at INFO");
        assertEquals("miss", first.get("outcome"));
        assertEquals("miss", first.get("cache"));
        assertEquals("closed", first.get("breaker"));
        assertEquals(302, first.get("status"));
        assertEquals("logs001", first.get("code"));
        assertTrue(((Number) first.get("latency_us")).longValue() > 0);
        assertEquals("hit", lines.get(1).get("outcome"));
        assertEquals("not_found", lines.get(3).get("outcome"));
        String text = fx.logText();
        for (String ip : SAMPLE_IPS) {
            assertFalse(text.contains(ip), "the log holds the IP " + ip + ": " + text);
        }
        assertFalse(text.contains("secret-token-in-url"), "destinations are not logged");
    }

    @Test
    void unexpectedError_isALogged500_thatRevealsNothing() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        RecordingClickSink clicks = new RecordingClickSink();
        RedirectConfig config = RedirectConfig.fromEnvironment(Environment.of(Map.of(
                LinksTableSettings.LINKS_TABLE,
                "unused",
                RedisSettings.REDIS_URL,
                TestServers.redisUri().toString())));
        try (var redis = dev.shortener.linkcache.RedisClients.create(
                dev.shortener.linkcache.RedisSettings.of(TestServers.redisUri()))) {
            var handler = new RedirectHandler(RedirectWiring.of(
                    config,
                    new ExplodingStore(),
                    new RedisLinkCache(redis, TestServers.uniqueName("boom") + ":"),
                    clicks,
                    TestClock.atSystemTime(),
                    new StructuredLog(RedirectWiring.SERVICE, new PrintStream(log, true, StandardCharsets.UTF_8))));

            APIGatewayV2HTTPResponse response = handler.handleRequest(
                    Events.load(Events.GET, "boom001"), InvocationContext.fresh("redirect-function"));

            assertEquals(500, response.getStatusCode());
            assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
            assertEquals("no-store", response.getHeaders().get("Cache-Control"));
            assertFalse(response.getBody().contains("boom"), response.getBody());
            assertFalse(response.getBody().contains("IllegalState"), response.getBody());
            assertEquals(1, clicks.freezeBudgets.size());
            var line = JSON.readTree(log.toString(StandardCharsets.UTF_8));
            assertEquals("ERROR", line.get("level").asText());
            assertEquals("error", line.get("outcome").asText());
            assertEquals(
                    "java.lang.IllegalStateException", line.get("error_type").asText());
        }
    }

    /** A store with a bug: not an outage (that would be a 503), an error nobody planned for. */
    private static final class ExplodingStore implements LinkStore {

        @Override
        public LinkLookup find(String code, Instant now) {
            throw new IllegalStateException("boom: internal detail of table links-prod");
        }

        @Override
        public boolean putIfAbsent(Link link) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Link> update(String code, String owner, LinkChange change, Instant now) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String code, String owner, Instant now) {
            throw new UnsupportedOperationException();
        }
    }
}
