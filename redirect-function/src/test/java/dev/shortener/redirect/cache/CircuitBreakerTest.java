package dev.shortener.redirect.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private static final int THRESHOLD = 3;

    private final TestClock clock = TestClock.fixedAt(Instant.parse("2026-11-27T12:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(THRESHOLD, Duration.ofSeconds(10), clock);

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
        trip();
        clock.advance(Duration.ofMillis(9_999));
        assertFalse(breaker.tryAcquire(), "still cooling down");

        clock.advance(Duration.ofMillis(1));

        assertTrue(breaker.tryAcquire(), "the probe");
        assertEquals(CircuitBreaker.State.HALF_OPEN, breaker.state());
        assertFalse(breaker.tryAcquire(), "nobody else while the probe runs");
        breaker.onSuccess();
        assertEquals(CircuitBreaker.State.CLOSED, breaker.state());
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aFailedProbe_opensForAnotherFullCoolDown() {
        trip();
        clock.advance(Duration.ofSeconds(10));
        assertTrue(breaker.tryAcquire());

        breaker.onFailure();

        assertEquals(CircuitBreaker.State.OPEN, breaker.state());
        clock.advance(Duration.ofSeconds(9));
        assertFalse(breaker.tryAcquire());
        clock.advance(Duration.ofSeconds(1));
        assertTrue(breaker.tryAcquire());
    }

    @Test
    void aClockSteppedBackwards_keepsTheBreakerOpen_ratherThanProbingEarly() {
        trip();
        clock.stepBack(Duration.ofSeconds(60));

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

    /** The threshold's worth of consecutive failures: the breaker opens. */
    private void trip() {
        fail(THRESHOLD);
    }
}
