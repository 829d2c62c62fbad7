package dev.shortener.benchmarks.fleet;

/** Logarithmic bins from 1 µs to 100 s, 1% wide: percentiles of tens of millions of latencies in constant memory. */
final class LatencyHistogram {

    private static final double MIN_MS = 0.001;
    private static final double GROWTH = 1.01;
    private static final double LOG_GROWTH = Math.log(GROWTH);
    private final long[] counts = new long[(int) Math.ceil(Math.log(100_000 / MIN_MS) / LOG_GROWTH) + 1];
    private long total;
    private long above50;

    void add(double ms) {
        int bin = ms <= MIN_MS ? 0 : (int) Math.min(counts.length - 1, Math.log(ms / MIN_MS) / LOG_GROWTH);
        counts[bin]++;
        total++;
        if (ms > 50) {
            above50++;
        }
    }

    long total() {
        return total;
    }

    double shareAbove50ms() {
        return total == 0 ? 0 : (double) above50 / total;
    }

    /** The upper edge of the bin holding the q-th quantile (within 1% of the true value). */
    double quantile(double q) {
        long rank = (long) Math.ceil(q * total);
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (seen >= rank && seen > 0) {
                return MIN_MS * Math.pow(GROWTH, i + 1);
            }
        }
        return Double.NaN;
    }
}
