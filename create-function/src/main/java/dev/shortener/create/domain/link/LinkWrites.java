package dev.shortener.create.domain.link;

import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.link.LinkCacheUpdates.CacheUnavailableException;
import dev.shortener.links.Link;
import dev.shortener.links.LinkStore;
import java.time.Instant;
import java.util.Objects;

/**
 * The three places a link's state lives, and the order they are written in. The item is in the {@link LinkStore};
 * a code whose item may carry the TTL attribute (every alias, every link with an expiry) is also reserved for good
 * in {@link CodeReservations}, because the TTL eventually deletes the item and would free the code for someone
 * else to register as an alias; and the redirect's cache holds a copy that every write must settle
 * ({@link LinkCacheUpdates}). Creating and changing links both write through here, so the two can't disagree on
 * what a write leaves behind.
 */
public final class LinkWrites {

    private final LinkStore store;
    private final CodeReservations reservations;
    private final LinkCacheUpdates cache;
    private final OperationalEvents events;

    public LinkWrites(
            LinkStore store, CodeReservations reservations, LinkCacheUpdates cache, OperationalEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The link items, for reads and for the writes that need no reservation. */
    LinkStore store() {
        return store;
    }

    /**
     * Reserves the code (where the item may expire) and writes the new link; false when the code is someone
     * else's. If the write fails, a reservation made just now is withdrawn, so a failure leaves nothing behind.
     */
    boolean place(Link link, boolean alias) {
        boolean reservedNow = false;
        if (alias || link.expires()) {
            reservedNow = reservations.reserve(link.code(), link.createdBy(), link.createdAt());
            if (!reservedNow
                    && !reservations
                            .ownerOf(link.code())
                            .map(link.createdBy()::equals)
                            .orElse(false)) {
                return false;
            }
        }
        try {
            return store.putIfAbsent(link);
        } catch (RuntimeException failure) {
            if (reservedNow) {
                try {
                    reservations.release(link.code(), link.createdBy());
                } catch (RuntimeException releaseFailure) {
                    failure.addSuppressed(releaseFailure); // the owner can still retry: the reservation is theirs
                }
            }
            throw failure;
        }
    }

    /** Keeps the owner's code taken before a change that may give its item an expiry (and so the TTL). */
    void reserve(String code, String owner, Instant now) {
        reservations.reserve(code, owner, now);
    }

    /**
     * Has the redirect's cache forget the code before a change; if that fails nothing is changed (503), since a
     * change the cache never hears of would keep serving the old state for hours.
     */
    void forgetBeforeChange(String code) {
        try {
            cache.invalidate(code);
        } catch (CacheUnavailableException e) {
            throw new Rejection(
                    Reason.CACHE_UNAVAILABLE,
                    null,
                    "The link was not changed: the redirect cache could"
                            + " not be reached, and changing the link now would leave short links serving the old state."
                            + " Retry shortly.");
        }
    }

    /**
     * Writes the state a write left in the table to the cache: {@code current}, or gone when it is null. After a
     * create it replaces a "no such code" entry the redirect may have cached (an alias probed before it existed, a
     * scanner's guess); after a change, what a redirect may have refilled from the old item in between. The write is
     * made either way: a cache that fails now is reported, not thrown.
     */
    void settle(String code, Link current) {
        try {
            cache.settle(code, current);
        } catch (CacheUnavailableException e) {
            events.cacheInvalidationFailed(code);
        }
    }
}
