package dev.shortener.create;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand, so that expiry, refill and key lifetimes are tested without sleeping. */
final class MutableClock implements InstantSource {

    static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    private volatile Instant now;

    MutableClock(Instant start) {
        this.now = start;
    }

    MutableClock() {
        this(START);
    }

    @Override
    public Instant instant() {
        return now;
    }

    void advance(Duration step) {
        now = now.plus(step);
    }
}
