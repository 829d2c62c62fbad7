package dev.shortener.benchmarks.fleet;

import java.util.SplittableRandom;

/**
 * One day of requests through a model of the redirect function's environments, request by request.
 *
 * <p>As Lambda documents it: a request goes to a free provisioned environment first, then to a free on-demand
 * one, and only when none is free does Lambda start a new environment, whose INIT the request waits for
 * (requests are never queued behind a busy environment). An environment handles one request at a time. The
 * model's own choices, where Lambda documents nothing: a free on-demand environment is reused most recently
 * freed first (so surplus ones stay idle and are reclaimed), and no new scaling decision is taken while
 * provisioned concurrency is still being allocated.
 */
public final class FleetSimulator {

    /** How requests arrive within each second. */
    public enum Arrivals {
        /** A Poisson process at the second's rate: the day. */
        POISSON,
        /** Evenly spaced: for checking the model against answers worked out by hand. */
        EVEN
    }

    private final double[] originPerSecond;
    private final double redisHitRatio;
    private final QuantileDistribution hit;
    private final QuantileDistribution miss;
    private final LambdaModel lambda;
    private final Pricing pricing;
    private final Arrivals arrivals;

    /**
     * @param originPerSecond requests per second reaching the function, per second of the day
     * @param hit             handler duration of a Redis hit (ms), as it would run in AWS
     * @param miss            handler duration of a Redis miss (DynamoDB read and cache fill)
     */
    public FleetSimulator(
            double[] originPerSecond,
            double redisHitRatio,
            QuantileDistribution hit,
            QuantileDistribution miss,
            LambdaModel lambda,
            Pricing pricing,
            Arrivals arrivals) {
        this.originPerSecond = originPerSecond.clone();
        this.redisHitRatio = redisHitRatio;
        this.hit = hit;
        this.miss = miss;
        this.lambda = lambda;
        this.pricing = pricing;
        this.arrivals = arrivals;
    }

    public FleetResult run(CapacityPolicy policy, long seed) {
        return new Day(policy, seed).run();
    }

    private final class Day {
        final CapacityPolicy policy;
        final SplittableRandom random;
        final LatencyHistogram latencies = new LatencyHistogram();
        final CompletionHeap busy = new CompletionHeap();
        final IdleEnvironments idleOnDemand = new IdleEnvironments();
        final double[] utilisation;
        double provisionedBusySeconds; // in the current minute
        int requested; // provisioned concurrency asked for (allocated + being allocated)
        int allocated;
        int freeProvisioned;
        int retiring; // busy provisioned environments to drop when they finish (after a scale-in)
        double pendingReadyAt = Double.NaN;
        int firstFresh; // the first minute measured entirely at the current capacity
        int peakConcurrency;
        int peakProvisioned;
        double provisionedSeconds;
        long requests;
        long cold;
        double billedMsProvisioned;
        double billedMsOnDemand;

        Day(CapacityPolicy policy, long seed) {
            this.policy = policy;
            this.random = new SplittableRandom(seed);
            this.utilisation = new double[originPerSecond.length / 60 + 1];
            java.util.Arrays.fill(utilisation, Double.NaN);
            requested = allocated = freeProvisioned = policy.initial();
            peakProvisioned = allocated;
        }

        FleetResult run() {
            for (int second = 0; second < originPerSecond.length; second++) {
                double rate = originPerSecond[second];
                if (rate > 0) {
                    if (arrivals == Arrivals.EVEN) {
                        long n = Math.round(rate);
                        for (long k = 0; k < n; k++) {
                            arrive(second + (double) k / n);
                        }
                    } else {
                        for (double t = second + exponential(rate); t < second + 1; t += exponential(rate)) {
                            arrive(t);
                        }
                    }
                }
                endOfSecond(second + 1);
            }
            double gb = lambda.memoryGb();
            double daily = requests * pricing.perRequest()
                    + provisionedSeconds * gb * pricing.provisionedGbSecond()
                    + billedMsProvisioned / 1000 * gb * pricing.provisionedDurationGbSecond()
                    + billedMsOnDemand / 1000 * gb * pricing.onDemandGbSecond();
            return new FleetResult(
                    policy.describe(),
                    requests,
                    cold,
                    latencies.quantile(0.50),
                    latencies.quantile(0.99),
                    latencies.quantile(0.999),
                    latencies.shareAbove50ms(),
                    peakConcurrency,
                    peakProvisioned,
                    provisionedSeconds / originPerSecond.length,
                    daily * Pricing.DAYS_PER_MONTH);
        }

        double exponential(double rate) {
            return -Math.log(1 - random.nextDouble()) / rate;
        }

        void arrive(double t) {
            finishUpTo(t);
            requests++;
            double handlerMs = (random.nextDouble() < redisHitRatio ? hit : miss).at(random.nextDouble());
            double heldMs = handlerMs + lambda.invokeOverheadMs();
            double billed = Math.max(1, Math.ceil(handlerMs));
            if (freeProvisioned > 0) {
                freeProvisioned--;
                provisionedBusySeconds += heldMs / 1000;
                billedMsProvisioned += billed;
                busy.push(t + heldMs / 1000, true);
                latencies.add(heldMs);
            } else if (idleOnDemand.takeNewest()) {
                billedMsOnDemand += billed;
                busy.push(t + heldMs / 1000, false);
                latencies.add(heldMs);
            } else {
                cold++;
                double initMs = lambda.coldStart().at(random.nextDouble());
                // Since August 2025 Lambda bills the INIT of on-demand environments too.
                billedMsOnDemand += Math.max(1, Math.ceil(initMs + handlerMs));
                busy.push(t + (initMs + heldMs) / 1000, false);
                latencies.add(initMs + heldMs);
            }
            peakConcurrency = Math.max(peakConcurrency, busy.size());
        }

        void finishUpTo(double t) {
            while (busy.size() > 0 && busy.peekTime() <= t) {
                double at = busy.peekTime();
                boolean provisioned = busy.popProvisioned();
                if (provisioned) {
                    if (retiring > 0) {
                        retiring--;
                    } else {
                        freeProvisioned++;
                    }
                } else {
                    idleOnDemand.add(at);
                }
            }
        }

        void endOfSecond(int now) {
            finishUpTo(now);
            idleOnDemand.reclaimIdleSince(now - lambda.idleReclaimSeconds());
            if (!Double.isNaN(pendingReadyAt) && now >= pendingReadyAt) {
                freeProvisioned += requested - allocated;
                allocated = requested;
                pendingReadyAt = Double.NaN;
                peakProvisioned = Math.max(peakProvisioned, allocated);
                firstFresh = (now + 59) / 60;
            }
            provisionedSeconds += requested; // billed from the request on, allocating included
            if (now % 60 == 0) {
                int minute = now / 60 - 1;
                utilisation[minute] = allocated == 0 ? 0 : provisionedBusySeconds / (60.0 * allocated);
                provisionedBusySeconds = 0;
                if (Double.isNaN(pendingReadyAt)) {
                    rescale(policy.decide(minute, requested, utilisation, firstFresh), now);
                }
            }
        }

        void rescale(int wanted, int now) {
            if (wanted > requested) {
                requested = wanted;
                pendingReadyAt = now + lambda.allocationSeconds();
            } else if (wanted < requested) {
                int drop = requested - wanted;
                requested = allocated = wanted;
                firstFresh = now / 60;
                int fromFree = Math.min(drop, freeProvisioned);
                freeProvisioned -= fromFree;
                retiring += drop - fromFree;
            }
        }
    }
}
