package dev.shortener.create.domain.link;

/** The redirect path's cache of links, as the management API sees it: it only ever forgets entries. */
public interface LinkCache {

    /**
     * Forgets what the cache holds for {@code code}, at once.
     *
     * @throws CacheUnavailableException when the cache could not be reached
     */
    void invalidate(String code);

    /** The cache could not be reached. */
    final class CacheUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public CacheUnavailableException(Throwable cause) {
            super("the link cache could not be reached", cause);
        }
    }
}
