package dev.shortener.create.domain.idempotency;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;

/** What a request hears when its {@code Idempotency-Key} can't be used: the same words for single and bulk creates. */
public final class IdempotencyRefusals {

    private IdempotencyRefusals() {}

    /** 409: the first request with the key has not finished. */
    public static Rejection inFlight() {
        return new Rejection(
                Reason.IDEMPOTENCY_REQUEST_IN_FLIGHT,
                null,
                "A request with this Idempotency-Key is still being processed; retry in a moment to get its answer.");
    }

    /** 422: the key was used with another request body. */
    public static Rejection reused() {
        return new Rejection(
                Reason.IDEMPOTENCY_KEY_REUSED,
                null,
                "This Idempotency-Key was already used with a different request; use a new key for a new request.");
    }
}
