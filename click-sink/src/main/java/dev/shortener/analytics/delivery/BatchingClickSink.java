package dev.shortener.analytics.delivery;

import dev.shortener.analytics.Click;
import dev.shortener.analytics.ClickSink;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.event.ClickEvents;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The click sink for a delivery stream, batched across invocations: {@link #record} only appends to an
 * in-memory buffer; a background flusher packs many events into each record and many records into each call.
 *
 * <p>Freezing: while invocations keep coming (the next one is expected within
 * {@link SinkSettings#holdIfNextWithin()}), {@link #beforeFreeze} returns at once and the flusher sends when
 * the buffer is {@link SinkSettings#maxBufferAge()} old or large. When traffic is low, {@link #record} wakes the
 * flusher at once, so the send overlaps with the redirect's lookup, and {@link #beforeFreeze} waits for it within
 * the budget. Whatever can't be delivered ends up in one {@code click_undelivered} log line per click.
 *
 * <p>After the response: once {@link #flushAfterResponse()} is switched on (a Lambda extension subscribed to
 * INVOKE holds the environment for it), the handler waits for nothing: {@link #beforeFreeze} only marks the
 * invocation's end, and the extension thread calls {@link #awaitInvocationEnd} and {@link #settleBeforeNext},
 * which delivers what a lone invocation left, or gives it up as {@code click_undelivered} when its budget runs
 * out, before the extension lets the environment freeze.
 */
public final class BatchingClickSink implements ClickSink, AutoCloseable {

    private final ClickEvents events;
    private final PendingClicks pending;
    private final DeliveryMetrics metrics;
    private final UndeliveredLog undelivered;
    private final TrafficGauge traffic;
    private final Thread flusher;
    /**
     * Invocations whose handler has ended since the switch to after-response, against those the extension thread
     * has waited for: counted rather than signalled, so a handler that ends after the extension stopped waiting for
     * it is not taken for the end of the next invocation.
     */
    private final ReentrantLock invocations = new ReentrantLock();

    private final Condition handlerEnded = invocations.newCondition();
    private long endedInvocations;
    /** Only the extension thread reads and writes it. */
    private long awaitedInvocations;

    /** After-response flushes that ran out of time in a row before the budget is cut to {@link #PROBE_BUDGET}. */
    static final int OUT_OF_TIME_BEFORE_PROBING = 3;

    /** What a flush after the response gets while Firehose keeps failing: many healthy calls' time, little bill. */
    public static final Duration PROBE_BUDGET = Duration.ofMillis(250);

    private volatile boolean afterResponse;
    /** Only the extension thread reads and writes it. */
    private int flushesOutOfTimeInARow;
    /** Whether the invocation that ended last expects the next one soon; written before its end is counted. */
    private volatile boolean busyAtEnd;

    public BatchingClickSink(
            ClickEvents events,
            RecordBatchSender sender,
            SinkSettings settings,
            DeliveryMetrics metrics,
            UndeliveredLog undelivered) {
        this.events = Objects.requireNonNull(events, "events");
        Objects.requireNonNull(settings, "settings");
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.undelivered = Objects.requireNonNull(undelivered, "undelivered");
        this.pending = new PendingClicks(settings);
        this.traffic = new TrafficGauge(settings.holdIfNextWithin());
        var packer = new RecordPacker(settings.maxRecordBytes(), settings.encoding());
        this.flusher = new Thread(new Flusher(pending, packer, sender, metrics, undelivered), "click-flusher");
        flusher.setDaemon(true); // never keeps a JVM alive; shutdown() flushes explicitly
        flusher.start();
    }

    @Override
    public void record(Click click) {
        ClickEvent event = events.from(click);
        var encoded = new EncodedClick(event.eventId(), ClickEventCodec.toLine(event));
        // After the response, nothing is sent during the invocation: the send would compete with the redirect.
        boolean lowTraffic = !afterResponse && !traffic.busy(System.nanoTime());
        if (!pending.append(encoded, lowTraffic)) {
            undelivered.write(UndeliveredLog.Reason.buffer_full, null, 0, List.of(encoded));
            metrics.add(DeliveryMetrics.UNDELIVERED, 1);
        }
    }

    @Override
    public void beforeFreeze(Duration budget) {
        long now = System.nanoTime();
        traffic.invocationEnded(now);
        if (afterResponse) {
            busyAtEnd = traffic.busy(now);
            invocations.lock();
            try {
                endedInvocations++;
                handlerEnded.signalAll();
            } finally {
                invocations.unlock();
            }
            return;
        }
        if (pending.unresolved() == 0) {
            return;
        }
        if (traffic.busy(now)) {
            // The next invocation comes soon and thaws the flusher, whose timer sends the buffer at its maximum age
            // (a deadline that passed while frozen fires on thaw). Waiting here would not help: with a send in
            // flight it can't finish within a redirect's budget, and every invocation waiting (or asking for a
            // send) under load would shrink the batches and multiply the requests.
            return;
        }
        pending.requestFlush();
        settledBy(now + budget.toNanos());
    }

    /** From now on the handler hands clicks off without waiting; an extension thread calls the methods below. */
    public void flushAfterResponse() {
        afterResponse = true;
    }

    /**
     * For the extension thread, once per INVOKE event: waits until that invocation's handler is done; false at
     * the deadline (the handler still runs).
     */
    public boolean awaitInvocationEnd(long deadlineNanos) throws InterruptedException {
        long invocation = ++awaitedInvocations;
        invocations.lock();
        try {
            long left;
            while (endedInvocations < invocation && (left = deadlineNanos - System.nanoTime()) > 0) {
                handlerEnded.awaitNanos(left);
            }
            return endedInvocations >= invocation;
        } finally {
            invocations.unlock();
        }
    }

    /**
     * For the extension thread, after the response and before it lets the environment freeze: under load
     * (the next invocation expected within the hold window) returns at once and the clicks wait for their batch,
     * as in {@link #beforeFreeze}; otherwise sends what is pending and waits until the deadline, then gives up
     * whatever is still pending as {@code click_undelivered}, so that nothing sits in a frozen environment.
     *
     * <p>While Firehose is down, every lone invocation would hold its environment for the whole budget, billed
     * (a second by default, where a healthy call takes milliseconds): after {@value #OUT_OF_TIME_BEFORE_PROBING}
     * flushes in a row ran out of time, the next ones wait only {@link #PROBE_BUDGET}, until one settles in time.
     *
     * @return the clicks given up
     */
    public int settleBeforeNext(long deadlineNanos) {
        if (pending.unresolved() == 0 || busyAtEnd) {
            return 0;
        }
        long deadline = flushesOutOfTimeInARow >= OUT_OF_TIME_BEFORE_PROBING
                ? Math.min(deadlineNanos, System.nanoTime() + PROBE_BUDGET.toNanos())
                : deadlineNanos;
        pending.requestFlush();
        if (settledBy(deadline)) {
            flushesOutOfTimeInARow = 0;
            return 0;
        }
        flushesOutOfTimeInARow++;
        return giveUpPending();
    }

    /**
     * For the extension thread when the function's deadline came while the handler still ran: Lambda ends such an
     * environment, so what is pending is given up as {@code click_undelivered} now, while it still can be.
     *
     * @return the clicks given up
     */
    public int giveUpPending() {
        return giveUp(UndeliveredLog.Reason.flush_timeout, pending.abandonPending());
    }

    /**
     * Sends everything pending within {@code budget} (Lambda's shutdown phase allows ~500 ms); what is still
     * pending then is logged as {@code click_undelivered}. Accepts no clicks afterwards.
     */
    public void shutdown(Duration budget) {
        pending.close();
        settledBy(System.nanoTime() + budget.toNanos());
        giveUp(UndeliveredLog.Reason.shutdown_timeout, pending.abandonAll());
        metrics.emitIfDue(true);
        flusher.interrupt();
    }

    @Override
    public void close() {
        shutdown(Duration.ofSeconds(2));
    }

    /** Waits until nothing is pending or in flight, or the deadline; an interrupt ends the wait early. */
    private boolean settledBy(long deadlineNanos) {
        try {
            return pending.awaitSettled(deadlineNanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Logs the clicks given up, each whole in a {@code click_undelivered} line, and counts them. */
    private int giveUp(UndeliveredLog.Reason reason, List<EncodedClick> abandoned) {
        undelivered.write(reason, null, 0, abandoned);
        metrics.add(DeliveryMetrics.UNDELIVERED, abandoned.size());
        return abandoned.size();
    }

    /** Clicks neither delivered nor given up yet (for tests and the shutdown log). */
    public int pendingClicks() {
        return pending.unresolved();
    }
}
