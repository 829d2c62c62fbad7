package dev.shortener.create.domain.link;

import java.time.Instant;
import java.util.Optional;

/**
 * Permanent claims on codes, kept apart from the link items because DynamoDB's TTL deletes an expired link's item,
 * after which its code could be registered again as an alias and take over every place the old link was shared.
 * A reservation has no TTL: once a code is reserved, only its owner can ever register it again.
 */
public interface CodeReservations {

    /**
     * Reserves {@code code} for {@code owner} unless it is reserved already (by anyone). Never overwrites.
     *
     * @return false when a reservation existed
     */
    boolean reserve(String code, String owner, Instant now);

    /** The owner of the reservation of {@code code}, if there is one. */
    Optional<String> ownerOf(String code);

    /**
     * Withdraws a reservation this request just made, when writing the link then failed: nothing half-written is
     * left to block the code. Only a reservation of {@code owner} is removed.
     */
    void release(String code, String owner);
}
