package dev.shortener.create.domain.auth;

import java.time.Instant;
import java.util.Optional;

/** API keys, stored only as SHA-256 hashes: the table never holds a key that would work if it leaked. */
public interface ApiKeys {

    /** The caller whose key hashes to {@code sha256Hex}, unless there is none or it was revoked. */
    Optional<Caller> findByHash(String sha256Hex);

    /**
     * Stores a new key's hash. Never overwrites.
     *
     * @return false when the hash exists already
     */
    boolean add(String sha256Hex, Caller caller, Instant createdAt);
}
