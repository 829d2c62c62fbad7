package dev.shortener.create.domain.listing;

import java.util.Objects;

/**
 * What a listing asks for.
 *
 * @param owner  whose links; the only partition the query reads
 * @param filter which of them
 * @param limit  at most this many (1 to {@link #MAX_LIMIT})
 * @param after  where the previous page stopped, or null for the first page
 */
public record ListQuery(String owner, ListFilter filter, int limit, Position after) {

    public static final int DEFAULT_LIMIT = 25;
    public static final int MAX_LIMIT = 100;

    public ListQuery {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(filter, "filter");
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException("limit must be 1 to " + MAX_LIMIT + ": " + limit);
        }
    }

    /**
     * A place in the owner's index: the sort key of the last link a page returned (or of the last one the query
     * read). Only a signed cursor carries one to a client and back.
     */
    public record Position(String sortKey) {

        public Position {
            Objects.requireNonNull(sortKey, "sortKey");
        }

        /** The code at this place: the sort key is {@code <created-at seconds>#<code>}. */
        public String code() {
            return sortKey.substring(sortKey.indexOf('#') + 1);
        }
    }
}
