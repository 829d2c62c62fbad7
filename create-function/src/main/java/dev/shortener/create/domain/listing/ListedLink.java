package dev.shortener.create.domain.listing;

import dev.shortener.links.Link;
import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;

/**
 * A link as a listing shows it: an active or expired link, or the tombstone of a deleted one (which has no
 * destination any more, only its code, creation time, deletion time and tags).
 *
 * @param link      the link; null for a deleted one
 * @param deletedAt when it was deleted; null unless {@code status} is {@link ListFilter.Status#DELETED}
 */
public record ListedLink(
        String code,
        ListFilter.Status status,
        Link link,
        Instant createdAt,
        Instant deletedAt,
        SortedSet<String> tags,
        long clickCount) {

    public ListedLink {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(tags, "tags");
        if ((status == ListFilter.Status.DELETED) != (link == null)) {
            throw new IllegalArgumentException("a deleted link has no destination, any other one has: " + code);
        }
    }
}
