package dev.shortener.benchmarks.fleet;

/**
 * Idle on-demand environments by when they became idle: the newest is reused first, the oldest are reclaimed
 * (a ring buffer of times, newest at the head).
 */
final class IdleEnvironments {

    private double[] idleSince = new double[64];
    private int oldest; // index of the oldest
    private int size;

    void add(double since) {
        if (size == idleSince.length) {
            double[] grown = new double[size * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = idleSince[(oldest + i) % idleSince.length];
            }
            idleSince = grown;
            oldest = 0;
        }
        idleSince[(oldest + size) % idleSince.length] = since;
        size++;
    }

    /** Takes the most recently idled environment; false when there is none. */
    boolean takeNewest() {
        if (size == 0) {
            return false;
        }
        size--;
        return true;
    }

    /** Drops the environments idle since before {@code cutoff}. */
    void reclaimIdleSince(double cutoff) {
        while (size > 0 && idleSince[oldest] < cutoff) {
            oldest = (oldest + 1) % idleSince.length;
            size--;
        }
    }

    int size() {
        return size;
    }
}
