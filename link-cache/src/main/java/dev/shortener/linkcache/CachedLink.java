package dev.shortener.linkcache;

import java.time.Instant;
import java.util.Objects;

/**
 * What Redis holds for a code: its destination and expiry, or the remembered answer that there is none (negative
 * caching, so scanners walking random codes don't all reach DynamoDB).
 *
 * @param state               what a lookup found
 * @param url                 the destination, for {@link State#FOUND} only
 * @param expiresAtEpochSecond the link's expiry in epoch seconds, 0 for never
 * @param forwardQuery        whether the redirect merges the visitor's query string into the destination
 *                            ({@link State#FOUND} only)
 */
public record CachedLink(State state, String url, long expiresAtEpochSecond, boolean forwardQuery) {

    public enum State {
        FOUND,
        NOT_FOUND,
        GONE
    }

    private static final CachedLink NOT_FOUND = new CachedLink(State.NOT_FOUND, null, 0, false);
    private static final CachedLink GONE = new CachedLink(State.GONE, null, 0, false);

    public CachedLink {
        Objects.requireNonNull(state, "state");
        if ((state == State.FOUND) != (url != null)) {
            throw new IllegalArgumentException("a url goes with FOUND, and only with it");
        }
        if (forwardQuery && state != State.FOUND) {
            throw new IllegalArgumentException("only a found link forwards a query");
        }
    }

    /** A link that does not forward the visitor's query string. */
    public static CachedLink found(String url, long expiresAtEpochSecond) {
        return found(url, expiresAtEpochSecond, false);
    }

    public static CachedLink found(String url, long expiresAtEpochSecond, boolean forwardQuery) {
        return new CachedLink(State.FOUND, url, expiresAtEpochSecond, forwardQuery);
    }

    /** A link that does not forward the visitor's query string; {@code expiresAt} null for never. */
    public static CachedLink found(String url, Instant expiresAt) {
        return found(url, expiresAt, false);
    }

    /** @param expiresAt null for a link that never expires */
    public static CachedLink found(String url, Instant expiresAt, boolean forwardQuery) {
        return found(url, expiresAt == null ? 0 : expiresAt.getEpochSecond(), forwardQuery);
    }

    /** No link under this code. */
    public static CachedLink notFound() {
        return NOT_FOUND;
    }

    /** Expired or deleted. */
    public static CachedLink gone() {
        return GONE;
    }

    public boolean expires() {
        return expiresAtEpochSecond > 0;
    }
}
