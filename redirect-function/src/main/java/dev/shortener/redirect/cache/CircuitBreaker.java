package dev.shortener.redirect.cache;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * A circuit breaker around a dependency that is only an optimisation (the Redis cache).
 *
 * <ul>
 *   <li>CLOSED: every call goes through; {@code failureThreshold} consecutive failures open it.</li>
 *   <li>OPEN: no call goes through for {@code openFor}, so requests stop paying a timeout to a dead server.</li>
 *   <li>HALF_OPEN: after the cool-down, exactly one call is let through as a probe; its success closes the
 *       breaker, its failure opens it for another cool-down. Calls arriving while the probe runs are refused.</li>
 * </ul>
 *
 * <p>The clock is injected so that tests step through the cool-down instead of sleeping. Thread-safe, although
 * Lambda runs one request at a time per environment (the local runner may not).
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN
    }

    private final int failureThreshold;
    private final Duration openFor;
    private final InstantSource clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openUntil = Instant.MIN;
    private boolean probeInFlight;

    public CircuitBreaker(int failureThreshold, Duration openFor, InstantSource clock) {
        if (failureThreshold < 1) {
            throw new IllegalArgumentException("failureThreshold must be at least 1: " + failureThreshold);
        }
        if (openFor.isNegative() || openFor.isZero()) {
            throw new IllegalArgumentException("openFor must be positive: " + openFor);
        }
        this.failureThreshold = failureThreshold;
        this.openFor = openFor;
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Asks to make a call. A caller that gets true must report its result with {@link #onSuccess()} or
     * {@link #onFailure()}; one that gets false must not call the dependency.
     */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED -> {
                return true;
            }
            case OPEN -> {
                if (clock.instant().isBefore(openUntil)) {
                    return false;
                }
                state = State.HALF_OPEN;
                probeInFlight = true;
                return true;
            }
            default -> {
                // HALF_OPEN
                if (probeInFlight) {
                    return false;
                }
                probeInFlight = true;
                return true;
            }
        }
    }

    public synchronized void onSuccess() {
        state = State.CLOSED;
        consecutiveFailures = 0;
        probeInFlight = false;
    }

    public synchronized void onFailure() {
        probeInFlight = false;
        if (state == State.HALF_OPEN) {
            open();
            return;
        }
        consecutiveFailures++;
        if (state == State.CLOSED && consecutiveFailures >= failureThreshold) {
            open();
        }
    }

    /** The state as last decided; an OPEN breaker whose cool-down has passed turns HALF_OPEN on the next call. */
    public synchronized State state() {
        return state;
    }

    private void open() {
        state = State.OPEN;
        openUntil = clock.instant().plus(openFor);
        consecutiveFailures = 0;
    }
}
