package dev.shortener.create.api;

import dev.shortener.http.OriginSecret;
import java.util.Objects;

/**
 * Which address a request came from, for the per-client rate limit: the one a trusted proxy in front of the API
 * names in a header (CloudFront's {@code CloudFront-Viewer-Address}) when the request presents the origin secret
 * that proves it passed through that proxy, else the connection's source address as API Gateway saw it. A header
 * anyone could set is never believed on its own: it would let a client pick a fresh bucket per request.
 */
public final class ClientAddresses {

    private final String header;
    private final OriginSecret originSecret;

    /**
     * @param header       the trusted proxy's header naming the client's address, or null to always use the
     *                     connection's source address
     * @param originSecret what a request must present for {@code header} to be believed
     */
    public ClientAddresses(String header, OriginSecret originSecret) {
        this.header = header;
        this.originSecret = Objects.requireNonNull(originSecret, "originSecret");
    }

    /** The client's address; the header's value is {@code address:port}, IPv6 without brackets. */
    String of(ApiRequest request) {
        boolean trusted = header != null && originSecret.vouchesFor(request.header(OriginSecret.HEADER));
        String forwarded = trusted ? request.header(header) : null;
        if (forwarded == null || forwarded.isBlank()) {
            return request.sourceIp();
        }
        int colon = forwarded.lastIndexOf(':');
        return colon > 0 ? forwarded.substring(0, colon).strip() : forwarded.strip();
    }
}
