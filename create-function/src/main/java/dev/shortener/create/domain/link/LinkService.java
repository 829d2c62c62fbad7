package dev.shortener.create.domain.link;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
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
 * <p>Update and delete have the redirect's cache forget the code before the write and settle it after
 * ({@link LinkWrites}).
 */
public final class LinkService {

    private final LinkWrites writes;
    private final LinkStore links;
    private final LinkStats.Source stats;
    private final InstantSource clock;

    public LinkService(LinkWrites writes, LinkStats.Source stats, InstantSource clock) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.links = writes.store();
        this.stats = Objects.requireNonNull(stats, "stats");
        this.clock = Objects.requireNonNull(clock, "clock");
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
            writes.reserve(code, owner, now); // the item may now be deleted by TTL: keep the code taken
        }
        writes.forgetBeforeChange(code);
        Link updated = links.update(code, owner, change, now).orElseThrow(() -> notFound(code));
        writes.settle(code, updated);
        return LinkLookup.of(updated, now);
    }

    public void delete(String code, String owner) {
        read(code, owner);
        writes.forgetBeforeChange(code);
        if (!links.delete(code, owner, clock.instant())) {
            throw notFound(code);
        }
        writes.settle(code, null);
    }

    public LinkStats stats(String code, String owner) {
        return (AliasPolicy.isCodeShaped(code) ? stats.find(code) : Optional.<LinkStats>empty())
                .filter(found -> found.owner().equals(owner))
                .orElseThrow(() -> notFound(code));
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
