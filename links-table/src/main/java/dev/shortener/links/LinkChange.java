package dev.shortener.links;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;

/**
 * A change to a link's destination, expiry, query forwarding and/or tags. A {@code null} field is left as it is;
 * {@code removeExpiry} makes the link permanent; {@code tags} replaces the whole set (empty clears it).
 */
public record LinkChange(String url, Instant expiresAt, boolean removeExpiry, Boolean forwardQuery, Set<String> tags) {

    public LinkChange {
        if (removeExpiry && expiresAt != null) {
            throw new IllegalArgumentException("either set an expiry or remove it, not both");
        }
        if (url == null && expiresAt == null && !removeExpiry && forwardQuery == null && tags == null) {
            throw new IllegalArgumentException("a change must change something");
        }
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        tags = tags == null ? null : Set.copyOf(tags);
    }

    /** A change that leaves query forwarding and the tags as they are. */
    public LinkChange(String url, Instant expiresAt, boolean removeExpiry) {
        this(url, expiresAt, removeExpiry, null, null);
    }

    /** This change, also turning query forwarding on or off ({@code null}: leaving it). */
    public LinkChange withForwardQuery(Boolean forward) {
        return new LinkChange(url, expiresAt, removeExpiry, forward, tags);
    }

    /** This change, also replacing the tags ({@code null}: leaving them). */
    public LinkChange withTags(Set<String> newTags) {
        return new LinkChange(url, expiresAt, removeExpiry, forwardQuery, newTags);
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
        return new LinkChange(null, null, false, forward, null);
    }

    public static LinkChange tagged(Set<String> tags) {
        return new LinkChange(null, null, false, null, tags);
    }
}
