package dev.shortener.analytics.delivery;

import dev.shortener.http.EmfMetrics;
import dev.shortener.http.Json;
import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Counters of what happened to clicks, written as CloudWatch Embedded Metric Format lines on stdout: CloudWatch
 * turns each line into metrics with no API call and no extra library. One line carries the increments since the
 * previous one, at most every {@code interval}, so a busy environment writes ~1 line a minute, not one per send.
 */
public final class DeliveryMetrics {

    public static final String DELIVERED = "ClicksDelivered";
    public static final String RESENT = "ClicksResent";
    public static final String UNDELIVERED = "ClicksUndelivered";
    public static final String REQUESTS = "FirehoseRequests";
    public static final String RECORDS = "FirehoseRecords";
    private static final String[] NAMES = {DELIVERED, RESENT, UNDELIVERED, REQUESTS, RECORDS};

    private final EmfMetrics metrics;
    private final PrintStream out;
    private final long intervalMillis;
    private final Map<String, AtomicLong> counters =
            Stream.of(NAMES).collect(Collectors.toUnmodifiableMap(name -> name, name -> new AtomicLong()));
    private long lastEmitMillis = System.currentTimeMillis();

    /** @param metrics the function's metric writer: its namespace and {@code Service} dimension */
    public DeliveryMetrics(EmfMetrics metrics, PrintStream out, long intervalMillis) {
        this.metrics = Objects.requireNonNull(metrics, "metrics");
        this.out = Objects.requireNonNull(out, "out");
        this.intervalMillis = intervalMillis;
    }

    void add(String name, long n) {
        if (n != 0) {
            counters.get(name).addAndGet(n);
        }
    }

    /** Writes a line when the interval has passed, or at once when clicks were given up (alarms want those). */
    void emitIfDue(boolean force) {
        long now = System.currentTimeMillis();
        synchronized (this) {
            if (force || counters.get(UNDELIVERED).get() > 0 || now - lastEmitMillis >= intervalMillis) {
                emit(now);
            }
        }
    }

    private void emit(long now) {
        Map<String, Long> values = new LinkedHashMap<>();
        boolean any = false;
        for (String name : NAMES) {
            long value = counters.get(name).getAndSet(0);
            values.put(name, value);
            any |= value != 0;
        }
        lastEmitMillis = now;
        if (any) {
            out.println(Json.write(metrics.counts(values)));
        }
    }
}
