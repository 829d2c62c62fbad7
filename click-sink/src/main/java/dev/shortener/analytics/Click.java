package dev.shortener.analytics;

import java.time.Instant;
import java.util.Objects;

/**
 * The raw facts of one followed link, as the redirect function sees them. The client IP is here only so that
 * the click event can derive an anonymised prefix and a visitor id from it: it never leaves the function, in
 * events or in logs.
 *
 * @param code      the short code followed
 * @param at        when
 * @param clientIp  the viewer's address (CloudFront-Viewer-Address or the API Gateway source IP); may be null
 * @param userAgent the User-Agent header; may be null
 * @param referer   the Referer header; may be null
 * @param country   CloudFront-Viewer-Country; may be null
 * @param requestId the invocation's request id
 * @param cacheHit  whether Redis answered the lookup
 */
public record Click(
        String code,
        Instant at,
        String clientIp,
        String userAgent,
        String referer,
        String country,
        String requestId,
        boolean cacheHit) {

    public Click {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(at, "at");
    }

    /** Never prints the IP address. */
    @Override
    public String toString() {
        return "Click[code=" + code + ", at=" + at + ", requestId=" + requestId + ", cacheHit=" + cacheHit + "]";
    }
}
