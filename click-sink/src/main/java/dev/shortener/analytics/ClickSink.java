package dev.shortener.analytics;

import java.time.Duration;

/**
 * Where the redirect function hands clicks off. The redirect never waits on analytics beyond a small, bounded
 * budget, and no click is silently dropped: a click is delivered, or logged whole as {@code click_undelivered}
 * so that it can be replayed.
 */
public interface ClickSink {

    /** Appends a click; never blocks on the network. */
    void record(Click click);

    /**
     * Called by the handler just before it returns, because Lambda freezes the environment then: gives the sink
     * at most {@code budget} to finish what must not sit in a frozen environment.
     */
    void beforeFreeze(Duration budget);
}
