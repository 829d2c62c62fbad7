package dev.shortener.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Exact percentiles of recorded latencies (nanoseconds, sorted arrays: no histogram rounding). */
public final class Stats {

    /** The quantile levels whose values {@code q_us} lists: enough to rebuild the distribution's shape. */
    public static final List<Double> LEVELS =
            List.of(0.0, 0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99, 0.999, 1.0);

    private Stats() {}

    /** p50/p90/p99/max/mean in microseconds, throughput (one request at a time) and mean billed ms (ceil per call). */
    public static Map<String, Object> of(long[] nanos, int n) {
        long[] s = Arrays.copyOf(nanos, n);
        Arrays.sort(s);
        double sum = 0;
        double billed = 0;
        for (long v : s) {
            sum += v;
            billed += Math.max(1, Math.ceil(v / 1e6)); // Lambda bills each invocation in whole ms, at least 1
        }
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("n", n);
        m.put("p50_us", pct(s, 0.50) / 1e3);
        m.put("p90_us", pct(s, 0.90) / 1e3);
        m.put("p99_us", pct(s, 0.99) / 1e3);
        m.put("max_us", s[n - 1] / 1e3);
        m.put("mean_us", sum / n / 1e3);
        m.put("throughput_per_s", n / (sum / 1e9));
        m.put("billed_ms_mean", billed / n);
        List<Double> q = new ArrayList<>();
        for (double level : LEVELS) {
            q.add((level == 0 ? s[0] : pct(s, level)) / 1e3);
        }
        m.put("q_us", q);
        return m;
    }

    /** Nearest-rank percentile. */
    static long pct(long[] sorted, double q) {
        int rank = (int) Math.ceil(q * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }
}
