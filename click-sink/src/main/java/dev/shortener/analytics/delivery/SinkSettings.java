package dev.shortener.analytics.delivery;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The batching sink's limits and timings.
 *
 * @param maxRecordBytes   uncompressed bytes packed into one record (Firehose: 1,000 KiB per record)
 * @param maxBatchRecords  records per PutRecordBatch (Firehose: 500)
 * @param maxBatchBytes    record bytes per PutRecordBatch (Firehose: 4 MiB)
 * @param flushBytes       buffered bytes that start a send at once
 * @param maxBufferAge     the oldest buffered click's age that starts a send: bounds how stale, and how many,
 *                         clicks sit in an environment that could be frozen or killed
 * @param holdIfNextWithin while invocations arrive at least this often, beforeFreeze leaves young clicks
 *                         buffered for the next invocation; below that rate it sends them before the freeze
 * @param maxPendingBytes  clicks waiting in all (buffered, packed, in flight); beyond it new clicks go straight
 *                         to {@code click_undelivered} rather than growing the heap while Firehose is down
 * @param maxAttempts      attempts per record before it is given up (and logged)
 * @param backoffBase      first retry delay (jittered, doubling)
 * @param backoffCap       longest retry delay
 * @param metricsInterval  how often the counters are written as an EMF line (undelivered clicks: at once)
 * @param encoding         how records are encoded
 */
public record SinkSettings(
        int maxRecordBytes,
        int maxBatchRecords,
        int maxBatchBytes,
        int flushBytes,
        Duration maxBufferAge,
        Duration holdIfNextWithin,
        long maxPendingBytes,
        int maxAttempts,
        Duration backoffBase,
        Duration backoffCap,
        Duration metricsInterval,
        RecordEncoding encoding) {

    public static final int FIREHOSE_MAX_RECORD_BYTES = 1_024_000;
    public static final int FIREHOSE_MAX_BATCH_RECORDS = 500;
    public static final int FIREHOSE_MAX_BATCH_BYTES = 4 * 1024 * 1024;

    /** Below Firehose's limits with a margin; one send per second per busy environment at most. */
    public static SinkSettings defaults() {
        return new SinkSettings(
                1_000_000,
                FIREHOSE_MAX_BATCH_RECORDS,
                4_000_000,
                1_000_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(1),
                16L * 1024 * 1024,
                8,
                Duration.ofMillis(100),
                Duration.ofSeconds(5),
                Duration.ofSeconds(60),
                RecordEncoding.GZIP);
    }

    public SinkSettings {
        Objects.requireNonNull(maxBufferAge, "maxBufferAge");
        Objects.requireNonNull(holdIfNextWithin, "holdIfNextWithin");
        Objects.requireNonNull(backoffBase, "backoffBase");
        Objects.requireNonNull(backoffCap, "backoffCap");
        Objects.requireNonNull(metricsInterval, "metricsInterval");
        Objects.requireNonNull(encoding, "encoding");
        if (maxRecordBytes <= 0 || maxRecordBytes > FIREHOSE_MAX_RECORD_BYTES - 4096) {
            throw new IllegalArgumentException("maxRecordBytes must leave room under Firehose's 1,000 KiB");
        }
        if (maxBatchRecords <= 0 || maxBatchRecords > FIREHOSE_MAX_BATCH_RECORDS) {
            throw new IllegalArgumentException("maxBatchRecords must be 1..500");
        }
        if (maxBatchBytes < maxRecordBytes + 4096 || maxBatchBytes > FIREHOSE_MAX_BATCH_BYTES) {
            throw new IllegalArgumentException("maxBatchBytes must hold one record and stay within 4 MiB");
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
    }

    public SinkSettings withMaxBufferAge(Duration age) {
        return copy(c -> c.maxBufferAge = age);
    }

    public SinkSettings withHoldIfNextWithin(Duration hold) {
        return copy(c -> c.holdIfNextWithin = hold);
    }

    public SinkSettings withRetries(int attempts, Duration base, Duration cap) {
        return copy(c -> {
            c.maxAttempts = attempts;
            c.backoffBase = base;
            c.backoffCap = cap;
        });
    }

    public SinkSettings withEncoding(RecordEncoding recordEncoding) {
        return copy(c -> c.encoding = recordEncoding);
    }

    public SinkSettings withMaxPendingBytes(long bytes) {
        return copy(c -> c.maxPendingBytes = bytes);
    }

    /** These settings with {@code change} made, checked again by the canonical constructor. */
    private SinkSettings copy(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.settings();
    }

    /** The components, open to change: the one place a wither lists them all. */
    private static final class Draft {
        int maxRecordBytes;
        int maxBatchRecords;
        int maxBatchBytes;
        int flushBytes;
        Duration maxBufferAge;
        Duration holdIfNextWithin;
        long maxPendingBytes;
        int maxAttempts;
        Duration backoffBase;
        Duration backoffCap;
        Duration metricsInterval;
        RecordEncoding encoding;

        Draft(SinkSettings settings) {
            maxRecordBytes = settings.maxRecordBytes;
            maxBatchRecords = settings.maxBatchRecords;
            maxBatchBytes = settings.maxBatchBytes;
            flushBytes = settings.flushBytes;
            maxBufferAge = settings.maxBufferAge;
            holdIfNextWithin = settings.holdIfNextWithin;
            maxPendingBytes = settings.maxPendingBytes;
            maxAttempts = settings.maxAttempts;
            backoffBase = settings.backoffBase;
            backoffCap = settings.backoffCap;
            metricsInterval = settings.metricsInterval;
            encoding = settings.encoding;
        }

        SinkSettings settings() {
            return new SinkSettings(
                    maxRecordBytes,
                    maxBatchRecords,
                    maxBatchBytes,
                    flushBytes,
                    maxBufferAge,
                    holdIfNextWithin,
                    maxPendingBytes,
                    maxAttempts,
                    backoffBase,
                    backoffCap,
                    metricsInterval,
                    encoding);
        }
    }
}
