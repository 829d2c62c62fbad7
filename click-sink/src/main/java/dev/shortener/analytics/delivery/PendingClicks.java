package dev.shortener.analytics.delivery;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Every click that is neither delivered nor given up: buffered (appended by the redirect), or packed into records
 * in the {@link Outbox}. One lock guards both; it is held only to move references, never while encoding or
 * sending, so {@link #append} stays cheap for the redirect. Waiters (beforeFreeze, shutdown) wait for
 * {@link #unresolved} to reach zero.
 */
final class PendingClicks {

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition settled = lock.newCondition();
    private final SinkSettings settings;
    private final Outbox outbox;

    private List<EncodedClick> buffer = new ArrayList<>();
    private long bufferBytes;
    private long oldestBufferedNanos;
    private long pendingBytes;
    private int unresolved;
    /** Clicks ever appended, and ever taken from the buffer: a flush request covers the clicks appended before it. */
    private long appended;

    private long taken;
    private long flushUpTo;
    private boolean closing;
    /** Taken by the flusher and being packed: in neither the buffer nor the outbox until planBatch. */
    private List<EncodedClick> packing = List.of();

    private boolean packingAbandoned;
    private boolean stopped;

    PendingClicks(SinkSettings settings) {
        this.settings = settings;
        this.outbox = new Outbox(settings);
    }

    /** Buffers a click; false when the pending bytes are at their bound (the caller logs it undelivered). */
    boolean append(EncodedClick click, boolean sendNow) {
        lock.lock();
        try {
            if (closing || pendingBytes + click.size() > settings.maxPendingBytes()) {
                return false;
            }
            if (buffer.isEmpty()) {
                oldestBufferedNanos = System.nanoTime();
                work.signal(); // the flusher may be waiting with no deadline: it now has one
            }
            buffer.add(click);
            bufferBytes += click.size();
            pendingBytes += click.size();
            unresolved++;
            appended++;
            if (sendNow) {
                flushUpTo = appended;
            }
            if (sendNow || bufferBytes >= settings.flushBytes()) {
                work.signal();
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Asks for the clicks buffered so far to be sent now (not those appended later: they may wait their turn). */
    void requestFlush() {
        lock.lock();
        try {
            flushUpTo = appended;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    int unresolved() {
        lock.lock();
        try {
            return unresolved;
        } finally {
            lock.unlock();
        }
    }

    /**
     * For the flusher: blocks until a send is due (the buffer is old, large or asked for, or resends are due), then
     * hands over the buffered clicks to pack (possibly none). Null once stopped.
     */
    List<EncodedClick> awaitDue() throws InterruptedException {
        lock.lock();
        try {
            while (!stopped) {
                long now = System.nanoTime();
                long wait = outbox.dueInNanos(now, closing);
                if (!buffer.isEmpty() && !outbox.paused(now, closing)) {
                    long dueAt = oldestBufferedNanos + settings.maxBufferAge().toNanos();
                    boolean due = flushUpTo > taken || closing || bufferBytes >= settings.flushBytes() || now >= dueAt;
                    wait = due ? 0 : Math.min(wait, dueAt - now);
                }
                if (wait == 0) {
                    List<EncodedClick> batch = buffer;
                    buffer = new ArrayList<>();
                    bufferBytes = 0;
                    taken = appended;
                    packing = batch;
                    packingAbandoned = false;
                    return batch;
                }
                if (wait == Long.MAX_VALUE) {
                    work.await();
                } else {
                    work.awaitNanos(wait);
                }
            }
            return null;
        } finally {
            lock.unlock();
        }
    }

    /** Adds freshly packed records and takes the next call's batch. */
    List<PendingRecord> planBatch(List<PendingRecord> packed) {
        lock.lock();
        try {
            if (!packingAbandoned) {
                outbox.add(packed); // else given up (and logged) while being packed
            }
            packing = List.of();
            packingAbandoned = false;
            List<PendingRecord> batch = outbox.takeBatch(System.nanoTime(), closing);
            if (outbox.hasWaiting()) {
                work.signal(); // more may be due than one call carries
            }
            return batch;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Applies a call's outcome. Delivered clicks are counted before any waiter wakes (a shutdown right after must
     * see them); given-up ones stay unresolved until {@link #released} says their log lines are written.
     */
    Settlement settle(List<PendingRecord> batch, BatchOutcome outcome, DeliveryMetrics metrics) {
        lock.lock();
        try {
            Settlement result = outbox.settle(batch, outcome, System.nanoTime());
            for (PendingRecord record : result.delivered) {
                metrics.add(DeliveryMetrics.DELIVERED, record.clicks.size());
                record.resolved = true;
                unresolved -= record.clicks.size();
                pendingBytes -= record.plainBytes;
            }
            for (PendingRecord record : result.givenUp) {
                record.resolved = true;
                pendingBytes -= record.plainBytes;
            }
            settled.signalAll();
            work.signal();
            return result;
        } finally {
            lock.unlock();
        }
    }

    /** Given-up records whose {@code click_undelivered} lines are now written. */
    void released(List<PendingRecord> givenUp) {
        lock.lock();
        try {
            for (PendingRecord record : givenUp) {
                unresolved = Math.max(0, unresolved - record.clicks.size());
            }
            settled.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is pending or the deadline passes; true when nothing is pending. */
    boolean awaitSettled(long deadlineNanos) throws InterruptedException {
        lock.lock();
        try {
            long left;
            while (unresolved > 0 && (left = deadlineNanos - System.nanoTime()) > 0) {
                settled.awaitNanos(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
            }
            return unresolved == 0;
        } finally {
            lock.unlock();
        }
    }

    /** From now on, send everything at once, ignoring backoffs, and accept no new clicks. */
    void close() {
        lock.lock();
        try {
            closing = true;
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up everything still pending (a post-response flush out of time) but keeps the flusher running: an
     * environment about to freeze must hold no click, since it may stay frozen for hours or never thaw.
     */
    List<EncodedClick> abandonPending() {
        lock.lock();
        try {
            List<EncodedClick> abandoned = new ArrayList<>(buffer);
            abandoned.addAll(packing);
            packingAbandoned = !packing.isEmpty();
            packing = List.of();
            for (PendingRecord record : outbox.abandon()) {
                abandoned.addAll(record.clicks);
            }
            buffer = new ArrayList<>();
            bufferBytes = 0;
            taken = appended;
            unresolved = 0;
            pendingBytes = 0;
            settled.signalAll();
            return abandoned;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Gives up everything still pending (shutdown out of time), as {@link #abandonPending} does, clicks being packed
     * included, and stops the flusher.
     */
    List<EncodedClick> abandonAll() {
        lock.lock();
        try {
            List<EncodedClick> abandoned = abandonPending();
            stopped = true;
            work.signalAll();
            return abandoned;
        } finally {
            lock.unlock();
        }
    }

    /** What one call settled. */
    static final class Settlement {
        final List<PendingRecord> delivered = new ArrayList<>();
        final List<PendingRecord> givenUp = new ArrayList<>();
        String lastError;
    }
}
