package dev.shortener.create.domain.link;

import dev.shortener.links.Link;

/**
 * The redirect path's cache of links, as the management API sees it: an entry is forgotten before a change, and
 * the changed state written once the change is in the table. The second write matters as much as the first: a
 * redirect that read the table just before the change may be about to cache what it read, and only an entry
 * already in place stops it (fills never overwrite one).
 */
public interface LinkCacheUpdates {

    /**
     * Forgets what the cache holds for {@code code}, at once.
     *
     * @throws CacheUnavailableException when the cache could not be reached
     */
    void invalidate(String code);

    /**
     * Writes the state a change left in the table: {@code current}, or gone when it is null (deleted). Held
     * long enough for any redirect that read the table before the change to finish.
     *
     * @throws CacheUnavailableException when the cache could not be reached
     */
    void settle(String code, Link current);

    /** The cache could not be reached. */
    final class CacheUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public CacheUnavailableException(Throwable cause) {
            super("the link cache could not be reached", cause);
        }
    }
}
