package dev.shortener.redirect.http;

import dev.shortener.analytics.Click;
import dev.shortener.http.OriginSecret;
import java.time.Instant;

/** Builds the click of a followed link from the request. The IP goes into the click only, never a log line. */
public final class Clicks {

    static final String VIEWER_ADDRESS = "cloudfront-viewer-address";

    private Clicks() {}

    /**
     * @param originSecret what the request must present for CloudFront's viewer headers to be believed; a direct
     *                     call to the API could send any
     */
    public static Click of(
            RedirectRequest request,
            String code,
            Instant at,
            String requestId,
            boolean cacheHit,
            OriginSecret originSecret) {
        boolean viaCloudFront = originSecret.vouchesFor(request.header(OriginSecret.HEADER));
        return new Click(
                code,
                at,
                viaCloudFront ? clientIp(request) : request.sourceIp(),
                request.header("user-agent"),
                request.header("referer"),
                viaCloudFront ? request.header("cloudfront-viewer-country") : null,
                requestId,
                cacheHit);
    }

    /**
     * The viewer's address. Behind CloudFront, API Gateway's source IP is CloudFront's, so the viewer is read
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
