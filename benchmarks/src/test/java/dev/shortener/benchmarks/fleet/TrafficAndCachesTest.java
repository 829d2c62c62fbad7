package dev.shortener.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TrafficAndCachesTest {

    @Test
    void theDesignDay_holds100MillionRedirects_andPeaksAt12000PerSecond() {
        TrafficDay day = TrafficDay.design();

        assertEquals(100e6, day.total(), 100e6 * 1e-6);
        assertEquals(12_000, day.peak(), 1e-6);
        assertEquals(12_000, day.at(day.surgeStart() + 120), 1e-6);
        assertTrue(day.at(3 * 3600) < day.at(15 * 3600) / 3, "a quiet night");
    }

    @Test
    void oneLink_missesOncePerTtlPerEdgeCache() {
        Popularity one = new Popularity(1, 1.0);

        // 100/s over 10 caches with a 60 s TTL: each cache misses once per 61 s of 10/s -> 10 / (1 + 600) misses/s.
        assertEquals(1 - 1 / (1 + 100 * 60 / 10.0), one.edgeHitRatio(100, 60, 10), 1e-12);
        assertEquals(0, one.edgeHitRatio(100, 0, 10));
    }

    @Test
    void zipfPopularity_weighsLinksByInverseRank() {
        // Two links, exponent 1: shares 2/3 and 1/3. At 3/s, one cache, TTL 1 s: the first costs the origin
        // 2 / (1 + 2) and the second 1 / (1 + 1) requests/s, 7/6 of 3 in all.
        assertEquals(1 - (7.0 / 6) / 3, new Popularity(2, 1.0).edgeHitRatio(3, 1, 1), 1e-12);

        Popularity zipf = new Popularity(1_000_000, 1.0);
        assertTrue(zipf.edgeHitRatio(1_000, 60, 13) > zipf.edgeHitRatio(100, 60, 13), "busier means more edge hits");
    }

    @Test
    void quantileDistribution_interpolatesBetweenItsLevels() {
        QuantileDistribution d = new QuantileDistribution(new double[] {0, 0.5, 1}, new double[] {1, 2, 10});

        assertEquals(1.5, d.at(0.25), 1e-12);
        assertEquals(6, d.at(0.75), 1e-12);
        assertEquals((0.5 * 1.5) + (0.5 * 6), d.mean(), 1e-12);
        assertEquals(3.5, d.plus(1.5).at(0.5), 1e-12);
    }
}
