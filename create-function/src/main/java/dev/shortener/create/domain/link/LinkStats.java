package dev.shortener.create.domain.link;

import java.time.Instant;
import java.util.Objects;

/**
 * What the stats route reports about a link that is not deleted.
 *
 * @param owner           who created the link
 * @param clickCount      clicks counted so far by the analytics pipeline
 * @param clicksUpdatedAt when the count last changed, or null when it never has
 */
public record LinkStats(String code, String owner, long clickCount, Instant clicksUpdatedAt) {

    public LinkStats {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(owner, "owner");
    }

    /** Reads the counters of a link: an empty result for unknown and deleted codes. */
    public interface Source {
        java.util.Optional<LinkStats> find(String code);
    }
}
