package dev.shortener.benchmarks.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** The fleet model on loads whose answers can be worked out by hand: even arrivals, constant durations. */
class FleetSimulatorTest {

    private static final double COLD_MS = 1_000;

    private static FleetSimulator simulator(double[] perSecond, double serviceMs, double idleReclaimSeconds) {
        LambdaModel lambda = new LambdaModel(QuantileDistribution.constant(COLD_MS), 0, idleReclaimSeconds, 120, 1.0);
        QuantileDistribution service = QuantileDistribution.constant(serviceMs);
        return new FleetSimulator(
                perSecond, 1.0, service, service, lambda, Pricing.arm64(), FleetSimulator.Arrivals.EVEN);
    }

    private static double[] constant(int seconds, double perSecond) {
        return load(seconds, step(0, seconds, perSecond));
    }

    /** From second {@code from} up to {@code to}, this many requests a second. */
    private record Step(int from, int to, double perSecond) {}

    private static Step step(int from, int to, double perSecond) {
        return new Step(from, to, perSecond);
    }

    /** A load of this many seconds: idle but for these steps. */
    private static double[] load(int seconds, Step... steps) {
        double[] rate = new double[seconds];
        for (Step step : steps) {
            Arrays.fill(rate, step.from(), step.to(), step.perSecond());
        }
        return rate;
    }

    /** A day of 9 ms requests behind one provisioned environment, idle ones reclaimed after this long. */
    private static FleetResult oneProvisioned(double[] rate, double idleReclaimSeconds) {
        return simulator(rate, 9, idleReclaimSeconds).run(CapacityPolicy.fixed(1), 1);
    }

    @Test
    void constantLoadBelowProvisionedCapacity_neverMeetsAColdStart() {
        // 100/s × 9 ms = 0.9 busy on average, and never two at once: 2 provisioned environments always suffice.
        FleetResult day = simulator(constant(600, 100), 9, 300).run(CapacityPolicy.fixed(2), 1);

        assertEquals(60_000, day.requests());
        assertEquals(0, day.coldStarts());
        assertEquals(1, day.peakConcurrency());
        assertEquals(9.0, day.p99Ms(), 0.1);
    }

    @Test
    void stepAboveProvisionedCapacity_startsOneEnvironmentPerRequestArrivingWhileNoneIsFree() {
        // 10 s at 50/s (one provisioned environment copes), then 200/s: a request every 5 ms, each held 9 ms.
        // The provisioned environment takes every other request; each one in between finds nothing free and
        // starts an environment that is busy for its INIT + 9 ms = 1.009 s. Requests at 10.005 s, 10.015 s, ...
        // up to 11.005 s each start one (101 in all); at 11.015 s the first new one is free again, and from
        // then on the 101 new environments take turns.
        double[] rate = load(70, step(0, 10, 50), step(10, 70, 200));

        FleetResult day = oneProvisioned(rate, 300);

        assertEquals(101, day.coldStarts());
        assertEquals(102, day.peakConcurrency());
        assertEquals(10 * 50 + 60 * 200, day.requests());
    }

    @Test
    void idleEnvironmentsAreReclaimed_soTheNextStepStartsThemAgain() {
        // Two steps 20 minutes apart with a 5-minute idle lifetime: the second step meets as many cold starts
        // as the first. With a lifetime longer than the gap, it meets none.
        double[] rate = load(1_400, step(10, 70, 200), step(1_210, 1_270, 200));

        FleetResult reclaimed = oneProvisioned(rate, 300);
        FleetResult kept = oneProvisioned(rate, 3_600);

        assertEquals(202, reclaimed.coldStarts());
        assertEquals(101, kept.coldStarts());
    }

    @Test
    void targetTracking_scalesOutAfterThreeDataPointsAboveTarget_andTheAllocationTime() {
        // 800/s × 10 ms = 8 busy of 10 provisioned: utilisation 0.8 against a target of 0.5. Data points for
        // minutes 0-2 are seen one minute late, at the end of minute 3 (t = 240 s): 10 × 0.8 / 0.5 = 16 are
        // requested, ready 120 s later. Then 8 of 16 is exactly the target: no further change.
        FleetResult day = simulator(constant(600, 800), 10, 300).run(TargetTracking.of(0.5, 10, 100), 1);

        assertEquals(0, day.coldStarts());
        assertEquals(16, day.peakProvisioned());
        // Billed from the request on: 240 s at 10, then 360 s at 16.
        assertEquals((240 * 10 + 360 * 16) / 600.0, day.meanProvisioned(), 1e-9);
    }

    @Test
    void targetTracking_scalesInOnlyAfterFifteenDataPointsBelowNinetyPercentOfTarget() {
        // 100/s × 10 ms = 1 busy of 10 (utilisation 0.1, target 0.5): at the end of minute 15 the alarm has seen
        // minutes 0-14, so 10 × 0.1 / 0.5 = 2 are kept from t = 960 s on.
        FleetResult day = simulator(constant(1_200, 100), 10, 300)
                .run(TargetTracking.of(0.5, 1, 100).startingAt(10), 1);

        assertEquals((960 * 10 + 240 * 2) / 1_200.0, day.meanProvisioned(), 1e-9);
    }

    @Test
    void aScheduledMinimumHoldsCapacityThroughItsWindow() {
        TargetTracking tracking = TargetTracking.of(0.7, 1, 100).withPrewarm(10, 20, 30);

        assertEquals(1, tracking.floorAt(9));
        assertEquals(30, tracking.floorAt(10));
        assertEquals(30, tracking.floorAt(19));
        assertEquals(1, tracking.floorAt(20));
        assertEquals(30, tracking.decide(9, 1, new double[30], 0));
    }

    @Test
    void coldRequestsPayTheirInit_andProvisionedOnesDoNot() {
        double[] rate = load(70, step(10, 70, 200));

        FleetResult day = oneProvisioned(rate, 300);

        // 101 of 12,000 requests (0.84%) were cold: p99 is a warm 9 ms, p99.9 a cold 1,009 ms (bins are 1% wide).
        assertEquals(9.0, day.p99Ms(), 0.09);
        assertEquals(COLD_MS + 9, day.p999Ms(), (COLD_MS + 9) * 0.01);
        assertEquals(101.0 / day.requests(), day.slowerThan50ms(), 1e-12);
    }
}
