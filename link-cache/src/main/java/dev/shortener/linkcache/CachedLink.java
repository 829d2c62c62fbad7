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
 */
public record CachedLink(State state, String url, long expiresAtEpochSecond) {

    public enum State {
        FOUND,
        NOT_FOUND,
        GONE
    }

    private static final CachedLink NOT_FOUND = new CachedLink(State.NOT_FOUND, null, 0);
    private static final CachedLink GONE = new CachedLink(State.GONE, null, 0);

    public CachedLink {
        Objects.requireNonNull(state, "state");
        if ((state == State.FOUND) != (url != null)) {
            throw new IllegalArgumentException("a url goes with FOUND, and only with it");
        }
    }

    public static CachedLink found(String url, long expiresAtEpochSecond) {
        return new CachedLink(State.FOUND, url, expiresAtEpochSecond);
    }

    /** @param expiresAt null for a link that never expires */
    public static CachedLink found(String url, Instant expiresAt) {
        return found(url, expiresAt == null ? 0 : expiresAt.getEpochSecond());
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
