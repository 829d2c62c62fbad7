package dev.shortener.create.domain.idempotency;

import java.util.Objects;

/**
 * The right, held by one request, to carry out an idempotent request.
 *
 * @param recordKey the record's key: the API key's id and a hash of the Idempotency-Key
 * @param lockToken unique to this holder; every later write to the record is conditional on it
 * @param code      the code the request will answer with, pinned in the record so that any retry answers with it
 * @param resumed   true when this request took over from one that stopped (its lock ran out) and may find its
 *                  work half done
 */
public record IdempotencyClaim(String recordKey, String lockToken, String code, boolean resumed) {

    public IdempotencyClaim {
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(lockToken, "lockToken");
        Objects.requireNonNull(code, "code");
    }

    public IdempotencyClaim withCode(String newCode) {
        return new IdempotencyClaim(recordKey, lockToken, newCode, resumed);
    }
}
