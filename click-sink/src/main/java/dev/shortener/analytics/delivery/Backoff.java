package dev.shortener.analytics.delivery;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Exponential backoff with "equal jitter": half the delay is fixed, half random. Jitter spreads the retries of
 * the ~100 environments that a throttled stream answers at once; the fixed half guarantees each one really backs
 * off (full jitter can retry at once).
 */
final class Backoff {

    private final long baseNanos;
    private final long capNanos;

    Backoff(Duration base, Duration cap) {
        this.baseNanos = base.toNanos();
        this.capNanos = cap.toNanos();
    }

    /** The delay before attempt {@code failures + 1}, for {@code failures >= 1}. */
    long delayNanos(int failures) {
        int shift = Math.min(Math.max(failures - 1, 0), 30);
        long ceiling = Math.min(capNanos, baseNanos << shift);
        long half = ceiling / 2;
        return half + (half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0);
    }
}
