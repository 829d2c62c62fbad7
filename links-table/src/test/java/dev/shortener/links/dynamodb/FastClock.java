package dev.shortener.links.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Real time, sped up: {@code speedup} clock seconds pass for every real second, whoever reads the clock. A
 * minter waiting for the clock (its sequence exhausted, borrowing at its limit) waits the same as on a real
 * clock, only shorter, so a long run of mints spans many minutes of clock time (and lease renewals) in seconds.
 */
final class FastClock implements InstantSource {

    private final long startMillis;
    private final long startNanos = System.nanoTime();
    private final long speedup;
    private final AtomicLong offsetMillis = new AtomicLong();

    FastClock(Instant start, long speedup) {
        this.startMillis = start.toEpochMilli();
        this.speedup = speedup;
    }

    @Override
    public Instant instant() {
        long elapsedMillis = (System.nanoTime() - startNanos) * speedup / 1_000_000;
        return Instant.ofEpochMilli(startMillis + elapsedMillis + offsetMillis.get());
    }

    void stepBack(Duration by) {
        offsetMillis.addAndGet(-by.toMillis());
    }
}
