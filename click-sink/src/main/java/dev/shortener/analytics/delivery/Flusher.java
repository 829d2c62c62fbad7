package dev.shortener.analytics.delivery;

import java.util.ArrayList;
import java.util.List;

/**
 * The one background thread of a batching sink: waits until a send is due, packs the buffered clicks into
 * records, sends one PutRecordBatch at a time and settles the outcome. In Lambda it runs only while the
 * environment is thawed; an invocation that must not leave clicks behind waits for it in beforeFreeze.
 */
final class Flusher implements Runnable {

    private final PendingClicks pending;
    private final RecordPacker packer;
    private final RecordBatchSender sender;
    private final DeliveryMetrics metrics;
    private final UndeliveredLog undelivered;

    Flusher(
            PendingClicks pending,
            RecordPacker packer,
            RecordBatchSender sender,
            DeliveryMetrics metrics,
            UndeliveredLog undelivered) {
        this.pending = pending;
        this.packer = packer;
        this.sender = sender;
        this.metrics = metrics;
        this.undelivered = undelivered;
    }

    @Override
    public void run() {
        try {
            List<EncodedClick> due;
            while ((due = pending.awaitDue()) != null) {
                sendOnce(packer.pack(due));
            }
        } catch (InterruptedException stop) {
            Thread.currentThread().interrupt();
        }
    }

    private void sendOnce(List<PendingRecord> packed) {
        List<PendingRecord> batch = pending.planBatch(packed);
        if (batch.isEmpty()) {
            return;
        }
        List<byte[]> data = new ArrayList<>(batch.size());
        long resent = 0;
        for (PendingRecord record : batch) {
            data.add(record.data);
            if (record.attempts > 0) {
                resent += record.clicks.size();
            }
        }
        BatchOutcome outcome;
        try {
            outcome = sender.send(data);
        } catch (RuntimeException unexpected) {
            // The port promises not to throw; if it does anyway, the clicks are still ours to retry.
            outcome = new BatchOutcome.CallFailed(unexpected.getClass().getSimpleName(), false);
        }
        metrics.add(DeliveryMetrics.REQUESTS, 1);
        metrics.add(DeliveryMetrics.RECORDS, batch.size());
        metrics.add(DeliveryMetrics.RESENT, resent);
        PendingClicks.Settlement settled = pending.settle(batch, outcome, metrics);
        for (PendingRecord record : settled.givenUp) {
            undelivered.write(
                    UndeliveredLog.Reason.retries_exhausted, settled.lastError, record.attempts, record.clicks);
        }
        metrics.add(DeliveryMetrics.UNDELIVERED, clicks(settled.givenUp));
        pending.released(settled.givenUp);
        metrics.emitIfDue(false);
    }

    private static long clicks(List<PendingRecord> records) {
        long n = 0;
        for (PendingRecord record : records) {
            n += record.clicks.size();
        }
        return n;
    }
}
