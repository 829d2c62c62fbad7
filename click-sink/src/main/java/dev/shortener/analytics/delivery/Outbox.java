package dev.shortener.analytics.delivery;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Packed records on their way: waiting to be sent (or resent after a backoff), or in flight. It decides what the
 * next PutRecordBatch carries and what a call's outcome means for each record. Not thread-safe: only
 * {@link PendingClicks} uses it, under its lock.
 */
final class Outbox {

    private final SinkSettings settings;
    private final Backoff backoff;
    private final ArrayDeque<PendingRecord> waiting = new ArrayDeque<>();
    private final List<PendingRecord> inFlight = new ArrayList<>();
    private long pausedUntilNanos;
    private int consecutiveCallFailures;

    Outbox(SinkSettings settings) {
        this.settings = settings;
        this.backoff = new Backoff(settings.backoffBase(), settings.backoffCap());
    }

    void add(List<PendingRecord> records) {
        waiting.addAll(records);
    }

    boolean hasWaiting() {
        return !waiting.isEmpty();
    }

    /**
     * Nanoseconds until a send is due: 0 when one is due now, {@code Long.MAX_VALUE} when nothing waits. After a
     * throttled or failed call nothing is sent until its backoff ends, except when closing (shutdown).
     */
    long dueInNanos(long now, boolean closing) {
        if (!closing && now < pausedUntilNanos) {
            return pausedUntilNanos - now;
        }
        long wait = Long.MAX_VALUE;
        for (PendingRecord record : waiting) {
            if (closing || record.notBeforeNanos <= now) {
                return 0;
            }
            wait = Math.min(wait, record.notBeforeNanos - now);
        }
        return wait;
    }

    boolean paused(long now, boolean closing) {
        return !closing && now < pausedUntilNanos;
    }

    /** The next call's records, oldest first, within Firehose's 500 records and 4 MiB; they are now in flight. */
    List<PendingRecord> takeBatch(long now, boolean closing) {
        List<PendingRecord> batch = new ArrayList<>();
        long bytes = 0;
        for (Iterator<PendingRecord> it = waiting.iterator();
                it.hasNext() && batch.size() < settings.maxBatchRecords(); ) {
            PendingRecord record = it.next();
            if ((closing || record.notBeforeNanos <= now) && bytes + record.size() <= settings.maxBatchBytes()) {
                batch.add(record);
                bytes += record.size();
                it.remove();
            }
        }
        inFlight.addAll(batch);
        return batch;
    }

    /**
     * Applies a call's outcome to its records: stored ones are delivered; failed ones wait for one jittered
     * backoff (so they are resent together) or, out of attempts, are given up. A failed call also pauses all
     * sending, since throttling means the stream as a whole is over its quota.
     */
    PendingClicks.Settlement settle(List<PendingRecord> batch, BatchOutcome outcome, long now) {
        inFlight.removeAll(batch);
        PendingClicks.Settlement result = new PendingClicks.Settlement();
        boolean callFailed = outcome instanceof BatchOutcome.CallFailed;
        consecutiveCallFailures = callFailed ? consecutiveCallFailures + 1 : 0;
        if (callFailed) {
            pausedUntilNanos = now + backoff.delayNanos(consecutiveCallFailures);
        }
        long retryAt = now + backoff.delayNanos(maxAttempts(batch) + 1);
        for (int i = 0; i < batch.size(); i++) {
            PendingRecord record = batch.get(i);
            if (record.resolved) {
                continue; // abandoned at shutdown while in flight: already logged
            }
            String error = callFailed
                    ? ((BatchOutcome.CallFailed) outcome).errorCode()
                    : ((BatchOutcome.Answered) outcome).failedErrorCodes().get(i);
            record.attempts++;
            if (error == null) {
                result.delivered.add(record);
            } else if (record.attempts >= settings.maxAttempts()) {
                result.givenUp.add(record);
                result.lastError = error;
            } else {
                record.notBeforeNanos = retryAt;
                waiting.add(record);
            }
        }
        return result;
    }

    /** Every record not yet resolved, now marked resolved (shutdown ran out of time). */
    List<PendingRecord> abandon() {
        List<PendingRecord> all = new ArrayList<>(waiting);
        all.addAll(inFlight);
        waiting.clear();
        List<PendingRecord> abandoned = new ArrayList<>();
        for (PendingRecord record : all) {
            if (!record.resolved) {
                record.resolved = true;
                abandoned.add(record);
            }
        }
        return abandoned;
    }

    private static int maxAttempts(List<PendingRecord> batch) {
        int max = 0;
        for (PendingRecord record : batch) {
            max = Math.max(max, record.attempts);
        }
        return max;
    }
}
