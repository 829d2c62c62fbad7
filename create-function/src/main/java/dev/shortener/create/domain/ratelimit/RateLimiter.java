package dev.shortener.create.domain.ratelimit;

import java.time.Instant;

/** Token buckets kept where all execution environments share them. */
public interface RateLimiter {

    /**
     * Takes one token from the bucket {@code key}, refilled up to {@code now}. The caller passes the time so that it
     * decides what time is (tests step it; environments never make the bucket go back in time).
     *
     * @throws RateLimiterUnavailableException when the buckets can't be reached
     */
    RateDecision take(String key, Bucket bucket, Instant now);

    /**
     * Takes as many of {@code most} tokens as the bucket holds, in one step where the implementation can (the
     * Redis one does); this default takes them one at a time.
     *
     * @return how many were taken, 0 to {@code most}
     * @throws RateLimiterUnavailableException when the buckets can't be reached
     */
    default int takeUpTo(String key, Bucket bucket, int most, Instant now) {
        int taken = 0;
        while (taken < most && take(key, bucket, now).allowed()) {
            taken++;
        }
        return taken;
    }

    final class RateLimiterUnavailableException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        public RateLimiterUnavailableException(Throwable cause) {
            super("the rate limiter could not be reached", cause);
        }
    }
}
