package dev.shortener.analytics.delivery;

import dev.shortener.http.Json;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

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

    private final String namespace;
    private final String service;
    private final PrintStream out;
    private final long intervalMillis;
    private final Map<String, AtomicLong> counters = Map.of(
            DELIVERED,
            new AtomicLong(),
            RESENT,
            new AtomicLong(),
            UNDELIVERED,
            new AtomicLong(),
            REQUESTS,
            new AtomicLong(),
            RECORDS,
            new AtomicLong());
    private long lastEmitMillis = System.currentTimeMillis();

    public DeliveryMetrics(String namespace, String service, PrintStream out, long intervalMillis) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.service = Objects.requireNonNull(service, "service");
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
        List<Map<String, String>> metrics = new ArrayList<>(NAMES.length);
        Map<String, Object> line = new LinkedHashMap<>();
        line.put(
                "_aws",
                Map.of(
                        "Timestamp",
                        now,
                        "CloudWatchMetrics",
                        List.of(Map.of(
                                "Namespace",
                                namespace,
                                "Dimensions",
                                List.of(List.of("Service")),
                                "Metrics",
                                metrics))));
        line.put("Service", service);
        boolean any = false;
        for (String name : NAMES) {
            long value = counters.get(name).getAndSet(0);
            metrics.add(Map.of("Name", name, "Unit", "Count"));
            line.put(name, value);
            any |= value != 0;
        }
        lastEmitMillis = now;
        if (any) {
            out.println(Json.write(line));
        }
    }
}
