package dev.shortener.links;

import java.time.Instant;
import java.util.Optional;

/** The links as the functions see them: no AWS types, so domain code and its tests don't need any. */
public interface LinkStore {

    /**
     * Stores a new link unless its code is taken, by a live link, an expired one not yet removed, or the
     * tombstone of a deleted one. Never overwrites.
     *
     * @return false when the code was taken (the stored item is left untouched)
     */
    boolean putIfAbsent(Link link);

    /** Reads a code with a strongly consistent read, judging expiry against {@code now}. */
    LinkLookup find(String code, Instant now);

    /**
     * Applies a change to a link that exists, is not deleted and belongs to {@code owner}.
     *
     * @return the link as changed, or empty when there is no such link for this owner
     */
    Optional<Link> update(String code, String owner, LinkChange change, Instant now);

    /**
     * Turns a link of {@code owner} into a tombstone: its destination is dropped, its code stays taken forever.
     *
     * @return false when there was no live or expired link of this owner under the code
     */
    boolean delete(String code, String owner, Instant now);
}
