package dev.shortener.redirect.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class CacheTimesTest {

    private final CacheTimes times = new CacheTimes(86_400, 60, 60, 10);
    private final Instant now = Instant.parse("2026-11-27T12:00:00.250Z");

    @Test
    void redisTtl_isTheConfiguredTtl_cutToTheExpiry_roundedUp() {
        assertEquals(86_400, times.redisSeconds(null, now));
        assertEquals(86_400, times.redisSeconds(now.plusSeconds(200_000), now));
        assertEquals(90, times.redisSeconds(Instant.parse("2026-11-27T12:01:30Z"), now), "89.75 s left");
        assertEquals(1, times.redisSeconds(now, now), "never 0, which Redis would refuse");
    }

    @Test
    void sMaxAge_isTheEdgeTtl_cutToTheExpiry_roundedDown() {
        assertEquals(60, times.edgeSeconds(null, now));
        assertEquals(60, times.edgeSeconds(now.plusSeconds(3_600), now));
        assertEquals(24, times.edgeSeconds(Instant.parse("2026-11-27T12:00:25Z"), now), "24.75 s left");
        assertEquals(0, times.edgeSeconds(Instant.parse("2026-11-27T12:00:00.500Z"), now));
        assertEquals(0, times.edgeSeconds(now.minusSeconds(5), now));
    }
}
