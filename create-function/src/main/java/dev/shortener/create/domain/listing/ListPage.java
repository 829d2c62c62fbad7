package dev.shortener.create.domain.listing;

import java.util.List;
import java.util.Objects;

/**
 * A page of links, newest first.
 *
 * @param next where the next page starts, or null when the owner's index holds nothing further. A next position
 *             can lead to an empty page (the links after it may all be filtered out).
 */
public record ListPage(List<ListedLink> links, ListQuery.Position next) {

    public ListPage {
        links = List.copyOf(Objects.requireNonNull(links, "links"));
    }
}
