package dev.shortener.analytics.delivery;

import java.time.Duration;

/**
 * Estimates how soon this execution environment will be invoked again, from the gaps between its recent
 * invocations (an exponentially weighted mean). Lambda freezes an environment between invocations; a click left
 * in the buffer is safe to leave only when the next invocation, which thaws the flusher, is expected soon.
 *
 * <p>Not thread-safe on purpose: Lambda runs one invocation at a time per environment.
 */
final class TrafficGauge {

    private static final double WEIGHT = 0.25; // a burst after a lull turns "busy" after a few invocations

    private final long holdIfNextWithinNanos;
    private long lastEndNanos;
    private double meanGapNanos = Double.MAX_VALUE; // unknown: assume a lone invocation
    private boolean started;

    TrafficGauge(Duration holdIfNextWithin) {
        this.holdIfNextWithinNanos = holdIfNextWithin.toNanos();
    }

    /** Called as each invocation ends. */
    void invocationEnded(long nowNanos) {
        if (started) {
            double gap = nowNanos - lastEndNanos;
            meanGapNanos = meanGapNanos == Double.MAX_VALUE ? gap : WEIGHT * gap + (1 - WEIGHT) * meanGapNanos;
        }
        started = true;
        lastEndNanos = nowNanos;
    }

    /** Whether the next invocation is expected within the hold window, judged from the gaps so far. */
    boolean busy(long nowNanos) {
        if (!started || nowNanos - lastEndNanos > holdIfNextWithinNanos) {
            return false; // a gap this long right now: the expectation is already wrong
        }
        return meanGapNanos <= holdIfNextWithinNanos;
    }
}
