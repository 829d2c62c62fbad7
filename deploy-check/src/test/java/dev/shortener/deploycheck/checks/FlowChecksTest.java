package dev.shortener.deploycheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** PATCH visibility, rate limiting and the clean-up, against the recorded shapes, on a stepped clock. */
class FlowChecksTest {

    @Test
    void patch_seenOnceTheEdgesCopyExpires_withinEdgeCacheSeconds() {
        Fixture fixture = Fixture.over(server -> server.redirectSeconds = 30);
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(new CreateLinkCheck(), new PatchSeenCheck());

            Result patch = rows.get(CheckNames.PATCH_SEEN);
            assertEquals(Outcome.PASS, patch.outcome(), patch.evidence());
            assertTrue(patch.evidence().contains("new destination seen after 30 s, 16 GET(s)"), patch.evidence());
            assertTrue(fixture.clock.sleeps().stream().allMatch(Duration.ofSeconds(2)::equals));
        }
    }

    @Test
    void patch_stillOldAfterEdgeCacheSecondsAndTheGrace_fails() {
        Fixture fixture = Fixture.over(server -> server.redirectSeconds = 600); // longer than EdgeCacheSeconds 60
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(new CreateLinkCheck(), new PatchSeenCheck());

            Result patch = rows.get(CheckNames.PATCH_SEEN);
            assertEquals(Outcome.FAIL, patch.outcome());
            assertTrue(
                    patch.evidence().contains("still 302 to https://example.com/deploy-check?deploy-check="),
                    patch.evidence());
            assertTrue(
                    patch.evidence().contains("(EdgeCacheSeconds 60 + 5 s; X-Cache: Hit from cloudfront"),
                    patch.evidence());
        }
    }

    @Test
    void rateLimit_429WithRetryAfter_passes_andTheCleanUpWaitsItOut() {
        Fixture fixture = Fixture.over(server -> server.burst = 5);
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(new CreateLinkCheck(), new RateLimitCheck(20));

            assertEquals(Result.pass("429 after 6 requests, Retry-After: 1"), rows.get(CheckNames.RATE_LIMITED));
            assertEquals(Outcome.PASS, rows.get(CheckNames.CLEANUP).outcome());
            assertTrue(fixture.server.deletedCodes().contains("c000001"));
        }
    }

    @Test
    void rateLimit_429WithoutRetryAfter_fails() {
        Fixture fixture = Fixture.over(server -> server.retryAfter = false);
        try (fixture.server) {
            Result row =
                    fixture.run(new CreateLinkCheck(), new RateLimitCheck(20)).get(CheckNames.RATE_LIMITED);

            assertEquals(Outcome.FAIL, row.outcome());
            assertTrue(row.evidence().contains("Retry-After: (none)"), row.evidence());
        }
    }

    @Test
    void rateLimit_no429WithinTheBound_isSkipped_whenTheBurstIsUnknown() {
        Fixture fixture = Fixture.over(server -> server.burst = 1000);
        try (fixture.server) {
            Result row =
                    fixture.run(new CreateLinkCheck(), new RateLimitCheck(20)).get(CheckNames.RATE_LIMITED);

            assertEquals(Outcome.SKIP, row.outcome());
            assertTrue(row.evidence().startsWith("no 429 within 20 requests"), row.evidence());
        }
    }

    @Test
    void aCheckThatThrows_failsItsRow_andTheLinksAreStillDeleted() {
        Fixture fixture = Fixture.over(server -> {});
        try (fixture.server) {
            Check broken = Check.of("broken", context -> {
                throw new IllegalStateException("broke after creating a link");
            });
            Map<String, Result> rows = fixture.run(new CreateLinkCheck(), broken);

            assertEquals(Result.fail("broke after creating a link"), rows.get("broken"));
            assertEquals(Outcome.PASS, rows.get(CheckNames.CLEANUP).outcome());
            assertEquals(java.util.Set.of("c000001"), fixture.server.deletedCodes());
            assertTrue(fixture.server.requests().contains("DELETE /api/links/c000001"));
            assertFalse(
                    fixture.server.requests().stream().anyMatch(r -> r.startsWith("DELETE") && !r.endsWith("c000001")),
                    "nothing but its own link is deleted");
        }
    }
}
