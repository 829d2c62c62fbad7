package dev.shortener.benchmarks.fleet;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The design's day through the fleet model, under each capacity policy worth comparing: the benchmark
 * command's "Capacity at the design's peak" section. Inputs measured by the same benchmark run come in
 * through {@link Measured}; everything assumed is a named constant here, with its source in the report.
 */
public final class FleetStudy {

    /** Links that get clicked in a day (a month of the design's 1 M new links a day, most of them rarely). */
    public static final long CLICKED_LINKS = 30_000_000;
    /** Zipf exponent of link popularity (web-object popularity measures 0.6–1.0; 1.0 is the steeper end). */
    public static final double ZIPF_EXPONENT = 1.0;
    /** CloudFront's regional edge caches: the tier whose misses reach the origin (13 in its documentation). */
    public static final int EDGE_CACHES = 13;
    /** Added to a measured Redis hit: ElastiCache in the VPC instead of loopback. */
    public static final double REDIS_NETWORK_MS = 0.5;
    /** Added to a measured miss: DynamoDB in the region (single-digit ms) instead of dynalite on loopback. */
    public static final double DYNAMODB_NETWORK_MS = 3.0;
    /** Held per request beyond the handler: the Runtime API's next/response round trips (not billed). */
    public static final double INVOKE_OVERHEAD_MS = 1.0;
    /** Added to a measured local cold start: the sandbox and the code download, which a local JVM doesn't pay. */
    public static final double SANDBOX_MS = 200;
    /** Lambda documents no idle lifetime; 5 minutes is the short end of what is observed (so: more cold starts). */
    public static final double IDLE_RECLAIM_SECONDS = 300;
    /** "A few minutes" in Lambda's guide for provisioned concurrency to be allocated. */
    public static final double ALLOCATION_SECONDS = 120;

    /**
     * What the benchmark run measured.
     *
     * @param hitMs         the handler's Redis-hit durations (quantiles, ms, on loopback)
     * @param missMs        the handler's Redis-miss durations
     * @param coldStartMs   the tuned cold starts' INIT (start to first 302 minus the first request), per run
     * @param edgeTtl       the template's {@code EdgeCacheSeconds} default
     * @param memoryGb      the template's redirect memory
     */
    public record Measured(
            QuantileDistribution hitMs,
            QuantileDistribution missMs,
            double[] coldStartMs,
            double edgeTtl,
            double memoryGb) {}

    /**
     * The study's outcome.
     *
     * @param chosen the row the template's defaults follow
     */
    public record Outcome(
            double edgeHitRatio,
            double redisHitRatio,
            double originPeakPerSecond,
            double originRequests,
            double meanHeldMs,
            List<FleetResult> rows,
            int chosen,
            CapacityPolicy chosenPolicy) {}

    private FleetStudy() {}

    public static Outcome run(Measured measured, TrafficDay day, long seed) {
        Popularity popularity = new Popularity(CLICKED_LINKS, ZIPF_EXPONENT);
        double[] origin = new double[TrafficDay.SECONDS];
        double originTotal = 0;
        double originPeak = 0;
        // The edge's hit ratio depends only on the rate: computed once per whole requests/s.
        Map<Long, Double> edgeHitAt = new HashMap<>();
        for (int s = 0; s < TrafficDay.SECONDS; s++) {
            double rate = day.at(s);
            double edge = edgeHitAt.computeIfAbsent(
                    Math.round(rate), r -> popularity.edgeHitRatio(r, measured.edgeTtl(), EDGE_CACHES));
            origin[s] = rate * (1 - edge);
            originTotal += origin[s];
            originPeak = Math.max(originPeak, origin[s]);
        }
        double edgeHit = 1 - originTotal / day.total();
        double redisHit = popularity.redisHitRatio(
                day.total(), measured.edgeTtl(), EDGE_CACHES, day.total() / TrafficDay.SECONDS);
        QuantileDistribution hit = measured.hitMs().plus(REDIS_NETWORK_MS);
        QuantileDistribution miss = measured.missMs().plus(DYNAMODB_NETWORK_MS + REDIS_NETWORK_MS);
        double meanHeld = redisHit * hit.mean() + (1 - redisHit) * miss.mean() + INVOKE_OVERHEAD_MS;
        LambdaModel lambda = new LambdaModel(
                QuantileDistribution.ofSamples(plus(measured.coldStartMs(), SANDBOX_MS)),
                INVOKE_OVERHEAD_MS,
                IDLE_RECLAIM_SECONDS,
                ALLOCATION_SECONDS,
                measured.memoryGb());
        FleetSimulator simulator = new FleetSimulator(
                origin, redisHit, hit, miss, lambda, Pricing.arm64(), FleetSimulator.Arrivals.POISSON);

        // A scheduled minimum around the daily (diurnal) peak, sized for it at the policy's target.
        int diurnal = TrafficDay.diurnalPeakSecond();
        double diurnalConcurrency = origin[diurnal] * meanHeld / 1000;
        List<CapacityPolicy> policies = new ArrayList<>();
        for (int p : new int[] {0, 1, 5, 20}) {
            policies.add(CapacityPolicy.fixed(p));
        }
        for (double target : new double[] {0.7, 0.5}) {
            TargetTracking tracking = TargetTracking.of(target, 1, 100);
            policies.add(tracking);
            int prewarm = (int) Math.ceil(diurnalConcurrency / target);
            policies.add(tracking.withPrewarm(diurnal / 60 - 150, diurnal / 60 + 150, prewarm));
        }
        List<FleetResult> rows = new ArrayList<>();
        for (CapacityPolicy policy : policies) {
            rows.add(simulator.run(policy, seed));
        }
        int chosen = choose(rows, policies);
        return new Outcome(edgeHit, redisHit, originPeak, originTotal, meanHeld, rows, chosen, policies.get(chosen));
    }

    /**
     * The cheapest row that keeps a warm environment all day (so that a deployment far below the design's load
     * still answers its first request of the morning warm) and whose origin p99.9 meets the design's 50 ms; rows
     * within 1% of each other's cost count as equal, and then the one with fewer cold starts wins. Failing
     * all, the one with the fewest requests slower than 50 ms.
     */
    static int choose(List<FleetResult> rows, List<CapacityPolicy> policies) {
        int best = -1;
        for (int i = 0; i < rows.size(); i++) {
            FleetResult r = rows.get(i);
            if (r.p999Ms() > 50 || policies.get(i).initial() < 1) {
                continue;
            }
            if (best < 0) {
                best = i;
                continue;
            }
            FleetResult b = rows.get(best);
            boolean cheaper = r.monthlyCost() < b.monthlyCost() * 0.99;
            boolean tied = Math.abs(r.monthlyCost() - b.monthlyCost()) <= b.monthlyCost() * 0.01;
            if (cheaper || (tied && r.coldStarts() < b.coldStarts())) {
                best = i;
            }
        }
        if (best >= 0) {
            return best;
        }
        best = 0;
        for (int i = 1; i < rows.size(); i++) {
            if (rows.get(i).slowerThan50ms() < rows.get(best).slowerThan50ms()) {
                best = i;
            }
        }
        return best;
    }

    private static double[] plus(double[] values, double ms) {
        double[] out = values.clone();
        for (int i = 0; i < out.length; i++) {
            out[i] += ms;
        }
        return out;
    }
}
