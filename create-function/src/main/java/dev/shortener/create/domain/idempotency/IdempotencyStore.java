package dev.shortener.create.domain.idempotency;

import dev.shortener.links.Link;
import java.time.Instant;

/**
 * Idempotency records. Every decision is a conditional write in the store, never a read-then-write in memory, so
 * concurrent retries in different execution environments are decided by the store.
 */
public interface IdempotencyStore {

    /**
     * Claims the request's record: creates it when there is none or it has expired, takes it over when its
     * holder's lock ended before the request's {@code now} and the payload is the same, and otherwise reports what
     * is there.
     */
    ClaimResult claim(ClaimRequest request);

    /** Pins another code (the first clashed). Does nothing when the claim was lost. */
    void repin(IdempotencyClaim claim, String code);

    /** Records the result, kept until {@code retainUntil}. Does nothing when the claim was lost. */
    void complete(IdempotencyClaim claim, Link link, Instant retainUntil);

    /**
     * Records a bulk request's results (its response body, compressed), kept until {@code retainUntil}. Does
     * nothing when the claim was lost.
     */
    void completeBatch(IdempotencyClaim claim, byte[] results, Instant retainUntil);

    /** Deletes the record of a claim that failed, so that a retry starts afresh. */
    void release(IdempotencyClaim claim);
}
