package dev.shortener.benchmarks.fleet;

import java.util.Arrays;
import java.util.List;

/**
 * A duration distribution given by its quantile function at a few levels, linear in between: how the
 * simulation samples durations from a benchmark run's percentiles without carrying every raw sample.
 *
 * @param levels   increasing, from 0 to 1
 * @param valuesMs the duration at each level, non-decreasing
 */
public record QuantileDistribution(double[] levels, double[] valuesMs) {

    public QuantileDistribution {
        if (levels.length != valuesMs.length || levels.length < 2 || levels[0] != 0 || levels[levels.length - 1] != 1) {
            throw new IllegalArgumentException("levels must run from 0 to 1, one value each");
        }
        for (int i = 1; i < levels.length; i++) {
            if (levels[i] <= levels[i - 1] || valuesMs[i] < valuesMs[i - 1]) {
                throw new IllegalArgumentException("levels must increase and values must not decrease");
            }
        }
        levels = levels.clone();
        valuesMs = valuesMs.clone();
    }

    public static QuantileDistribution constant(double ms) {
        return new QuantileDistribution(new double[] {0, 1}, new double[] {ms, ms});
    }

    /** From values measured at {@code levels} (microseconds, as the benchmarks record them). */
    public static QuantileDistribution ofMicros(List<Double> levels, List<? extends Number> micros) {
        double[] l = levels.stream().mapToDouble(Double::doubleValue).toArray();
        double[] v = micros.stream().mapToDouble(m -> m.doubleValue() / 1000).toArray();
        return new QuantileDistribution(l, v);
    }

    /** Uniformly weighted observations (such as a handful of measured cold starts). */
    public static QuantileDistribution ofSamples(double... samplesMs) {
        double[] s = samplesMs.clone();
        Arrays.sort(s);
        if (s.length == 1) {
            return constant(s[0]);
        }
        double[] l = new double[s.length];
        for (int i = 0; i < s.length; i++) {
            l[i] = (double) i / (s.length - 1);
        }
        return new QuantileDistribution(l, s);
    }

    /** The same distribution shifted by {@code ms}: a fixed cost added to every call. */
    public QuantileDistribution plus(double ms) {
        double[] v = valuesMs.clone();
        for (int i = 0; i < v.length; i++) {
            v[i] += ms;
        }
        return new QuantileDistribution(levels, v);
    }

    /** The duration at quantile {@code u} in [0, 1]. */
    public double at(double u) {
        int i = Arrays.binarySearch(levels, u);
        if (i >= 0) {
            return valuesMs[i];
        }
        int hi = -i - 1;
        int lo = hi - 1;
        double w = (u - levels[lo]) / (levels[hi] - levels[lo]);
        return valuesMs[lo] + w * (valuesMs[hi] - valuesMs[lo]);
    }

    public double mean() {
        double sum = 0;
        for (int i = 1; i < levels.length; i++) {
            sum += (levels[i] - levels[i - 1]) * (valuesMs[i] + valuesMs[i - 1]) / 2;
        }
        return sum;
    }
}
