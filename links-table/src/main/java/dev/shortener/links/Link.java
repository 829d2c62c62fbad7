package dev.shortener.links;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Collections;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A short link as stored in the links table.
 *
 * <p>Times are kept to the second, as they are stored (the TTL attribute is in epoch seconds).
 *
 * @param code         the short code or alias, also the item's key
 * @param url          the destination, already validated and normalised
 * @param createdAt    when the link was created
 * @param expiresAt    when the link stops working, or {@code null} for never
 * @param createdBy    the owner (the id of the API key that created it)
 * @param clickCount   clicks counted so far (updated asynchronously from the click stream)
 * @param forwardQuery whether a visitor's query string is merged into the destination when they follow the link
 * @param tags         the owner's labels for it, sorted (empty when none)
 */
public record Link(
        String code,
        String url,
        Instant createdAt,
        Instant expiresAt,
        String createdBy,
        long clickCount,
        boolean forwardQuery,
        SortedSet<String> tags) {

    private static final SortedSet<String> EMPTY_TAGS = Collections.unmodifiableSortedSet(new TreeSet<>());

    public Link {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdBy, "createdBy");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (clickCount < 0) {
            throw new IllegalArgumentException("clickCount must not be negative: " + clickCount);
        }
        tags = tags == null ? EMPTY_TAGS : Collections.unmodifiableSortedSet(new TreeSet<>(tags));
    }

    /** A link without tags that does not forward the visitor's query string. */
    public Link(String code, String url, Instant createdAt, Instant expiresAt, String createdBy, long clickCount) {
        this(code, url, createdAt, expiresAt, createdBy, clickCount, false, EMPTY_TAGS);
    }

    /** A new link, not clicked yet, without tags, that does not forward the visitor's query string. */
    public static Link create(String code, String url, Instant createdAt, Instant expiresAt, String createdBy) {
        return new Link(code, url, createdAt, expiresAt, createdBy, 0);
    }

    /** This link, forwarding the visitor's query string or not. */
    public Link withForwardQuery(boolean forward) {
        return new Link(code, url, createdAt, expiresAt, createdBy, clickCount, forward, tags);
    }

    /** The same link with these tags. */
    public Link withTags(Collection<String> newTags) {
        return new Link(code, url, createdAt, expiresAt, createdBy, clickCount, forwardQuery, new TreeSet<>(newTags));
    }

    /** True from the expiry instant on, whether or not DynamoDB has deleted the item yet. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean expires() {
        return expiresAt != null;
    }
}
