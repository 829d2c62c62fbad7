package dev.shortener.links;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A change to a link's destination, expiry and/or query forwarding. A {@code null} field is left as it is;
 * {@code removeExpiry} makes the link permanent.
 */
public record LinkChange(String url, Instant expiresAt, boolean removeExpiry, Boolean forwardQuery) {

    public LinkChange {
        if (removeExpiry && expiresAt != null) {
            throw new IllegalArgumentException("either set an expiry or remove it, not both");
        }
        if (url == null && expiresAt == null && !removeExpiry && forwardQuery == null) {
            throw new IllegalArgumentException("a change must change something");
        }
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
    }

    /** A change that leaves query forwarding as it is. */
    public LinkChange(String url, Instant expiresAt, boolean removeExpiry) {
        this(url, expiresAt, removeExpiry, null);
    }

    /** This change, also turning query forwarding on or off ({@code null}: leaving it). */
    public LinkChange withForwardQuery(Boolean forward) {
        return new LinkChange(url, expiresAt, removeExpiry, forward);
    }

    public static LinkChange destination(String url) {
        return new LinkChange(url, null, false);
    }

    public static LinkChange expiry(Instant expiresAt) {
        return new LinkChange(null, expiresAt, false);
    }

    public static LinkChange noExpiry() {
        return new LinkChange(null, null, true);
    }

    public static LinkChange forwarding(boolean forward) {
        return new LinkChange(null, null, false, forward);
    }
}
