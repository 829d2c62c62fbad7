package dev.shortener.analytics;

import java.time.LocalDate;

/**
 * Where click events live: one layout for the S3 bucket that Firehose writes and for the local sink's folder, so
 * the same Glue table (partition projection on {@code dt}) and the same DuckDB glob read both.
 *
 * <pre>
 *   clicks/dt=2026-05-01/&lt;stream&gt;-1-2026-05-01-12-00-00-&lt;uuid&gt;.json.gz    events (GZIP NDJSON)
 *   clicks-errors/&lt;error-output-type&gt;/dt=2026-05-01/...                    what Firehose could not deliver
 * </pre>
 *
 * <p>{@code dt} is the day Firehose received the record (its {@code !{timestamp:...}} is the arrival time), in
 * UTC. A click late on a day can land in the next day's partition; queries group by the click's own day
 * ({@code substr(ts, 1, 10)}) and filter partitions a day wider when that matters. The Hive-style
 * {@code dt=} folder lets DuckDB's {@code hive_partitioning} read {@code dt} from local paths as Athena does.
 */
public final class ClickLayout {

    /** Under this prefix: only event objects (the click-count function ignores anything else). */
    public static final String EVENTS_PREFIX = "clicks/";

    public static final String PARTITION_KEY = "dt";
    /** Firehose {@code Prefix}. */
    public static final String FIREHOSE_PREFIX = "clicks/dt=!{timestamp:yyyy-MM-dd}/";
    /** Firehose {@code ErrorOutputPrefix}: outside {@link #EVENTS_PREFIX}, so Athena never reads failed output. */
    public static final String FIREHOSE_ERROR_PREFIX =
            "clicks-errors/!{firehose:error-output-type}/dt=!{timestamp:yyyy-MM-dd}/";
    /**
     * Firehose {@code FileExtension} with producer-compressed records (CompressionFormat UNCOMPRESSED): Athena
     * picks the codec by extension. A stream that compresses itself (GZIP) gets {@code .gz} by default.
     */
    public static final String FIREHOSE_FILE_EXTENSION = ".json.gz";
    /** Athena partition projection's first day. */
    public static final String PROJECTION_START = "2026-01-01";

    private ClickLayout() {}

    /** {@code clicks/dt=2026-05-01/}. */
    public static String partitionPrefix(LocalDate day) {
        return EVENTS_PREFIX + PARTITION_KEY + "=" + day + "/";
    }

    public static boolean isEventObject(String key) {
        return key.startsWith(EVENTS_PREFIX);
    }
}
