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
        Fixture.Ran ran =
                Fixture.runOver(server -> server.redirectSeconds = 30, new CreateLinkCheck(), new PatchSeenCheck());
        Map<CheckName, Result> rows = ran.rows();

        Result patch = rows.get(CheckName.PATCH_SEEN);
        assertEquals(Outcome.PASS, patch.outcome(), patch.evidence());
        assertTrue(patch.evidence().contains("new destination seen after 30 s, 16 GET(s)"), patch.evidence());
        assertTrue(ran.clock().sleeps().stream().allMatch(Duration.ofSeconds(2)::equals));
    }

    @Test
    void patch_stillOldAfterEdgeCacheSecondsAndTheGrace_fails() {
        Map<CheckName, Result> rows = Fixture.runOver(
                        server -> server.redirectSeconds = 600, new CreateLinkCheck(), new PatchSeenCheck())
                .rows(); // longer than EdgeCacheSeconds 60

        Result patch = rows.get(CheckName.PATCH_SEEN);
        assertEquals(Outcome.FAIL, patch.outcome());
        assertTrue(
                patch.evidence().contains("still 302 to https://example.com/deploy-check?deploy-check="),
                patch.evidence());
        assertTrue(
                patch.evidence().contains("(EdgeCacheSeconds 60 + 5 s; X-Cache: Hit from cloudfront"),
                patch.evidence());
    }

    @Test
    void rateLimit_429WithRetryAfter_passes_andTheCleanUpWaitsItOut() {
        Fixture.Ran ran = Fixture.runOver(server -> server.burst = 5, new CreateLinkCheck(), new RateLimitCheck(20));
        Map<CheckName, Result> rows = ran.rows();

        assertEquals(Result.pass("429 after 6 requests, Retry-After: 1"), rows.get(CheckName.RATE_LIMITED));
        assertEquals(Outcome.PASS, rows.get(CheckName.CLEANUP).outcome());
        assertTrue(ran.server().deletedCodes().contains("c000001"));
    }

    @Test
    void rateLimit_429WithoutRetryAfter_fails() {
        Result row = rateLimitRow(server -> server.retryAfter = false);

        assertEquals(Outcome.FAIL, row.outcome());
        assertTrue(row.evidence().contains("Retry-After: (none)"), row.evidence());
    }

    @Test
    void rateLimit_no429WithinTheBound_isSkipped_whenTheBurstIsUnknown() {
        Result row = rateLimitRow(server -> server.burst = 1000);

        assertEquals(Outcome.SKIP, row.outcome());
        assertTrue(row.evidence().startsWith("no 429 within 20 requests"), row.evidence());
    }

    @Test
    void aCheckThatThrows_failsItsRow_andTheLinksAreStillDeleted() {
        // under a real check's name: the row of whichever check throws
        Check broken = Check.of(CheckName.PATCH_SEEN, context -> {
            throw new IllegalStateException("broke after creating a link");
        });
        Fixture.Ran ran = Fixture.runOver(server -> {}, new CreateLinkCheck(), broken);
        Map<CheckName, Result> rows = ran.rows();

        assertEquals(Result.fail("broke after creating a link"), rows.get(CheckName.PATCH_SEEN));
        assertEquals(Outcome.PASS, rows.get(CheckName.CLEANUP).outcome());
        assertEquals(java.util.Set.of("c000001"), ran.server().deletedCodes());
        assertTrue(ran.server().requests().contains("DELETE /api/links/c000001"));
        assertFalse(
                ran.server().requests().stream().anyMatch(r -> r.startsWith("DELETE") && !r.endsWith("c000001")),
                "nothing but its own link is deleted");
    }

    /** The rate-limit row of a run (bound 20) over a server set up so. */
    private static Result rateLimitRow(FakeShortener.Settings settings) {
        return Fixture.runOver(settings, new CreateLinkCheck(), new RateLimitCheck(20))
                .rows()
                .get(CheckName.RATE_LIMITED);
    }
}
