package dev.shortener.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.temporal.ChronoUnit;

/**
 * A clock the test moves by hand, forwards or backwards, so that expiry, refill, cool-downs and leases are tested
 * without sleeping. It can also advance by a fixed step on every read (after returning the reading), so that a
 * wait for the clock ends.
 */
public final class TestClock implements InstantSource {

    private Instant now;
    private final Duration stepPerRead;
    private long reads;

    public TestClock(Instant start, Duration stepPerRead) {
        this.now = start;
        this.stepPerRead = stepPerRead;
    }

    /** A clock that moves only when the test moves it. */
    public static TestClock fixedAt(Instant start) {
        return new TestClock(start, Duration.ZERO);
    }

    /** Fixed at now, on a whole second: links keep their times to the second, so expiries come out exact. */
    public static TestClock atSystemTime() {
        return fixedAt(Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Override
    public synchronized Instant instant() {
        reads++;
        Instant reading = now;
        now = now.plus(stepPerRead);
        return reading;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }

    public synchronized void stepBack(Duration by) {
        now = now.minus(by);
    }

    /** The next reading, without reading (no step, not counted). */
    public synchronized Instant peek() {
        return now;
    }

    public synchronized long reads() {
        return reads;
    }
}
