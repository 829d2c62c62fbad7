package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.shortener.create.domain.ratelimit.Bucket;
import dev.shortener.create.domain.ratelimit.RateDecision;
import dev.shortener.create.domain.ratelimit.RateLimiter;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.http.OriginSecret;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisSettings;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Token buckets in a real redis-server, time passed in from the test's clock: no sleeps. */
class RateLimitTest {

    private static final Map<String, String> THREE_PER_KEY_ONE_EVERY_10S =
            Map.of(CreateConfig.RATE_LIMIT_KEY_BURST, "3", CreateConfig.RATE_LIMIT_KEY_PER_MINUTE, "6");

    /** One request per client address, the address named by CloudFront's viewer header. */
    private static final Map<String, String> ONE_PER_VIEWER_ADDRESS = Map.of(
            CreateConfig.RATE_LIMIT_IP_BURST,
            "1",
            CreateConfig.RATE_LIMIT_IP_PER_MINUTE,
            "60",
            CreateConfig.CLIENT_IP_HEADER,
            "CloudFront-Viewer-Address");

    private static Answer read(TestBed bed, String key, String sourceIp) {
        return bed.send(readEvent(key, sourceIp));
    }

    /** A read of an unknown code, sent from {@code sourceIp}. */
    private static APIGatewayV2HTTPEvent readEvent(String key, String sourceIp) {
        return Events.fromAddress(Events.keyed(Events.GET, key, "nothing"), sourceIp);
    }

    /** A read sent from {@code sourceIp}, whose viewer header says it comes from {@code viewerAddress}. */
    private static APIGatewayV2HTTPEvent readEvent(String key, String sourceIp, String viewerAddress) {
        return Events.withHeader(readEvent(key, sourceIp), "cloudfront-viewer-address", viewerAddress);
    }

    @Test
    void aBurstUpToTheBucket_passes_thenRequestsGet429WithACorrectRetryAfter() {
        TestBed bed = TestBed.create(THREE_PER_KEY_ONE_EVERY_10S);
        String key = bed.newApiKey("owner-a");

        for (int i = 0; i < 3; i++) {
            read(bed, key, "203.0.113.1").assertProblem(404, "link-not-found");
        }
        Answer limited = read(bed, key, "203.0.113.1");

        limited.assertProblem(429, "rate-limited");
        assertEquals("10", limited.header("Retry-After"));
        assertTrue(limited.text("detail").contains("10 seconds"), limited.text("detail"));
    }

    @Test
    void theBucketRefillsOverTime_atTheConfiguredRate() {
        TestBed bed = TestBed.create(THREE_PER_KEY_ONE_EVERY_10S);
        String key = bed.newApiKey("owner-a");
        for (int i = 0; i < 3; i++) {
            read(bed, key, "203.0.113.1");
        }

        bed.clock.advance(Duration.ofSeconds(4));
        Answer stillEmpty = read(bed, key, "203.0.113.1");
        bed.clock.advance(Duration.ofSeconds(6));
        Answer refilledOne = read(bed, key, "203.0.113.1");
        Answer emptyAgain = read(bed, key, "203.0.113.1");

        assertEquals("6", stillEmpty.assertProblem(429, "rate-limited").header("Retry-After"));
        refilledOne.assertProblem(404, "link-not-found");
        assertEquals("10", emptyAgain.assertProblem(429, "rate-limited").header("Retry-After"));
    }

    @Test
    void aLongPause_refillsNoMoreThanTheBurst() {
        TestBed bed = TestBed.create(THREE_PER_KEY_ONE_EVERY_10S);
        String key = bed.newApiKey("owner-a");
        read(bed, key, "203.0.113.1");

        bed.clock.advance(Duration.ofMinutes(30));
        int passed = 0;
        while (read(bed, key, "203.0.113.1").status() == 404) {
            passed++;
        }

        assertEquals(3, passed);
    }

    @Test
    void theClientAddressLimit_appliesAcrossApiKeys_andBeforeAuthentication() {
        TestBed bed = TestBed.create(
                Map.of(CreateConfig.RATE_LIMIT_IP_BURST, "3", CreateConfig.RATE_LIMIT_IP_PER_MINUTE, "60"));
        String one = bed.newApiKey("owner-a");
        String other = bed.newApiKey("owner-b");

        read(bed, one, "198.51.100.7").assertStatus(404);
        read(bed, other, "198.51.100.7").assertStatus(404);
        read(bed, null, "198.51.100.7").assertProblem(401, "missing-api-key");
        Answer limited = read(bed, other, "198.51.100.7");
        Answer elsewhere = read(bed, other, "198.51.100.8");

        assertEquals("1", limited.assertProblem(429, "rate-limited").header("Retry-After"));
        elsewhere.assertStatus(404);
    }

    @Test
    void ipv6Clients_shareABucketPer64() {
        TestBed bed = TestBed.create(
                Map.of(CreateConfig.RATE_LIMIT_IP_BURST, "2", CreateConfig.RATE_LIMIT_IP_PER_MINUTE, "60"));
        String key = bed.newApiKey("owner-a");

        read(bed, key, "2001:db8:1:2::1").assertStatus(404);
        read(bed, key, "2001:db8:1:2:aaaa::2").assertStatus(404);
        Answer sameSubnet = read(bed, key, "2001:db8:1:2:ffff:ffff:ffff:ffff");
        Answer nextSubnet = read(bed, key, "2001:db8:1:3::1");

        sameSubnet.assertProblem(429, "rate-limited");
        nextSubnet.assertStatus(404);
    }

    @Test
    void aTrustedProxyHeader_namesTheClient() {
        TestBed bed = TestBed.create(ONE_PER_VIEWER_ADDRESS);
        String key = bed.newApiKey("owner-a");
        APIGatewayV2HTTPEvent first = readEvent(key, "130.176.0.1", "192.0.2.44:51234");
        APIGatewayV2HTTPEvent second = readEvent(key, "130.176.0.2", "192.0.2.44:40000");

        bed.send(first).assertStatus(404);
        bed.send(second).assertProblem(429, "rate-limited");
    }

    @Test
    void withAnOriginSecret_theProxyHeaderIsBelievedOnlyFromRequestsPresentingIt() {
        Map<String, String> settings = new HashMap<>(ONE_PER_VIEWER_ADDRESS);
        settings.put(OriginSecret.ORIGIN_VERIFY_SECRET, "secret-cloudfront-sends");
        TestBed bed = TestBed.create(settings);
        String key = bed.newApiKey("owner-a");
        // A direct caller (no secret) cycling spoofed viewer addresses from one source address.
        APIGatewayV2HTTPEvent spoofed1 = readEvent(key, "203.0.113.9", "192.0.2.1:1111");
        APIGatewayV2HTTPEvent spoofed2 = readEvent(key, "203.0.113.9", "192.0.2.2:2222");
        // Through CloudFront (the secret presented), from the same edge address, a viewer of its own.
        APIGatewayV2HTTPEvent viaCloudFront = readEvent(key, "203.0.113.9", "192.0.2.3:3333");
        Events.withHeader(viaCloudFront, "x-origin-verify", "secret-cloudfront-sends");

        bed.send(spoofed1).assertStatus(404);
        bed.send(spoofed2).assertProblem(429, "rate-limited"); // the source address's bucket, not a fresh one
        bed.send(viaCloudFront).assertStatus(404);
    }

    @Test
    void anUnreachableRedis_failsOpen_andIsNotAskedAgainForTenSeconds() {
        var deadRedis = RedisClients.create(RedisSettings.of(URI.create("redis://127.0.0.1:1")));
        AtomicInteger asked = new AtomicInteger();
        RateLimiter dead = new RedisTokenBuckets(deadRedis, "x:");
        RateLimiter counting = (key, bucket, now) -> {
            asked.incrementAndGet();
            return dead.take(key, bucket, now);
        };
        TestBed bed = TestBed.create(adapters -> adapters.rateLimiter = counting);
        String key = bed.newApiKey("owner-a");

        Answer first = bed.create(key, "{\"url\":\"https://example.com/1\"}");
        int askedAfterFirst = asked.get();
        Answer second = bed.create(key, "{\"url\":\"https://example.com/2\"}");
        int askedAfterSecond = asked.get();
        bed.clock.advance(Duration.ofSeconds(11));
        bed.create(key, "{\"url\":\"https://example.com/3\"}").assertStatus(201);

        first.assertStatus(201);
        second.assertStatus(201);
        assertEquals(1, askedAfterFirst, "the address check fails, opening the breaker; the key check is skipped");
        assertEquals(1, askedAfterSecond, "while the breaker is open Redis is not asked");
        assertEquals(2, asked.get(), "after ten seconds it is asked again");
        deadRedis.close();
    }

    @Test
    void theScript_neverRefillsFromAClockThatIsBehind_andIsReloadedAfterAFlush() {
        var redis = TestBed.redis();
        String prefix = dev.shortener.testsupport.TestServers.uniqueName("bucket") + ":";
        RedisTokenBuckets buckets = new RedisTokenBuckets(redis, prefix);
        Bucket bucket = new Bucket(1, 60);
        Instant t0 = Instant.parse("2026-11-27T12:00:00Z");

        RateDecision taken = buckets.take("k", bucket, t0);
        redis.scriptFlush(); // as after a Redis restart or failover: EVALSHA answers NOSCRIPT
        RateDecision behind = buckets.take("k", bucket, t0.minusSeconds(30));
        RateDecision later = buckets.take("k", bucket, t0.plusSeconds(1));

        assertTrue(taken.allowed());
        assertEquals(false, behind.allowed());
        assertEquals(1, behind.retryAfterSeconds());
        assertTrue(later.allowed());
    }
}
