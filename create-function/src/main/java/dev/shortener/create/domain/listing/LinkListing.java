package dev.shortener.create.domain.listing;

import java.time.Instant;

/**
 * One owner's links, newest first, a page at a time: the port over the links table's owner index. Never a scan of
 * the table, and no total count (counting would read every link the owner has).
 */
public interface LinkListing {

    /** The page of {@code query}, with links' status judged at {@code now}. */
    ListPage page(ListQuery query, Instant now);
}
