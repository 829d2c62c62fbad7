package dev.shortener.redirect.domain;

import java.time.Duration;
import java.time.Instant;

/**
 * How long each answer may be kept, in Redis and at the edge. A link's expiry bounds both: nothing may go on
 * redirecting after the moment a link stops working.
 *
 * @param linkSeconds      Redis TTL of a link or a gone link (updates and deletes invalidate the entry at once)
 * @param negativeSeconds  Redis TTL of "no such code": short, because a custom alias may be created any moment
 * @param edgeSeconds      CloudFront s-maxage of a redirect
 * @param errorEdgeSeconds CloudFront s-maxage of 404 and 410
 */
public record CacheTimes(long linkSeconds, long negativeSeconds, int edgeSeconds, int errorEdgeSeconds) {

    public CacheTimes {
        if (linkSeconds < 1 || negativeSeconds < 1 || edgeSeconds < 0 || errorEdgeSeconds < 0) {
            throw new IllegalArgumentException("cache times must be positive (edge times may be 0)");
        }
    }

    /**
     * Redis TTL of a live link: the configured TTL, cut to the seconds left until expiry, rounded up (an entry
     * outliving the expiry by under a second is harmless: a cached link past its expiry reads as gone).
     */
    public long redisSeconds(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return linkSeconds;
        }
        Duration left = Duration.between(now, expiresAt);
        long roundedUp = left.getSeconds() + (left.getNano() > 0 ? 1 : 0);
        return Math.max(1, Math.min(linkSeconds, roundedUp));
    }

    /** s-maxage of a redirect: the edge TTL, cut to the whole seconds left until expiry (rounded down, so 0 near it). */
    public int edgeSeconds(Instant expiresAt, Instant now) {
        if (expiresAt == null) {
            return edgeSeconds;
        }
        long left = Duration.between(now, expiresAt).toSeconds();
        return (int) Math.max(0, Math.min(edgeSeconds, left));
    }
}
