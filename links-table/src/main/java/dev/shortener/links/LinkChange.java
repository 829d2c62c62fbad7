package dev.shortener.links;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A change to a link's destination, expiry and/or tags. A {@code null} field is left as it is; {@code removeExpiry}
 * makes the link permanent; {@code tags} replaces the whole set (empty clears it).
 */
public record LinkChange(String url, Instant expiresAt, boolean removeExpiry, Set<String> tags) {

    public LinkChange {
        if (removeExpiry && expiresAt != null) {
            throw new IllegalArgumentException("either set an expiry or remove it, not both");
        }
        if (url == null && expiresAt == null && !removeExpiry && tags == null) {
            throw new IllegalArgumentException("a change must change something");
        }
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        tags = tags == null ? null : Set.copyOf(tags);
    }

    /** A change that leaves the tags as they are. */
    public LinkChange(String url, Instant expiresAt, boolean removeExpiry) {
        this(url, expiresAt, removeExpiry, null);
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
}
