package dev.shortener.benchmarks.fleet;

/**
 * One simulated day.
 *
 * @param requests            requests that reached the function
 * @param coldStarts          of them, the ones that waited for a new environment's INIT (one per environment)
 * @param p50Ms               latency at the origin (handler + overhead, + INIT for a cold request)
 * @param slowerThan50ms      share of requests above the design's 50 ms
 * @param peakConcurrency     most environments busy at once
 * @param peakProvisioned     most provisioned concurrency allocated at once
 * @param meanProvisioned     provisioned concurrency allocated, averaged over the day
 * @param monthlyCost         Lambda's bill for a month of such days, in dollars
 */
public record FleetResult(
        String policy,
        long requests,
        long coldStarts,
        double p50Ms,
        double p99Ms,
        double p999Ms,
        double slowerThan50ms,
        int peakConcurrency,
        int peakProvisioned,
        double meanProvisioned,
        double monthlyCost) {

    public double coldShare() {
        return requests == 0 ? 0 : (double) coldStarts / requests;
    }
}
