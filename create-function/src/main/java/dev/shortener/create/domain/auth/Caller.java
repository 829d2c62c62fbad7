package dev.shortener.create.domain.auth;

import java.util.Objects;

/**
 * Who is calling, as their API key says.
 *
 * @param ownerId owns the links created with this key (and with the owner's other keys)
 * @param keyId   names the key itself, without revealing it: idempotency keys and rate limits are per key
 */
public record Caller(String ownerId, String keyId) {

    public Caller {
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(keyId, "keyId");
    }
}
