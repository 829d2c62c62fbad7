package dev.shortener.benchmarks.fleet;

/**
 * Requests per second reaching CloudFront in each second of one UTC day: a diurnal curve (quiet night, busy
 * afternoon) and one steep surge, scaled so the day holds the design's total and the surge tops at its peak.
 */
public final class TrafficDay {

    public static final int SECONDS = 86_400;

    private final double[] perSecond;
    private final int surgeStart;

    private TrafficDay(double[] perSecond, int surgeStart) {
        this.perSecond = perSecond;
        this.surgeStart = surgeStart;
    }

    /**
     * @param requestsPerDay the day's total (the design: 100 million)
     * @param peakPerSecond  the top of the surge (the design: 12,000/s)
     * @param surgeStart     second of the day the surge starts; it reaches its top after {@code rampSeconds}
     *                       and then decays with time constant {@code decaySeconds}
     */
    public static TrafficDay of(
            double requestsPerDay, double peakPerSecond, int surgeStart, int rampSeconds, int decaySeconds) {
        // Diurnal shape: 1 + 0.6 cos, lowest (0.4 of the mean) at 03:00 UTC, highest (1.6) at 15:00.
        double[] shape = new double[SECONDS];
        for (int s = 0; s < SECONDS; s++) {
            shape[s] = 1 + 0.6 * Math.cos(2 * Math.PI * (s - 15 * 3600) / SECONDS);
        }
        double[] surge = new double[SECONDS];
        double surgeArea = 0;
        for (int s = surgeStart; s < SECONDS; s++) {
            int t = s - surgeStart;
            surge[s] =
                    t < rampSeconds ? (double) t / rampSeconds : Math.exp(-(double) (t - rampSeconds) / decaySeconds);
            surgeArea += surge[s];
        }
        int top = surgeStart + rampSeconds;
        // Solve for the base mean m and surge height h: m*SECONDS + h*surgeArea = total, m*shape[top] + h = peak.
        double m = (requestsPerDay - peakPerSecond * surgeArea) / (SECONDS - shape[top] * surgeArea);
        double h = peakPerSecond - m * shape[top];
        if (m <= 0 || h < 0) {
            throw new IllegalArgumentException("no diurnal curve holds this total with this peak");
        }
        double[] rate = new double[SECONDS];
        for (int s = 0; s < SECONDS; s++) {
            rate[s] = m * shape[s] + h * surge[s];
        }
        return new TrafficDay(rate, surgeStart);
    }

    /** The design's day: 100 M redirects, a 12,000/s surge at 19:00 UTC rising in 2 minutes, decaying over 15. */
    public static TrafficDay design() {
        return of(100e6, 12_000, 19 * 3600, 120, 900);
    }

    /** A constant rate all day (for checking the model). */
    public static TrafficDay constant(double perSecond) {
        double[] rate = new double[SECONDS];
        java.util.Arrays.fill(rate, perSecond);
        return new TrafficDay(rate, -1);
    }

    public double at(int second) {
        return perSecond[second];
    }

    public int surgeStart() {
        return surgeStart;
    }

    public double total() {
        double sum = 0;
        for (double r : perSecond) {
            sum += r;
        }
        return sum;
    }

    public double peak() {
        double max = 0;
        for (double r : perSecond) {
            max = Math.max(max, r);
        }
        return max;
    }

    /** The second of the day the diurnal curve (not the surge) is highest. */
    public static int diurnalPeakSecond() {
        return 15 * 3600;
    }
}
