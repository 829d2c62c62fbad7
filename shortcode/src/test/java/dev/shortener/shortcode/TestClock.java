package dev.shortener.shortcode;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock the test moves by hand, optionally advancing by a fixed step on every read so that waits end. */
final class TestClock implements InstantSource {

    private Instant now;
    private final Duration stepPerRead;
    private long reads;

    TestClock(Instant start, Duration stepPerRead) {
        this.now = start;
        this.stepPerRead = stepPerRead;
    }

    static TestClock fixedAt(Instant start) {
        return new TestClock(start, Duration.ZERO);
    }

    @Override
    public synchronized Instant instant() {
        reads++;
        Instant reading = now;
        now = now.plus(stepPerRead);
        return reading;
    }

    synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    synchronized void stepBack(Duration by) {
        now = now.minus(by);
    }

    synchronized Instant peek() {
        return now;
    }

    synchronized long reads() {
        return reads;
    }
}
