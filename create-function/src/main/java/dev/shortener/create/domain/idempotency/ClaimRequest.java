package dev.shortener.create.domain.idempotency;

import java.time.Instant;
import java.util.Objects;

/**
 * What a request asks of the idempotency store when it claims a record: one value, so that the store, its callers
 * and the test stores agree on it by type rather than by the order of six parameters.
 *
 * @param recordKey     the record's key: the API key's id and a hash of the Idempotency-Key
 * @param fingerprint   the hash of the request's payload; a retry with another payload is refused
 * @param candidateCode the code to pin in a new record
 * @param now           when the claim is made: a record or lock that ends by then is over
 * @param lockedUntil   until when the claim holds; after it, a retry may take over
 * @param retainUntil   when a record that is never completed may be forgotten
 */
public record ClaimRequest(
        String recordKey,
        String fingerprint,
        String candidateCode,
        Instant now,
        Instant lockedUntil,
        Instant retainUntil) {

    public ClaimRequest {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(candidateCode, "candidateCode");
        if (!now.isBefore(lockedUntil) || retainUntil.isBefore(lockedUntil)) {
            throw new IllegalArgumentException("a claim is locked for a while after it is made, and its record kept at"
                    + " least as long: made " + now + ", locked until " + lockedUntil + ", kept until " + retainUntil);
        }
    }

    /**
     * A claim made {@code now} as every request makes it: locked for {@link IdempotentCreation#LOCK}, kept for
     * {@link IdempotentCreation#RETENTION}.
     */
    public static ClaimRequest madeAt(Instant now, String recordKey, String fingerprint, String candidateCode) {
        return new ClaimRequest(
                recordKey,
                fingerprint,
                candidateCode,
                now,
                now.plus(IdempotentCreation.LOCK),
                now.plus(IdempotentCreation.RETENTION));
    }

    /** The claim of a new record, which pins the candidate code. */
    public IdempotencyClaim created(String lockToken) {
        return new IdempotencyClaim(recordKey, lockToken, candidateCode, false);
    }

    /** The claim of a stalled record taken over, which keeps the code its first holder pinned. */
    public IdempotencyClaim takenOver(String lockToken, String pinnedCode) {
        return new IdempotencyClaim(recordKey, lockToken, pinnedCode, true);
    }
}
