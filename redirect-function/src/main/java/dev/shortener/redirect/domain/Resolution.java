package dev.shortener.redirect.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * What a code resolved to, and how: the domain's answer, before any HTTP.
 *
 * @param status      what the code leads to
 * @param url         the destination, for {@link Status#ACTIVE} only
 * @param expiresAt   the link's expiry, for {@link Status#ACTIVE} only; null for never
 * @param cache       what the cache contributed
 * @param cacheError  the type of the Redis failure, or null
 * @param sourceError the type of the DynamoDB failure, for {@link Status#UNAVAILABLE} only
 * @param forwardQuery whether the visitor's query string goes to the destination, for {@link Status#ACTIVE} only
 */
public record Resolution(
        Status status,
        String url,
        Instant expiresAt,
        CacheUse cache,
        String cacheError,
        String sourceError,
        boolean forwardQuery) {

    public enum Status {
        ACTIVE,
        NOT_FOUND,
        /** Expired or deleted: 410, never a redirect. */
        GONE,
        /** Not cached, and DynamoDB could not answer: 503. */
        UNAVAILABLE
    }

    public Resolution {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(cache, "cache");
        if ((status == Status.ACTIVE) != (url != null)) {
            throw new IllegalArgumentException("a url goes with ACTIVE, and only with it");
        }
    }

    static Resolution active(String url, Instant expiresAt, boolean forwardQuery, CacheRead read) {
        return new Resolution(Status.ACTIVE, url, expiresAt, read.use(), read.error(), null, forwardQuery);
    }

    static Resolution of(Status status, CacheRead read) {
        return new Resolution(status, null, null, read.use(), read.error(), null, false);
    }

    static Resolution unavailable(CacheRead read, String sourceError) {
        return new Resolution(Status.UNAVAILABLE, null, null, read.use(), read.error(), sourceError, false);
    }
}
