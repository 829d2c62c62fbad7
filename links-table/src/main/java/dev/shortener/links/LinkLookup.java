package dev.shortener.links;

import java.time.Instant;
import java.util.Objects;

/**
 * What a read of a code found. A link past its expiry reads as {@link Status#EXPIRED} even while DynamoDB still
 * holds the item, and a deleted link as {@link Status#DELETED}: both answer {@code 410 Gone}, never a redirect.
 */
public record LinkLookup(Status status, Link link) {

    public enum Status {
        ACTIVE,
        EXPIRED,
        DELETED,
        NOT_FOUND
    }

    private static final LinkLookup NOT_FOUND = new LinkLookup(Status.NOT_FOUND, null);
    private static final LinkLookup DELETED = new LinkLookup(Status.DELETED, null);

    public LinkLookup {
        Objects.requireNonNull(status, "status");
        if ((status == Status.ACTIVE || status == Status.EXPIRED) != (link != null)) {
            throw new IllegalArgumentException("a link goes with ACTIVE or EXPIRED, and only with them: " + status);
        }
    }

    public static LinkLookup active(Link link) {
        return new LinkLookup(Status.ACTIVE, link);
    }

    public static LinkLookup expired(Link link) {
        return new LinkLookup(Status.EXPIRED, link);
    }

    /** A link as it reads at {@code now}: expired once its expiry has passed, active before. */
    public static LinkLookup of(Link link, Instant now) {
        return link.isExpiredAt(now) ? expired(link) : active(link);
    }

    public static LinkLookup deleted() {
        return DELETED;
    }

    public static LinkLookup notFound() {
        return NOT_FOUND;
    }
}
