package dev.shortener.create.domain.link;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import dev.shortener.shortcode.NoFreeWorkerException;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Creates links, under their alias or a minted code. The item is written with a conditional put, so nothing is
 * ever overwritten: a minted code that clashes is replaced by a fresh one. {@link LinkWrites} reserves the code
 * first where the item may expire.
 */
public final class LinkCreation {

    /** A minted code clashes only with an alias that happens to equal it: a few retries are plenty. */
    private static final int MINT_ATTEMPTS = 5;

    private final LinkWrites writes;
    private final ShortCodeMinter minter;
    private final InstantSource clock;

    public LinkCreation(LinkWrites writes, ShortCodeMinter minter, InstantSource clock) {
        this.writes = Objects.requireNonNull(writes, "writes");
        this.minter = Objects.requireNonNull(minter, "minter");
        this.clock = Objects.requireNonNull(clock, "clock");
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
     * A code an idempotency record has pinned: the one its request answers with. When that code turns out to be
     * taken, the creation moves the pin to the fresh code it tries next, before trying it.
     */
    public interface PinnedCode {

        String code();

        void moveTo(String code);
    }

    /** Creates a link under its alias, or under a minted code (and fresh ones after a clash). */
    public Link create(NewLink request, String owner) {
        return create(request, owner, null, false);
    }

    /** Creates a link under its alias, or under {@code pin}'s code first, moving the pin with each fresh code. */
    public Link createAt(NewLink request, String owner, PinnedCode pin) {
        return create(request, owner, pin, false);
    }

    /**
     * As {@link #createAt}, for a request that takes over from an earlier attempt that stalled: that attempt may
     * have got as far as writing the link, so when the pinned code holds this owner's link to this destination,
     * that link is the result.
     */
    public Link resumeAt(NewLink request, String owner, PinnedCode pin) {
        return create(request, owner, pin, true);
    }

    private Link create(NewLink request, String owner, PinnedCode pin, boolean resuming) {
        Instant now = clock.instant();
        String code = request.hasAlias() ? request.alias() : pin != null ? pin.code() : mint();
        for (int attempt = 1; ; attempt++) {
            Link link = Link.create(code, request.url(), now, request.expiresAt(), owner)
                    .withForwardQuery(request.forwardQuery())
                    .withTags(request.tags());
            if (writes.place(link, request.hasAlias())) {
                writes.settle(code, link);
                return link;
            }
            if (resuming) {
                LinkLookup earlier = writes.store().find(code, now);
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
            if (pin != null) {
                pin.moveTo(code);
            }
        }
    }
}
