package dev.shortener.redirect;

import static dev.shortener.redirect.RedirectAssertions.assertRedirectsTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.redirect.http.RedirectResponses;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code GET|HEAD /} and {@code /robots.txt} through the handler, fed the committed sample events. */
class SitePagesTest {

    @Test
    void root_redirectsToRootRedirectUrl_whenSet_cachedAtTheEdgeOnly() {
        try (RedirectFixture fx =
                RedirectFixture.create(Map.of(RedirectConfig.ROOT_REDIRECT_URL, "https://www.example.com/about"))) {
            APIGatewayV2HTTPResponse response = fx.send(Events.ROOT, "unused");

            assertRedirectsTo("https://www.example.com/about", response);
            assertEquals("public, max-age=0, s-maxage=60", response.getHeaders().get("Cache-Control"));
            assertEquals("root_redirect", fx.lastRequestLog().get("outcome"));
            assertTrue(fx.clicks.clicks.isEmpty(), "the bare domain is no link: no click");
        }
    }

    @Test
    void root_withoutRootRedirectUrl_isASmallPageSayingWhatThisIs() {
        try (RedirectFixture fx = RedirectFixture.create()) {
            APIGatewayV2HTTPResponse response = fx.send(Events.ROOT, "unused");

            assertEquals(200, response.getStatusCode());
            assertTrue(response.getHeaders().get("Content-Type").startsWith("text/html"));
            assertTrue(response.getBody().contains("<h1>Short links</h1>"), response.getBody());
            assertFalse(response.getBody().contains("href="), "nothing to follow from the page");
            assertFalse(response.getBody().contains("/api"), "the API is not advertised");
            assertEquals("public, max-age=0, s-maxage=60", response.getHeaders().get("Cache-Control"));
            assertEquals("root_page", fx.lastRequestLog().get("outcome"));
            assertEquals(0, fx.handler.redisAttempts(), "no lookup for the bare domain");
        }
    }

    @Test
    void head_ofTheRootAndOfRobotsTxt_hasTheGetsStatusAndHeaders_andNoBody() {
        try (RedirectFixture fx = RedirectFixture.create()) {
            APIGatewayV2HTTPResponse rootGet = fx.send(Events.ROOT, "unused");
            APIGatewayV2HTTPResponse rootHead = fx.send(Events.ROOT_HEAD, "unused");
            APIGatewayV2HTTPResponse robotsGet = fx.send(Events.ROBOTS, "unused");
            APIGatewayV2HTTPResponse robotsHead = fx.send(Events.ROBOTS_HEAD, "unused");

            assertEquals(rootGet.getStatusCode(), rootHead.getStatusCode());
            assertEquals(rootGet.getHeaders(), rootHead.getHeaders());
            assertNull(rootHead.getBody());
            assertEquals(robotsGet.getStatusCode(), robotsHead.getStatusCode());
            assertEquals(robotsGet.getHeaders(), robotsHead.getHeaders());
            assertNull(robotsHead.getBody());
        }
    }

    @Test
    void robotsTxt_keepsCrawlersOffShortLinks_butNotOffThePageAtTheRoot() {
        try (RedirectFixture fx = RedirectFixture.create()) {
            APIGatewayV2HTTPResponse response = fx.send(Events.ROBOTS, "unused");

            assertEquals(200, response.getStatusCode());
            assertEquals("text/plain; charset=utf-8", response.getHeaders().get("Content-Type"));
            assertEquals(RedirectResponses.ROBOTS_TXT, response.getBody());
            String everyone = response.getBody().substring(response.getBody().indexOf("User-agent: *"));
            assertEquals("User-agent: *\nDisallow: /\nAllow: /$\n", everyone);
            assertEquals(
                    "public, max-age=86400, s-maxage=3600",
                    response.getHeaders().get("Cache-Control"));
            assertEquals("robots_txt", fx.lastRequestLog().get("outcome"));
        }
    }

    @Test
    void otherMethodsOnTheRoot_get405() {
        try (RedirectFixture fx = RedirectFixture.create()) {
            APIGatewayV2HTTPResponse response = fx.send(
                    Events.ROOT,
                    Events.SAMPLE_CODE,
                    post -> post.getRequestContext().getHttp().setMethod("POST"));

            assertEquals(405, response.getStatusCode());
        }
    }
}
