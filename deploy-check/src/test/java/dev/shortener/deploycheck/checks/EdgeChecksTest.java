package dev.shortener.deploycheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The edge checks against recorded CloudFront answers: Miss, then Hit with Age, or Miss every time. */
class EdgeChecksTest {

    private static Check[] edgeChecks() {
        return new Check[] {
            new CreateLinkCheck(),
            RedirectChecks.redirect(),
            RedirectChecks.edgeCached(),
            ErrorPageChecks.notFound(CheckContext.HTML),
            ErrorPageChecks.notFoundEdgeCached(),
            ErrorPageChecks.gone(CheckContext.HTML),
            ErrorPageChecks.gone(CheckContext.PROBLEM_JSON),
            ErrorPageChecks.goneEdgeCached()
        };
    }

    @Test
    void secondAnswers_fromTheEdge_pass_withXCacheAndAgeAsEvidence() {
        Fixture.Ran ran = Fixture.runOver(server -> {}, edgeChecks());
        Map<CheckName, Result> rows = ran.rows();

        for (CheckName name : new CheckName[] {
            CheckName.REDIRECT, CheckName.REDIRECT_EDGE_CACHED, CheckName.NOT_FOUND_HTML,
            CheckName.NOT_FOUND_EDGE_CACHED, CheckName.GONE_HTML, CheckName.GONE_JSON,
            CheckName.GONE_EDGE_CACHED, CheckName.CLEANUP
        }) {
            assertEquals(Outcome.PASS, rows.get(name).outcome(), name + ": " + rows.get(name));
        }
        assertTrue(
                rows.get(CheckName.REDIRECT_EDGE_CACHED)
                        .evidence()
                        .startsWith("2nd answer from the edge: X-Cache: Hit from cloudfront, Age: 0"),
                rows.get(CheckName.REDIRECT_EDGE_CACHED).evidence());
        assertTrue(rows.get(CheckName.REDIRECT).evidence().contains("1st 302 (X-Cache: Miss from cloudfront)"));
        assertEquals(1, ran.server().clicksOf("c000001"), "the edge hit reached no origin");
        assertEquals(
                java.util.Set.of("c000001", "c000002"),
                ran.server().deletedCodes(),
                "the 410 check's link deleted at once, the first by the clean-up");
    }

    @Test
    void answersThatAreMissesEveryTime_failTheEdgeRows_butNotTheStatusRows() {
        Fixture.Ran ran = Fixture.runOver(server -> server.edgeCaches = false, edgeChecks());
        Map<CheckName, Result> rows = ran.rows();

        assertEquals(Outcome.PASS, rows.get(CheckName.REDIRECT).outcome());
        assertEquals(Outcome.FAIL, rows.get(CheckName.REDIRECT_EDGE_CACHED).outcome());
        assertTrue(
                rows.get(CheckName.REDIRECT_EDGE_CACHED)
                        .evidence()
                        .contains("not from the edge: X-Cache: Miss from cloudfront"),
                rows.get(CheckName.REDIRECT_EDGE_CACHED).evidence());
        assertEquals(Outcome.FAIL, rows.get(CheckName.NOT_FOUND_EDGE_CACHED).outcome());
        assertEquals(Outcome.FAIL, rows.get(CheckName.GONE_EDGE_CACHED).outcome());
        assertEquals(Outcome.PASS, rows.get(CheckName.GONE_HTML).outcome());
        assertEquals(2, ran.server().clicksOf("c000001"), "both GETs reached the origin");
    }

    @Test
    void withoutCloudFront_theEdgeRowsAreSkipped_saying_why() {
        Map<CheckName, Result> rows = Fixture.runOver(server -> server.throughCloudFront = false, edgeChecks())
                .rows();

        assertEquals(Outcome.SKIP, rows.get(CheckName.REDIRECT_EDGE_CACHED).outcome());
        assertTrue(rows.get(CheckName.REDIRECT_EDGE_CACHED).evidence().contains("no X-Cache header"));
        assertEquals(Outcome.PASS, rows.get(CheckName.REDIRECT).outcome());
    }

    @Test
    void aServerAnswering200_whereA404IsExpected_failsThatCheck() {
        Map<CheckName, Result> rows = Fixture.runOver(
                        server -> server.unknownStatus = 200,
                        new CreateLinkCheck(),
                        ErrorPageChecks.notFound(CheckContext.HTML),
                        ErrorPageChecks.notFound(CheckContext.PROBLEM_JSON))
                .rows();

        assertEquals(Outcome.FAIL, rows.get(CheckName.NOT_FOUND_HTML).outcome());
        assertTrue(
                rows.get(CheckName.NOT_FOUND_HTML).evidence().contains("1st 200 text/html")
                        && rows.get(CheckName.NOT_FOUND_HTML).evidence().endsWith("expected 404"),
                rows.get(CheckName.NOT_FOUND_HTML).evidence());
        assertEquals(Outcome.FAIL, rows.get(CheckName.NOT_FOUND_JSON).outcome());
    }
}
