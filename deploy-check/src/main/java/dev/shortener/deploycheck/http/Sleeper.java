package dev.shortener.deploycheck.http;

import java.time.Duration;

/** Waiting, injected so that a test of a waiting check can count the waits instead of sitting through them. */
@FunctionalInterface
public interface Sleeper {

    Sleeper REAL = duration -> {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    };

    void sleep(Duration duration);
}
