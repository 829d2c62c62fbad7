package dev.shortener.create.domain.ratelimit;

/**
 * A token bucket's shape: it holds up to {@code burst} tokens and gains {@code perMinute} tokens a minute; each
 * request takes one. Bursts up to the bucket are allowed, then requests pass at the refill rate.
 */
public record Bucket(int burst, int perMinute) {

    public Bucket {
        if (burst < 1 || perMinute < 1) {
            throw new IllegalArgumentException(
                    "a bucket needs a burst and a rate of at least 1: " + burst + ", " + perMinute);
        }
    }

    /** Milliseconds until the bucket is full again from empty: how long its state is worth keeping. */
    public long refillMillis() {
        return (long) Math.ceil(burst * 60_000.0 / perMinute);
    }
}
