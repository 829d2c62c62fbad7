package dev.shortener.links.dynamodb;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicLong;

/** A clock the test drives: it moves a fixed step on every read, and can be set or stepped backwards. */
final class SteppingClock implements InstantSource {

    private final AtomicLong millis;
    private final long stepMillis;

    SteppingClock(Instant start, Duration stepPerRead) {
        this.millis = new AtomicLong(start.toEpochMilli());
        this.stepMillis = stepPerRead.toMillis();
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis.addAndGet(stepMillis));
    }

    Instant peek() {
        return Instant.ofEpochMilli(millis.get());
    }

    void advance(Duration by) {
        millis.addAndGet(by.toMillis());
    }

    void stepBack(Duration by) {
        millis.addAndGet(-by.toMillis());
    }
}
