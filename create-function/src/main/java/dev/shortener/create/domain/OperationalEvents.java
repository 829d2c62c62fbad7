package dev.shortener.create.domain;

/**
 * What the domain reports to operators without failing the request: the adapter turns these into log lines and
 * metrics. A port, so the domain needs no logging or AWS types.
 */
public interface OperationalEvents {

    /** The rate limiter could not be asked, so the request was let through (failing open). */
    void rateLimiterFailedOpen(String scope, boolean breakerOpened);

    /** A cache entry could not be deleted after a change: the redirect path may serve the old state until its TTL. */
    void cacheInvalidationFailed(String code);

    /** The link was created but its idempotency record could not be completed; a retry resumes from the pinned code. */
    void idempotencyCompletionFailed(String code);
}
