package dev.shortener.redirect.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-27T12:00:00Z"));
    private final InstantSource clock = now::get;
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);

    @Test
    void opensAfterTheThresholdOfConsecutiveFailures_only() {
        fail(2);
        succeed();
        fail(2);

        assertEquals(CircuitBreaker.State.CLOSED, breaker.state(), "a success resets the count");

        fail(1);

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        assertFalse(breaker.tryAcquire());
    }

    @Test
    void afterTheCoolDown_letsExactlyOneProbeThrough_andItsSuccessCloses() {
        fail(3);
        step(Duration.ofMillis(9_999));
        assertFalse(breaker.tryAcquire(), "still cooling down");

        step(Duration.ofMillis(1));

        assertTrue(breaker.tryAcquire(), "the probe");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "nobody else while the probe runs");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbe_opensForAnotherFullCoolDown() {
        fail(3);
        step(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());

        breaker.onFailure();

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        step(Duration.ofSeconds(9));
        assertFalse(breaker.tryAcquire());
        step(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aClockSteppedBackwards_keepsTheBreakerOpen_ratherThanProbingEarly() {
        fail(3);
        step(Duration.ofSeconds(-60));

        assertFalse(breaker.tryAcquire());
    }

    private void fail(int times) {
        for (int i = 0; i < times; i++) {
            assertTrue(breaker.tryAcquire());
            breaker.onFailure();
        }
    }

    private void succeed() {
        assertTrue(breaker.tryAcquire());
        breaker.onSuccess();
    }

    private void step(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }
}
