package dev.shortener.redirect.domain;

/** What the cache contributed to one lookup. */
public enum CacheUse {
    /** Redis answered with an entry. */
    HIT,
    /** Redis answered that it holds nothing for the code. */
    MISS,
    /** The circuit breaker is open: Redis was not asked. */
    SKIPPED,
    /** Redis was asked and failed (timeout, refused connection, pool exhausted). */
    FAILED;

    /** For log lines and click events: whether Redis gave the answer. */
    public boolean answered() {
        return this == HIT;
    }
}
