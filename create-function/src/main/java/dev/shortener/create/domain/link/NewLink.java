package dev.shortener.create.domain.link;

import java.time.Instant;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A create request that passed validation.
 *
 * @param url          the destination, normalised
 * @param alias        the custom alias, or null for a minted code
 * @param expiresAt    when the link expires (to the second), or null for never
 * @param forwardQuery whether the redirect merges the visitor's query string into the destination
 * @param tags         the link's tags, validated and normalised (empty for none)
 */
public record NewLink(String url, String alias, Instant expiresAt, boolean forwardQuery, SortedSet<String> tags) {

    public NewLink {
        Objects.requireNonNull(url, "url");
        tags = tags == null ? new TreeSet<>() : new TreeSet<>(tags);
    }

    /** A request without tags, for a link that does not forward the visitor's query string. */
    public NewLink(String url, String alias, Instant expiresAt) {
        this(url, alias, expiresAt, false, null);
    }

    public boolean hasAlias() {
        return alias != null;
    }
}
