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
        Fixture fixture = Fixture.over(server -> {});
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(edgeChecks());

            for (String name : new String[] {
                CheckNames.REDIRECT, CheckNames.REDIRECT_EDGE_CACHED, CheckNames.NOT_FOUND_HTML,
                CheckNames.NOT_FOUND_EDGE_CACHED, CheckNames.GONE_HTML, CheckNames.GONE_JSON,
                CheckNames.GONE_EDGE_CACHED, CheckNames.CLEANUP
            }) {
                assertEquals(Outcome.PASS, rows.get(name).outcome(), name + ": " + rows.get(name));
            }
            assertTrue(
                    rows.get(CheckNames.REDIRECT_EDGE_CACHED)
                            .evidence()
                            .startsWith("2nd answer from the edge: X-Cache: Hit from cloudfront, Age: 0"),
                    rows.get(CheckNames.REDIRECT_EDGE_CACHED).evidence());
            assertTrue(rows.get(CheckNames.REDIRECT).evidence().contains("1st 302 (X-Cache: Miss from cloudfront)"));
            assertEquals(1, fixture.server.clicksOf("c000001"), "the edge hit reached no origin");
            assertEquals(
                    java.util.Set.of("c000001", "c000002"),
                    fixture.server.deletedCodes(),
                    "the 410 check's link deleted at once, the first by the clean-up");
        }
    }

    @Test
    void answersThatAreMissesEveryTime_failTheEdgeRows_butNotTheStatusRows() {
        Fixture fixture = Fixture.over(server -> server.edgeCaches = false);
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(edgeChecks());

            assertEquals(Outcome.PASS, rows.get(CheckNames.REDIRECT).outcome());
            assertEquals(Outcome.FAIL, rows.get(CheckNames.REDIRECT_EDGE_CACHED).outcome());
            assertTrue(
                    rows.get(CheckNames.REDIRECT_EDGE_CACHED)
                            .evidence()
                            .contains("not from the edge: X-Cache: Miss from cloudfront"),
                    rows.get(CheckNames.REDIRECT_EDGE_CACHED).evidence());
            assertEquals(
                    Outcome.FAIL, rows.get(CheckNames.NOT_FOUND_EDGE_CACHED).outcome());
            assertEquals(Outcome.FAIL, rows.get(CheckNames.GONE_EDGE_CACHED).outcome());
            assertEquals(Outcome.PASS, rows.get(CheckNames.GONE_HTML).outcome());
            assertEquals(2, fixture.server.clicksOf("c000001"), "both GETs reached the origin");
        }
    }

    @Test
    void withoutCloudFront_theEdgeRowsAreSkipped_saying_why() {
        Fixture fixture = Fixture.over(server -> server.throughCloudFront = false);
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(edgeChecks());

            assertEquals(Outcome.SKIP, rows.get(CheckNames.REDIRECT_EDGE_CACHED).outcome());
            assertTrue(rows.get(CheckNames.REDIRECT_EDGE_CACHED).evidence().contains("no X-Cache header"));
            assertEquals(Outcome.PASS, rows.get(CheckNames.REDIRECT).outcome());
        }
    }

    @Test
    void aServerAnswering200_whereA404IsExpected_failsThatCheck() {
        Fixture fixture = Fixture.over(server -> server.unknownStatus = 200);
        try (fixture.server) {
            Map<String, Result> rows = fixture.run(
                    new CreateLinkCheck(),
                    ErrorPageChecks.notFound(CheckContext.HTML),
                    ErrorPageChecks.notFound(CheckContext.PROBLEM_JSON));

            assertEquals(Outcome.FAIL, rows.get(CheckNames.NOT_FOUND_HTML).outcome());
            assertTrue(
                    rows.get(CheckNames.NOT_FOUND_HTML).evidence().contains("1st 200 text/html")
                            && rows.get(CheckNames.NOT_FOUND_HTML).evidence().endsWith("expected 404"),
                    rows.get(CheckNames.NOT_FOUND_HTML).evidence());
            assertEquals(Outcome.FAIL, rows.get(CheckNames.NOT_FOUND_JSON).outcome());
        }
    }
}
