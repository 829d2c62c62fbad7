package dev.shortener.create.domain.link;

import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.link.LinkCache.CacheUnavailableException;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.shortcode.NoFreeWorkerException;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Creates links. The item is written with a conditional put, so nothing is ever overwritten; a code whose item
 * may carry the TTL attribute (every alias, and every link with an expiry) is first reserved for good in
 * {@link CodeReservations}, because the TTL eventually deletes the item and would free the code for someone else
 * to register as an alias, taking over every place the old link was shared.
 */
public final class LinkCreation {

    /** A minted code clashes only with an alias that happens to equal it: a few retries are plenty. */
    private static final int MINT_ATTEMPTS = 5;

    private final LinkStore links;
    private final CodeReservations reservations;
    private final LinkCache cache;
    private final ShortCodeMinter minter;
    private final InstantSource clock;
    private final OperationalEvents events;

    public LinkCreation(
            LinkStore links,
            CodeReservations reservations,
            LinkCache cache,
            ShortCodeMinter minter,
            InstantSource clock,
            OperationalEvents events) {
        this.links = Objects.requireNonNull(links, "links");
        this.reservations = Objects.requireNonNull(reservations, "reservations");
        this.cache = Objects.requireNonNull(cache, "cache");
        this.minter = Objects.requireNonNull(minter, "minter");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** A fresh code (the minter leases its worker id on first use, after any SnapStart restore). */
    public String mint() {
        try {
            return minter.mint();
        } catch (NoFreeWorkerException e) {
            throw new Rejection(
                    Reason.CODES_UNAVAILABLE, null, "No short code can be issued right now; retry in a minute.");
        }
    }

    /**
     * Creates a link under its alias, or under {@code firstCode} (minted) and fresh codes after a clash.
     *
     * @param firstCode the code to try first; null to mint one (ignored for an alias)
     * @param resuming  an earlier attempt of the same idempotent request may have got as far as writing the link:
     *                  if the code holds this owner's link to this destination, that link is the result
     * @param onNewCode told each code minted after a clash (an idempotency record pins the code it will answer with)
     */
    public Link create(NewLink request, String owner, String firstCode, boolean resuming, Consumer<String> onNewCode) {
        Instant now = clock.instant();
        String code = request.hasAlias() ? request.alias() : firstCode != null ? firstCode : mint();
        for (int attempt = 1; ; attempt++) {
            Link link = Link.create(code, request.url(), now, request.expiresAt(), owner);
            if (place(link, request.hasAlias())) {
                settleNewLink(link);
                return link;
            }
            if (resuming) {
                LinkLookup earlier = links.find(code, now);
                if (earlier.link() != null
                        && earlier.link().createdBy().equals(owner)
                        && earlier.link().url().equals(request.url())) {
                    return earlier.link();
                }
            }
            if (request.hasAlias()) {
                throw new Rejection(
                        Reason.ALIAS_TAKEN,
                        AliasPolicy.FIELD,
                        "The alias '" + code + "' is taken; choose another one, or leave alias out for a short code.");
            }
            if (attempt == MINT_ATTEMPTS) {
                throw new Rejection(Reason.CODES_UNAVAILABLE, null, "No free short code was found; retry shortly.");
            }
            code = mint();
            resuming = false;
            onNewCode.accept(code);
        }
    }

    /**
     * Reserves the code (where the item may expire) and writes the link; false when the code is someone else's. If
     * the write fails, a reservation made just now is withdrawn, so a failure leaves nothing behind.
     */
    private boolean place(Link link, boolean alias) {
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
            return links.putIfAbsent(link);
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

    /**
     * The redirect may have cached "no such code" for it (an alias probed before it existed, a scanner's guess),
     * or be about to: the new link replaces that entry. Best effort: a negative entry lives a minute at most.
     */
    private void settleNewLink(Link link) {
        try {
            cache.settle(link.code(), link);
        } catch (CacheUnavailableException e) {
            events.cacheInvalidationFailed(link.code());
        }
    }
}
