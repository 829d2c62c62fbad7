package dev.shortener.create.domain.link;

import java.time.Instant;
import java.util.Objects;

/**
 * A create request that passed validation.
 *
 * @param url       the destination, normalised
 * @param alias     the custom alias, or null for a minted code
 * @param expiresAt when the link expires (to the second), or null for never
 * @param forwardQuery whether the redirect merges the visitor's query string into the destination
 */
public record NewLink(String url, String alias, Instant expiresAt, boolean forwardQuery) {

    public NewLink {
        Objects.requireNonNull(url, "url");
    }

    /** A link that does not forward the visitor's query string. */
    public NewLink(String url, String alias, Instant expiresAt) {
        this(url, alias, expiresAt, false);
    }

    public boolean hasAlias() {
        return alias != null;
    }
}
