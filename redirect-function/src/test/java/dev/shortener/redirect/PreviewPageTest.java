package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;

/** {@code GET /{code}+}: where a link goes, shown safely, before anyone follows it. */
class PreviewPageTest {

    @AutoClose
    private final RedirectFixture fx = RedirectFixture.create();

    @Test
    void preview_escapesAHostileDestination() {
        String hostile = "https://evil.example/<script>alert(1)</script>?q=\"'><img src=x onerror=alert(2)>";
        fx.link("prev001", hostile, null);

        APIGatewayV2HTTPResponse response = fx.send(Events.PREVIEW, "prev001");

        assertEquals(200, response.getStatusCode());
        assertEquals("text/html; charset=utf-8", response.getHeaders().get("Content-Type"));
        String page = response.getBody();
        assertFalse(page.contains("<script"), page);
        assertFalse(page.contains("<img"), page);
        assertFalse(page.contains("onerror=alert(2)>"), page);
        assertTrue(
                page.contains(
                        "/&lt;script&gt;alert(1)&lt;/script&gt;?q=&quot;&#39;&gt;&lt;img src=x onerror=alert(2)&gt;"),
                page);
        // The one link's href is a single quoted attribute: the quote in the URL can't end it.
        assertEquals(1, page.split("<a ", -1).length - 1);
        assertTrue(
                page.contains(
                        "<a href=\"https://evil.example/%3Cscript%3Ealert(1)%3C/script%3E?q=%22&#39;%3E%3Cimg%20"),
                page);
        assertTrue(page.contains("<p class=\"host\">evil.example</p>"), page);
        assertTrue(response.getHeaders().get("Content-Security-Policy").startsWith("default-src 'none'"));
        assertTrue(fx.clicks.clicks.isEmpty(), "a preview is not a click");
    }

    @Test
    void preview_showsTheHostInPunycode() {
        fx.link("prev002", "https://b\u00fccher.example/stra\u00dfe?x=1", null);

        APIGatewayV2HTTPResponse response = fx.send(Events.PREVIEW, "prev002");

        assertEquals(200, response.getStatusCode());
        assertTrue(response.getBody().contains("<p class=\"host\">xn--bcher-kva.example</p>"), response.getBody());
        assertTrue(response.getBody().contains("https://xn--bcher-kva.example/stra\u00dfe?x=1"));
        assertTrue(response.getBody().contains("Continue to xn--bcher-kva.example"));
    }

    @Test
    void preview_isCachedAtTheEdgeLikeTheRedirect_andNotIndexed() {
        fx.link("prev003", "https://example.com/", fx.clock.instant().plusSeconds(40));

        APIGatewayV2HTTPResponse response = fx.send(Events.PREVIEW, "prev003");

        assertEquals("public, max-age=0, s-maxage=40", response.getHeaders().get("Cache-Control"));
        assertEquals("noindex", response.getHeaders().get("X-Robots-Tag"));
        assertTrue(response.getBody().contains("<meta name=\"robots\" content=\"noindex\">"));
    }

    @Test
    void preview_ofAnUnknownOrGoneCode_is404Or410() {
        fx.link("prev004", "https://example.com/", fx.clock.instant().minusSeconds(1));

        assertEquals(404, fx.send(Events.PREVIEW, "nopre01").getStatusCode());
        assertEquals(410, fx.send(Events.PREVIEW, "prev004").getStatusCode());
    }
}
