package dev.shortener.benchmarks.fleet;

/**
 * Application Auto Scaling's target tracking on {@code LambdaProvisionedConcurrencyUtilization}, as AWS
 * documents it for Lambda: the metric is the Average over one-minute periods; the scale-out alarm fires after 3
 * consecutive data points above the target, the scale-in alarm after 15 below 90% of it; the new capacity is
 * current × metric / target, rounded up (scale-out) or (scale-in) in the same proportion; Lambda's default
 * cooldowns are 0 s. Data points reach the alarm {@code metricDelayMinutes} late (CloudWatch publishes Lambda's
 * metrics about a minute after the period). An optional scheduled action raises the minimum for a window of
 * the day, as a pre-warm before a known peak.
 */
public record TargetTracking(
        double target,
        int min,
        int max,
        int initial,
        int metricDelayMinutes,
        int prewarmFromMinute,
        int prewarmToMinute,
        int prewarmMin)
        implements CapacityPolicy {

    static final int SCALE_OUT_POINTS = 3;
    static final int SCALE_IN_POINTS = 15;
    static final double SCALE_IN_FRACTION = 0.9;

    public static TargetTracking of(double target, int min, int max) {
        return new TargetTracking(target, min, max, min, 1, -1, -1, min);
    }

    public TargetTracking withPrewarm(int fromMinute, int toMinute, int minimum) {
        return new TargetTracking(target, min, max, initial, metricDelayMinutes, fromMinute, toMinute, minimum);
    }

    /** Starting the day at {@code provisioned} (what the alias was deployed with), not at the minimum. */
    public TargetTracking startingAt(int provisioned) {
        return new TargetTracking(
                target, min, max, provisioned, metricDelayMinutes, prewarmFromMinute, prewarmToMinute, prewarmMin);
    }

    int floorAt(int minute) {
        return minute >= prewarmFromMinute && minute < prewarmToMinute ? Math.max(min, prewarmMin) : min;
    }

    @Override
    public int decide(int minute, int requested, double[] utilisation, int firstFresh) {
        int floor = floorAt(minute + 1);
        int seen = minute - metricDelayMinutes; // the newest data point the alarms can see
        int wanted = requested;
        if (allAbove(utilisation, firstFresh, seen, SCALE_OUT_POINTS, target)) {
            wanted = (int) Math.ceil(requested * utilisation[seen] / target);
        } else if (allBelow(utilisation, firstFresh, seen, SCALE_IN_POINTS, target * SCALE_IN_FRACTION)) {
            wanted = (int) Math.ceil(requested * utilisation[seen] / target);
        }
        return Math.max(floor, Math.min(max, Math.max(wanted, 1)));
    }

    private static boolean allAbove(double[] points, int oldest, int newest, int count, double threshold) {
        if (newest - count + 1 < Math.max(0, oldest)) {
            return false;
        }
        for (int m = newest - count + 1; m <= newest; m++) {
            if (!(points[m] > threshold)) {
                return false;
            }
        }
        return true;
    }

    private static boolean allBelow(double[] points, int oldest, int newest, int count, double threshold) {
        if (newest - count + 1 < Math.max(0, oldest)) {
            return false;
        }
        for (int m = newest - count + 1; m <= newest; m++) {
            if (!(points[m] < threshold)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String describe() {
        String s =
                String.format(java.util.Locale.ROOT, "target tracking %.0f%%, min %d, max %d", target * 100, min, max);
        if (prewarmFromMinute >= 0) {
            s += String.format(
                    java.util.Locale.ROOT,
                    ", scheduled min %d %02d:%02d–%02d:%02d UTC",
                    prewarmMin,
                    prewarmFromMinute / 60,
                    prewarmFromMinute % 60,
                    prewarmToMinute / 60,
                    prewarmToMinute % 60);
        }
        return s;
    }
}
