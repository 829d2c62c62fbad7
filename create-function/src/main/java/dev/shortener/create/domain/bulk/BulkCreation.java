package dev.shortener.create.domain.bulk;

import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.idempotency.ClaimRequest;
import dev.shortener.create.domain.idempotency.ClaimResult;
import dev.shortener.create.domain.idempotency.IdempotencyClaim;
import dev.shortener.create.domain.idempotency.IdempotencyRefusals;
import dev.shortener.create.domain.idempotency.IdempotencyStore;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import dev.shortener.create.domain.idempotency.RequestFingerprint;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.NewLink;
import dev.shortener.links.Link;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Creates many links in one request, each on its own: an item the domain refuses (a taken alias, say) is that
 * item's result, and the others go ahead.
 *
 * <p>Under an {@code Idempotency-Key} the whole request is one record of the idempotency store (the same one single
 * creates use, under {@code <key id>#bulk#<hash>}), which keeps the response body once it is complete: a retry
 * gets those results back and mints nothing. Before any link is written, the codes of every item are minted and
 * pinned in the record, so a retry that takes over from a request that died half way writes the same codes and
 * finds the links already there ({@link LinkCreation#resumeAt}) instead of creating them twice. For the same
 * reason a failure of the table or the cache ends the request (503) without releasing the record: its retry,
 * after {@link IdempotentCreation#LOCK}, resumes.
 */
public final class BulkCreation {

    /** Codes pinned in a record, in item order; {@link #NONE} for an item with an alias or not minted yet. */
    private static final String NONE = "-";

    private final IdempotencyStore store;
    private final LinkCreation creation;
    private final InstantSource clock;
    private final OperationalEvents events;

    public BulkCreation(IdempotencyStore store, LinkCreation creation, InstantSource clock, OperationalEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.creation = Objects.requireNonNull(creation, "creation");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** One item's result: the link created, or why it was refused. */
    public record ItemResult(Link link, Rejection rejection) {

        public ItemResult {
            if ((link == null) == (rejection == null)) {
                throw new IllegalArgumentException("an item has a link or a rejection");
            }
        }
    }

    /**
     * Claims the request's record.
     *
     * @return {@link ClaimResult.Claimed} to go ahead, or {@link ClaimResult.CompletedBatch} with the earlier results
     * @throws Rejection 422 when the key was used with another body, 409 while a request with it is in progress
     */
    public ClaimResult claim(String apiKeyId, String idempotencyKey, String fingerprint) {
        Instant now = clock.instant();
        String recordKey = apiKeyId + "#bulk#" + RequestFingerprint.sha256Hex(idempotencyKey);
        ClaimResult result = store.claim(ClaimRequest.madeAt(now, recordKey, fingerprint, NONE));
        if (result instanceof ClaimResult.Claimed || result instanceof ClaimResult.CompletedBatch) {
            return result;
        }
        throw result instanceof ClaimResult.InFlight ? IdempotencyRefusals.inFlight() : IdempotencyRefusals.reused();
    }

    /**
     * Creates the first {@code granted} of {@code items} in order for {@code owner} (the rest were over the rate
     * limit). Under a claim, every item's code is pinned, granted or not, so that a retry whose rate limit grants
     * another number still finds each item's code at the same place.
     *
     * @param claim the request's claim, or null without an Idempotency-Key
     * @return a result for each of the first {@code granted} items
     */
    public List<ItemResult> createAll(List<NewLink> items, int granted, String owner, IdempotencyClaim claim) {
        Pins pins = claim == null ? null : new Pins(claim, items);
        int count = Math.min(granted, items.size());
        List<ItemResult> results = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            NewLink item = items.get(i);
            try {
                Link link;
                if (pins == null) {
                    link = creation.create(item, owner);
                } else if (pins.resumed) {
                    link = creation.resumeAt(item, owner, pins.at(i));
                } else {
                    link = creation.createAt(item, owner, pins.at(i));
                }
                results.add(new ItemResult(link, null));
            } catch (Rejection rejection) {
                results.add(new ItemResult(null, rejection));
            }
        }
        return results;
    }

    /** Keeps the results (the response body, as the adapter encodes it) for the retries of the request. */
    public void complete(IdempotencyClaim claim, byte[] results) {
        try {
            store.completeBatch(claim, results, clock.instant().plus(IdempotentCreation.RETENTION));
        } catch (RuntimeException e) {
            // The links exist; a retry after the lock resumes from the pinned codes and finds them.
            events.idempotencyCompletionFailed("bulk");
        }
    }

    /** The codes pinned in the record, minted all at once before the first write. */
    private final class Pins {

        private final IdempotencyClaim claim;
        private final String[] codes;
        private final boolean resumed;

        Pins(IdempotencyClaim claim, List<NewLink> items) {
            this.claim = claim;
            String[] pinned =
                    claim.code().equals(NONE) ? new String[0] : claim.code().split(",", -1);
            this.resumed = claim.resumed() && pinned.length == items.size();
            this.codes = resumed ? pinned : new String[items.size()];
            if (!resumed) {
                for (int i = 0; i < items.size(); i++) {
                    codes[i] = items.get(i).hasAlias() ? NONE : creation.mint();
                }
                store.repin(claim, String.join(",", codes));
            }
        }

        LinkCreation.PinnedCode at(int index) {
            return new LinkCreation.PinnedCode() {
                @Override
                public String code() {
                    return codes[index].equals(NONE) ? creation.mint() : codes[index];
                }

                @Override
                public void moveTo(String code) {
                    codes[index] = code;
                    store.repin(claim, String.join(",", codes));
                }
            };
        }

        @Override
        public String toString() {
            return "Pins" + Arrays.toString(codes);
        }
    }
}
