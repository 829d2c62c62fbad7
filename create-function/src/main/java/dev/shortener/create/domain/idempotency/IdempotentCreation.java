package dev.shortener.create.domain.idempotency;

import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.create.domain.idempotency.ClaimResult.Claimed;
import dev.shortener.create.domain.idempotency.ClaimResult.Completed;
import dev.shortener.create.domain.idempotency.ClaimResult.InFlight;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.NewLink;
import dev.shortener.links.Link;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * Creates links under an {@code Idempotency-Key} (IETF httpapi draft): the same key with the same payload answers
 * with the original link (same code) for {@link #RETENTION}; with another payload, 422; while the first is still
 * being processed, 409. Keys are scoped to the API key that sent them.
 *
 * <p>The code is chosen before anything is written and pinned in the record, so even a retry that takes over
 * from a request that died half way answers with the same code. A request that fails releases its record, so
 * that the client can retry; if even the release fails, the record's lock runs out after {@link #LOCK}.
 * Only successes are remembered: a refused request changed nothing, so retrying it is safe.
 */
public final class IdempotentCreation {

    /** At least the 24 hours the draft's examples and Stripe use. */
    public static final Duration RETENTION = Duration.ofHours(24);
    /** Longer than any create takes (its Lambda timeout is seconds); then a retry may take over. */
    public static final Duration LOCK = Duration.ofSeconds(30);

    private final IdempotencyStore store;
    private final LinkCreation links;
    private final InstantSource clock;
    private final OperationalEvents events;

    public IdempotentCreation(
            IdempotencyStore store, LinkCreation links, InstantSource clock, OperationalEvents events) {
        this.store = Objects.requireNonNull(store, "store");
        this.links = Objects.requireNonNull(links, "links");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    /** The link, and whether it is the answer to an earlier request replayed. */
    public record Outcome(Link link, boolean replayed) {}

    public Outcome create(String apiKeyId, String owner, String idempotencyKey, String fingerprint, NewLink request) {
        Instant now = clock.instant();
        String candidate = request.hasAlias() ? request.alias() : links.mint();
        String recordKey = apiKeyId + "#" + RequestFingerprint.sha256Hex(idempotencyKey);
        ClaimResult result = store.claim(ClaimRequest.madeAt(now, recordKey, fingerprint, candidate));
        if (result instanceof Completed completed) {
            return new Outcome(completed.link(), true);
        }
        if (result instanceof InFlight) {
            throw IdempotencyRefusals.inFlight();
        }
        if (!(result instanceof Claimed claimed)) {
            throw IdempotencyRefusals.reused();
        }
        Pin pin = new Pin(claimed.claim());
        Link link;
        try {
            link = pin.claim.resumed() ? links.resumeAt(request, owner, pin) : links.createAt(request, owner, pin);
        } catch (RuntimeException failure) {
            try {
                store.release(pin.claim);
            } catch (RuntimeException releaseFailure) {
                failure.addSuppressed(releaseFailure); // the lock runs out by itself
            }
            throw failure;
        }
        try {
            store.complete(pin.claim, link, clock.instant().plus(RETENTION));
        } catch (RuntimeException e) {
            // The link exists; a retry after the lock resumes with the pinned code, finds it and answers with it.
            events.idempotencyCompletionFailed(link.code());
        }
        return new Outcome(link, false);
    }

    /** The claim's code, moved in the record before the creation tries another. */
    private final class Pin implements LinkCreation.PinnedCode {

        private IdempotencyClaim claim;

        Pin(IdempotencyClaim claim) {
            this.claim = claim;
        }

        @Override
        public String code() {
            return claim.code();
        }

        @Override
        public void moveTo(String code) {
            store.repin(claim, code);
            claim = claim.withCode(code);
        }
    }
}
