package dev.shortener.redirect.http;

import dev.shortener.analytics.Click;
import java.time.Instant;

/** Builds the click of a followed link from the request. The IP goes into the click only, never a log line. */
public final class Clicks {

    static final String VIEWER_ADDRESS = "cloudfront-viewer-address";

    private Clicks() {}

    /**
     * CloudFront's viewer headers are believed as they are: the function URL takes only requests this
     * distribution signed (origin access control, AWS_IAM auth), so no caller can reach the function with
     * headers of its own choosing, and CloudFront sets {@code CloudFront-Viewer-*} itself.
     */
    public static Click of(RedirectRequest request, String code, Instant at, String requestId, boolean cacheHit) {
        return new Click(
                code,
                at,
                clientIp(request),
                request.header("user-agent"),
                request.header("referer"),
                request.header("cloudfront-viewer-country"),
                requestId,
                cacheHit);
    }

    /**
     * The viewer's address. Behind CloudFront, the event's source IP is CloudFront's, so the viewer is read
     * from {@code CloudFront-Viewer-Address} ({@code ip:port}; IPv6 unbracketed, so the port follows the last
     * colon). Without CloudFront (direct calls, the local runner) the source IP is the viewer.
     */
    static String clientIp(RedirectRequest request) {
        String viewer = request.header(VIEWER_ADDRESS);
        if (viewer != null && !viewer.isBlank()) {
            String address = viewer.trim();
            int colon = address.lastIndexOf(':');
            String ip = colon > 0 ? address.substring(0, colon) : address;
            if (ip.startsWith("[") && ip.endsWith("]")) {
                ip = ip.substring(1, ip.length() - 1);
            }
            if (!ip.isEmpty()) {
                return ip;
            }
        }
        return request.sourceIp();
    }
}
