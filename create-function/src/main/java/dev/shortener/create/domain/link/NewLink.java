package dev.shortener.create.domain.link;

import java.time.Instant;
import java.util.Objects;

/**
 * A create request that passed validation.
 *
 * @param url       the destination, normalised
 * @param alias     the custom alias, or null for a minted code
 * @param expiresAt when the link expires (to the second), or null for never
 */
public record NewLink(String url, String alias, Instant expiresAt) {

    public NewLink {
        Objects.requireNonNull(url, "url");
    }

    public boolean hasAlias() {
        return alias != null;
    }
}
