package dev.shortener.create.domain.idempotency;

import dev.shortener.links.Link;

/** What the idempotency store answered to a claim. */
public sealed interface ClaimResult {

    /** No earlier request with this key (or only an expired one, or a stalled one of the same payload): go ahead. */
    record Claimed(IdempotencyClaim claim) implements ClaimResult {}

    /** The same key and payload completed before: answer with the same link. */
    record Completed(Link link) implements ClaimResult {}

    /** The same key and payload of a bulk request completed before: answer with the same results. */
    record CompletedBatch(byte[] results) implements ClaimResult {}

    /** The key was used with a different payload. */
    record Mismatch() implements ClaimResult {}

    /** The same key is being processed by another request right now. */
    record InFlight() implements ClaimResult {}
}
