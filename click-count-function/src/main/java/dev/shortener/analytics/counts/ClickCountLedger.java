package dev.shortener.analytics.counts;

import java.time.Instant;

/**
 * Adds an object's counts to the links and to their daily stats, at most once per object, whatever happens to the
 * invocation.
 */
public interface ClickCountLedger {

    enum Result {
        /** The counts were added now (or the rest of them, after an interrupted attempt). */
        APPLIED,
        /** This object was counted before: nothing added. */
        ALREADY_APPLIED,
        /** Another invocation is counting this object right now: retry later. */
        BUSY
    }

    /**
     * @param leaseUntil until when this invocation may be working on it (its remaining time and a margin):
     *                   after that, another invocation may take the object over
     */
    Result apply(ObjectRef object, ObjectClickCounts counts, Instant now, Instant leaseUntil);
}
