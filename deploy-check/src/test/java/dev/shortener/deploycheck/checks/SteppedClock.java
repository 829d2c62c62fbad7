package dev.shortener.deploycheck.checks;

import dev.shortener.deploycheck.http.Sleeper;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** A clock that moves only when the code under test sleeps: waits are counted, never sat through. */
final class SteppedClock implements InstantSource, Sleeper {

    private Instant now = Instant.parse("2026-12-02T12:00:00Z");
    private final List<Duration> sleeps = new ArrayList<>();

    @Override
    public synchronized Instant instant() {
        return now;
    }

    @Override
    public synchronized void sleep(Duration duration) {
        sleeps.add(duration);
        now = now.plus(duration);
    }

    synchronized List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }
}
