package dev.shortener.links;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * A change to a link's destination and/or expiry. A {@code null} field is left as it is; {@code removeExpiry}
 * makes the link permanent.
 */
public record LinkChange(String url, Instant expiresAt, boolean removeExpiry) {

    public LinkChange {
        if (removeExpiry && expiresAt != null) {
            throw new IllegalArgumentException("either set an expiry or remove it, not both");
        }
        if (url == null && expiresAt == null && !removeExpiry) {
            throw new IllegalArgumentException("a change must change something");
        }
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
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
