package dev.shortener.benchmarks.fleet;

import java.util.Arrays;

/** Busy environments ordered by when they finish: a binary min-heap on primitive arrays (no boxing per request). */
final class CompletionHeap {

    private double[] times = new double[64];
    private boolean[] provisioned = new boolean[64];
    private int size;

    int size() {
        return size;
    }

    double peekTime() {
        return times[0];
    }

    void push(double time, boolean isProvisioned) {
        if (size == times.length) {
            times = Arrays.copyOf(times, size * 2);
            provisioned = Arrays.copyOf(provisioned, size * 2);
        }
        int i = size++;
        while (i > 0) {
            int parent = (i - 1) / 2;
            if (times[parent] <= time) {
                break;
            }
            times[i] = times[parent];
            provisioned[i] = provisioned[parent];
            i = parent;
        }
        times[i] = time;
        provisioned[i] = isProvisioned;
    }

    /** Removes the earliest; returns whether it was a provisioned environment. */
    boolean popProvisioned() {
        boolean result = provisioned[0];
        size--;
        double time = times[size];
        boolean kind = provisioned[size];
        int i = 0;
        while (true) {
            int child = 2 * i + 1;
            if (child >= size) {
                break;
            }
            if (child + 1 < size && times[child + 1] < times[child]) {
                child++;
            }
            if (times[child] >= time) {
                break;
            }
            times[i] = times[child];
            provisioned[i] = provisioned[child];
            i = child;
        }
        if (size > 0) {
            times[i] = time;
            provisioned[i] = kind;
        }
        return result;
    }
}
