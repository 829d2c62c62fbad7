package dev.shortener.redirect.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.http.HttpResponses;
import dev.shortener.http.Problem;
import dev.shortener.http.ProblemType;
import dev.shortener.redirect.domain.CacheTimes;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Every response the redirect function gives, with its caching headers. Browsers never cache anything
 * ({@code max-age=0}: an edited link must take effect), CloudFront caches redirects and previews for
 * {@code s-maxage} (never beyond the link's expiry) and 404/410 briefly.
 *
 * <p>{@code Referrer-Policy: strict-origin-when-cross-origin}: on a redirect, this header replaces the policy of
 * the navigation in flight, and a policy can only withhold a referrer already stripped, never restore it. So
 * destinations learn at most the origin of the page the link was clicked on, never its path or query (which may
 * hold private document ids or tokens), and nothing on an HTTPS-to-HTTP downgrade, whatever looser policy that
 * page set. It is also what browsers do by default. {@code unsafe-url} and {@code no-referrer-when-downgrade} would
 * hand full URLs to every destination; {@code no-referrer} would take away even the origin that sites use to
 * attribute their traffic. (Shlink and YOURLS send no Referrer-Policy, leaving the browser's default.)
 */
public final class RedirectResponses {

    public static final String REFERRER_POLICY = "strict-origin-when-cross-origin";
    /** Long enough for a DynamoDB blip to pass, short enough that a person retrying isn't kept waiting. */
    public static final int RETRY_AFTER_SECONDS = 5;

    public static final String ALLOW = "GET, HEAD";

    static final ProblemType GONE = ProblemType.named("gone", "Gone", 410);

    /**
     * Crawlers stay off short links: following them would count as clicks and index other people's destinations
     * under this domain. {@code Allow: /$} leaves the page at {@code /} (the most specific rule wins, RFC 9309).
     * Twitterbot and LinkedInBot honour robots.txt when they build the card of a shared link, and show none for a
     * disallowed URL, so they may follow links (each redirect still says {@code X-Robots-Tag: noindex}); Facebook's
     * and Slack's preview fetchers don't read robots.txt at all.
     */
    public static final String ROBOTS_TXT = "User-agent: Twitterbot\nAllow: /\n\n"
            + "User-agent: LinkedInBot\nAllow: /\n\n"
            + "User-agent: *\nDisallow: /\nAllow: /$\n";
    /** robots.txt changes only with a new version: an hour at the edge, a day in a crawler's or browser's cache. */
    static final String ROBOTS_CACHE_CONTROL = "public, max-age=86400, s-maxage=3600";

    private final CacheTimes times;

    public RedirectResponses(CacheTimes times) {
        this.times = Objects.requireNonNull(times, "times");
    }

    /** 302 to the destination: the edge may keep it until the link expires, browsers never. */
    public APIGatewayV2HTTPResponse redirect(String url, Instant expiresAt, Instant now) {
        Map<String, String> headers = common(edgeCache(times.edgeSeconds(expiresAt, now)));
        headers.put("Location", Locations.toAscii(url));
        return HttpResponses.response(302, null, null, headers);
    }

    /**
     * {@code GET /} with {@code ROOT_REDIRECT_URL} set: 302 there (a short domain on a poster gets typed without a
     * code). Cached like a link's redirect: at the edge for {@code EDGE_CACHE_SECONDS}, never by browsers, so a new
     * setting takes effect as fast as an edited link.
     */
    public APIGatewayV2HTTPResponse rootRedirect(String url) {
        Map<String, String> headers = common(edgeCache(times.edgeSeconds(null, null)));
        headers.put("Location", Locations.toAscii(url));
        return HttpResponses.response(302, null, null, headers);
    }

    /** {@code GET /} without {@code ROOT_REDIRECT_URL}: the page saying what this address is. */
    public APIGatewayV2HTTPResponse rootPage() {
        Map<String, String> headers = common(edgeCache(times.edgeSeconds(null, null)));
        headers.put("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        return HttpResponses.html(200, Pages.home(), headers);
    }

    public APIGatewayV2HTTPResponse robotsTxt() {
        Map<String, String> headers = common(ROBOTS_CACHE_CONTROL);
        return HttpResponses.response(200, "text/plain; charset=utf-8", ROBOTS_TXT, headers);
    }

    /** The page of {@code GET /{code}+}: where the link goes, before following it. */
    public APIGatewayV2HTTPResponse preview(String code, String url, Instant expiresAt, Instant now) {
        Map<String, String> headers = common(edgeCache(times.edgeSeconds(expiresAt, now)));
        headers.put("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        return HttpResponses.html(200, Pages.preview(code, Destination.of(url), expiresAt), headers);
    }

    /** @param code the code asked for, or null when the path was not a code at all */
    public APIGatewayV2HTTPResponse notFound(String code, boolean json) {
        Problem problem = Problem.of(
                ProblemType.NOT_FOUND,
                "No link exists at this address. Check that the short URL was copied completely.");
        return negotiated(
                json,
                code == null ? problem : problem.withInstance("/" + code),
                Pages.notFound(code),
                edgeCache(times.errorEdgeSeconds()));
    }

    public APIGatewayV2HTTPResponse gone(String code, boolean json) {
        Problem problem = Problem.of(GONE, "This link has expired or was removed by its owner.")
                .withInstance("/" + code);
        return negotiated(json, problem, Pages.gone(code), edgeCache(times.errorEdgeSeconds()));
    }

    /**
     * 503 when the code is not cached and DynamoDB can't answer. {@code no-store} keeps it out of browsers;
     * CloudFront ignores it on a 503 and applies the distribution's error-caching minimum TTL instead.
     */
    public APIGatewayV2HTTPResponse unavailable(boolean json) {
        Problem problem = Problem.of(
                ProblemType.SERVICE_UNAVAILABLE, "The link can't be looked up right now. Try again in a few seconds.");
        APIGatewayV2HTTPResponse response = negotiated(json, problem, Pages.unavailable(), "no-store");
        response.getHeaders().put("Retry-After", Integer.toString(RETRY_AFTER_SECONDS));
        return response;
    }

    public APIGatewayV2HTTPResponse methodNotAllowed() {
        Map<String, String> headers = common("no-store");
        headers.put("Allow", ALLOW);
        Problem problem = Problem.of(ProblemType.METHOD_NOT_ALLOWED, "Short links answer GET and HEAD only.");
        return HttpResponses.response(405, Problem.MEDIA_TYPE, problem.toJson(), headers);
    }

    /** Reveals nothing: the log line has the details. */
    public APIGatewayV2HTTPResponse internalError() {
        Problem problem = Problem.of(ProblemType.INTERNAL_ERROR, "Something went wrong on our side. Please try again.");
        return HttpResponses.response(500, Problem.MEDIA_TYPE, problem.toJson(), common("no-store"));
    }

    /** A HEAD response: the same status and headers as the GET, no body. */
    public static APIGatewayV2HTTPResponse withoutBody(APIGatewayV2HTTPResponse response) {
        response.setBody(null);
        return response;
    }

    private APIGatewayV2HTTPResponse negotiated(boolean json, Problem problem, String page, String cacheControl) {
        Map<String, String> headers = common(cacheControl);
        // The body depends on Accept. (CloudFront ignores Vary: its cache key must carry a normalised Accept.)
        headers.put("Vary", "Accept");
        if (json) {
            return HttpResponses.response(problem.status(), Problem.MEDIA_TYPE, problem.toJson(), headers);
        }
        headers.put("Content-Security-Policy", Pages.CONTENT_SECURITY_POLICY);
        return HttpResponses.html(problem.status(), page, headers);
    }

    private static Map<String, String> common(String cacheControl) {
        Map<String, String> headers = new HashMap<>();
        headers.put("Cache-Control", cacheControl);
        headers.put("X-Robots-Tag", "noindex");
        headers.put("Referrer-Policy", REFERRER_POLICY);
        return headers;
    }

    private static String edgeCache(int sMaxAge) {
        return "public, max-age=0, s-maxage=" + sMaxAge;
    }
}
