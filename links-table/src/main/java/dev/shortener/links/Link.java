package dev.shortener.links;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A short link as stored in the links table.
 *
 * <p>Times are kept to the second, as they are stored (the TTL attribute is in epoch seconds).
 *
 * @param code       the short code or alias, also the item's key
 * @param url        the destination, already validated and normalised
 * @param createdAt  when the link was created
 * @param expiresAt  when the link stops working, or {@code null} for never
 * @param createdBy  the owner (the id of the API key that created it)
 * @param clickCount clicks counted so far (updated asynchronously from the click stream)
 * @param forwardQuery whether a visitor's query string is merged into the destination when they follow the link
 */
public record Link(
        String code,
        String url,
        Instant createdAt,
        Instant expiresAt,
        String createdBy,
        long clickCount,
        boolean forwardQuery) {

    public Link {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(createdBy, "createdBy");
        createdAt = Objects.requireNonNull(createdAt, "createdAt").truncatedTo(ChronoUnit.SECONDS);
        expiresAt = expiresAt == null ? null : expiresAt.truncatedTo(ChronoUnit.SECONDS);
        if (clickCount < 0) {
            throw new IllegalArgumentException("clickCount must not be negative: " + clickCount);
        }
    }

    /** A link that does not forward the visitor's query string. */
    public Link(String code, String url, Instant createdAt, Instant expiresAt, String createdBy, long clickCount) {
        this(code, url, createdAt, expiresAt, createdBy, clickCount, false);
    }

    /** A new link, not clicked yet, that does not forward the visitor's query string. */
    public static Link create(String code, String url, Instant createdAt, Instant expiresAt, String createdBy) {
        return new Link(code, url, createdAt, expiresAt, createdBy, 0, false);
    }

    /** This link, forwarding the visitor's query string or not. */
    public Link withForwardQuery(boolean forward) {
        return new Link(code, url, createdAt, expiresAt, createdBy, clickCount, forward);
    }

    /** True from the expiry instant on, whether or not DynamoDB has deleted the item yet. */
    public boolean isExpiredAt(Instant now) {
        return expiresAt != null && !now.isBefore(expiresAt);
    }

    public boolean expires() {
        return expiresAt != null;
    }
}
