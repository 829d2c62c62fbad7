package dev.shortener.create.domain.link;

import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.link.LinkCacheUpdates.CacheUnavailableException;
import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads, changes and deletes links on behalf of their owners. Only the owner sees a link: for anyone else it does
 * not exist (404, revealing nothing).
 *
 * <p>Update and delete tell the redirect's cache to forget the code before the write (if that fails nothing is
 * changed: 503, since a change the cache never hears of would keep serving the old state for hours) and again
 * after it (a redirect may have refilled the cache from the old item in between).
 */
public final class LinkService {

    private final LinkStore links;
    private final CodeReservations reservations;
    private final LinkCacheUpdates cache;
    private final LinkStats.Source stats;
    private final InstantSource clock;
    private final OperationalEvents events;

    public LinkService(
            LinkStore links,
            CodeReservations reservations,
            LinkCacheUpdates cache,
            LinkStats.Source stats,
            InstantSource clock,
            OperationalEvents events) {
        this.links = Objects.requireNonNull(links, "links");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The owner's link, live or expired; 404 for anyone else, for deleted links and for codes never issued. */
    public LinkLookup read(String code, String owner) {
        LinkLookup lookup = AliasPolicy.isCodeShaped(code) ? links.find(code, clock.instant()) : LinkLookup.notFound();
        if (lookup.link() == null || !lookup.link().createdBy().equals(owner)) {
            throw notFound(code);
        }
        return lookup;
    }

    public LinkLookup update(String code, String owner, LinkChange change) {
        read(code, owner);
        Instant now = clock.instant();
        if (change.expiresAt() != null) {
            reservations.reserve(code, owner, now); // the item may now be deleted by TTL: keep the code taken
        }
        forgetBeforeChange(code);
        Link updated = links.update(code, owner, change, now).orElseThrow(() -> notFound(code));
        settleAfterChange(code, updated);
        return LinkLookup.of(updated, now);
    }

    public void delete(String code, String owner) {
        read(code, owner);
        forgetBeforeChange(code);
        if (!links.delete(code, owner, clock.instant())) {
            throw notFound(code);
        }
        settleAfterChange(code, null);
    }

    public LinkStats stats(String code, String owner) {
        return (AliasPolicy.isCodeShaped(code) ? stats.find(code) : Optional.<LinkStats>empty())
                .filter(found -> found.owner().equals(owner))
                .orElseThrow(() -> notFound(code));
    }

    private void forgetBeforeChange(String code) {
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

    /** The change is made either way; a cache that failed now is reported (the entry may still be the old one). */
    private void settleAfterChange(String code, Link current) {
        try {
            cache.settle(code, current);
        } catch (CacheUnavailableException e) {
            events.cacheInvalidationFailed(code);
        }
    }

    private static Rejection notFound(String code) {
        String shown = AliasPolicy.isCodeShaped(code) ? "'" + code + "'" : "that code";
        return new Rejection(
                Reason.LINK_NOT_FOUND,
                null,
                "There is no link " + shown
                        + " for this API key. Links are visible only to the key owner that created them.");
    }
}
