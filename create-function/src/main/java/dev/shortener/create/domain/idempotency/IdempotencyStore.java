package dev.shortener.create.domain.idempotency;

import dev.shortener.links.Link;
import java.time.Instant;

/**
 * Idempotency records. Every decision is a conditional write in the store, never a read-then-write in memory, so
 * concurrent retries in different execution environments are decided by the store.
 */
public interface IdempotencyStore {

    /**
     * Claims {@code recordKey} for a request with {@code fingerprint}: creates the record when there is none or it
     * has expired, takes it over when its holder's lock ended before {@code now} and the payload is the same, and
     * otherwise reports what is there.
     *
     * @param candidateCode the code to pin in a new record
     * @param lockedUntil   until when the claim holds; after it, a retry may take over
     * @param retainUntil   when a record that is never completed may be forgotten
     */
    ClaimResult claim(
            String recordKey,
            String fingerprint,
            String candidateCode,
            Instant now,
            Instant lockedUntil,
            Instant retainUntil);

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
