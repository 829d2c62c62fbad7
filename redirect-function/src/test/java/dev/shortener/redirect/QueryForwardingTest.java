package dev.shortener.redirect;

import static dev.shortener.redirect.RedirectAssertions.assertRedirectsTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.linkcache.CachedLink;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-link query forwarding through the handler, fed the committed sample event with a query
 * ({@code redirect-get-query.json}), cache-aside over a real redis-server and dynalite: the flag comes from the
 * table on a miss, goes into Redis with the destination, and comes back out of it on a hit.
 */
class QueryForwardingTest {

    private static final String SAMPLE_QUERY = "utm_source=newsletter&utm_medium=email&ref=%E2%9C%93";

    private RedirectFixture fx;

    @BeforeEach
    void start() {
        fx = RedirectFixture.create(Map.of(RedirectConfig.MAX_REDIRECT_URL_LENGTH, "100"));
    }

    @AfterEach
    void stop() {
        fx.close();
    }

    @Test
    void aForwardingLink_getsTheVisitorsQueryMerged_onAMissAndOnTheHitAfterIt() {
        fx.forwardingLink("fwd0001", "https://example.com/offer?id=7#terms");

        APIGatewayV2HTTPResponse miss = fx.send(Events.GET_QUERY, "fwd0001");
        Map<String, Object> missLog = fx.lastRequestLog();
        APIGatewayV2HTTPResponse hit = fx.send(Events.GET_QUERY, "fwd0001");

        String expected = "https://example.com/offer?id=7&" + SAMPLE_QUERY + "#terms";
        assertRedirectsTo(expected, miss);
        assertEquals("miss", missLog.get("outcome"));
        assertEquals("merged", missLog.get("query"));
        assertEquals(
                Optional.of(CachedLink.found("https://example.com/offer?id=7#terms", 0, true)),
                fx.cache.get("fwd0001"),
                "the flag is cached with the destination, never the merged URL");
        assertEquals(expected, hit.getHeaders().get("Location"));
        assertEquals("hit", fx.lastRequestLog().get("outcome"));
        assertFalse(fx.logText().contains("newsletter"), "the visitor's query is never logged");
    }

    @Test
    void aLinkThatDoesNotForward_dropsTheQuery_asBefore() {
        fx.link("plain01", "https://example.com/offer?id=7", null);

        APIGatewayV2HTTPResponse miss = fx.send(Events.GET_QUERY, "plain01");
        APIGatewayV2HTTPResponse hit = fx.send(Events.GET_QUERY, "plain01");

        assertEquals("https://example.com/offer?id=7", miss.getHeaders().get("Location"));
        assertEquals("https://example.com/offer?id=7", hit.getHeaders().get("Location"));
        assertNull(fx.lastRequestLog().get("query"), "nothing to say about a query for a link that ignores it");
    }

    @Test
    void aForwardingLink_withoutAQuery_redirectsToTheDestinationAsStored() {
        fx.forwardingLink("fwd0002", "https://example.com/offer?id=7");

        APIGatewayV2HTTPResponse response = fx.get("fwd0002");

        assertEquals("https://example.com/offer?id=7", response.getHeaders().get("Location"));
        assertEquals("none", fx.lastRequestLog().get("query"));
    }

    @Test
    void theVisitorsValueWins_forAParameterTheDestinationHasToo() {
        fx.forwardingLink("fwd0003", "https://example.com/?utm_source=poster&id=7");

        APIGatewayV2HTTPResponse response = fx.send(Events.GET_QUERY, "fwd0003");

        assertEquals(
                "https://example.com/?utm_source=newsletter&id=7&utm_medium=email&ref=%E2%9C%93",
                response.getHeaders().get("Location"));
    }

    /** MAX_REDIRECT_URL_LENGTH is 100 here: the merge would make 114 characters. */
    @Test
    void aMergeOverTheLengthCap_sendsThePlainDestination_andSaysSoInTheLog() {
        String destination = "https://example.com/" + "p".repeat(40); // 60 characters
        fx.forwardingLink("fwd0004", destination);

        APIGatewayV2HTTPResponse response = fx.send(Events.GET_QUERY, "fwd0004");

        assertRedirectsTo(destination, response);
        assertEquals("dropped_too_long", fx.lastRequestLog().get("query"));
    }

    @Test
    void head_ofAForwardingLink_hasTheSameLocationAsGet() {
        fx.forwardingLink("fwd0005", "https://example.com/");
        APIGatewayV2HTTPResponse response = fx.send(
                Events.GET_QUERY,
                "fwd0005",
                head -> head.getRequestContext().getHttp().setMethod("HEAD"));

        assertEquals(
                "https://example.com/?" + SAMPLE_QUERY, response.getHeaders().get("Location"));
        assertNull(response.getBody());
        assertEquals(0, fx.clicks.clicks.size(), "HEAD is no click");
    }

    @Test
    void thePreview_showsTheDestinationAsStored_notMerged() {
        fx.forwardingLink("fwd0006", "https://example.com/landing");
        APIGatewayV2HTTPResponse response =
                fx.send(Events.GET_QUERY, "fwd0006", preview -> preview.setRawPath("/fwd0006+"));

        assertEquals(200, response.getStatusCode());
        assertFalse(response.getBody().contains("newsletter"), response.getBody());
    }

    /** A query is the visitor's to write: what may not stand raw in a Location header is percent-encoded there. */
    @Test
    void unsafeCharactersInTheVisitorsQuery_arePercentEncodedInTheLocation() {
        fx.forwardingLink("fwd0007", "https://example.com/");
        APIGatewayV2HTTPResponse response = fx.send(
                Events.GET_QUERY, "fwd0007", event -> event.setRawQueryString("q=<script>\"x\"&s=a b&u=\u00fc"));

        assertEquals(
                "https://example.com/?q=%3Cscript%3E%22x%22&s=a%20b&u=%C3%BC",
                response.getHeaders().get("Location"));
    }
}
