package dev.shortener.benchmarks.fleet;

import java.util.Locale;

/** The "Capacity at the design's peak" section of docs/benchmarks.md. */
public final class FleetReport {

    private final StringBuilder md = new StringBuilder();

    private FleetReport() {}

    public static String markdown(FleetStudy.Measured measured, FleetStudy.Outcome outcome, String command) {
        return new FleetReport().render(measured, outcome, command);
    }

    private String render(FleetStudy.Measured m, FleetStudy.Outcome o, String command) {
        line("## Capacity at the design's peak (simulated)");
        line("");
        line("Nobody here can send 12,000 requests/s to AWS, so `FleetStudy` (this module's `fleet` package) sends"
                + " a simulated day through a model of the redirect function's environments, request by request,"
                + " with the durations and cold starts measured above in this same run. Same command: `" + command
                + "`. The model's behaviour on loads with known answers is tested (`FleetSimulatorTest`).");
        line("");
        line("### Inputs");
        line("");
        line("| input | value | source |");
        line("|---|---|---|");
        line(f("| traffic | 100 M redirects in the day, 1,157/s on average; diurnal 0.4–1.6 × the base (lowest 03:00,"
                + " highest 15:00 UTC); a surge at 19:00 UTC rising to 12,000/s in 2 minutes, decaying with a"
                + " 15-minute time constant | design (100 M/day, 12,000/s peak); the curve's shape is assumed |"));
        line(f(
                "| popularity | Zipf, exponent %.1f, over %,d links clicked in the day | assumed: web-object popularity"
                        + " measures exponents 0.6–1.0 (Breslau et al., 1999); 1.0 is the steeper end |",
                FleetStudy.ZIPF_EXPONENT, FleetStudy.CLICKED_LINKS));
        line(f(
                "| edge | `EdgeCacheSeconds` = %.0f s per each of %d regional edge caches; a link at r/s costs the origin"
                        + " r / (1 + r·TTL/%d) | template default; CloudFront's documentation (13 regional edge"
                        + " caches) |",
                m.edgeTtl(), FleetStudy.EDGE_CACHES, FleetStudy.EDGE_CACHES));
        line(f(
                "| → edge hit ratio | %.1f%% of the day's requests; %,.0f reach the function, %,.0f/s at the top of"
                        + " the surge | derived |",
                o.edgeHitRatio() * 100, o.originRequests(), o.originPeakPerSecond()));
        line(f(
                "| → Redis hit ratio | %.1f%% (a link's first origin request of the day misses; `LINK_CACHE_SECONDS`"
                        + " = 1 day) | derived |",
                o.redisHitRatio() * 100));
        line(f(
                "| handler, Redis hit | this run's cache-hit distribution (p50 %.2f ms, p99 %.2f ms) + %.1f ms for"
                        + " ElastiCache in the VPC | measured + assumed |",
                m.hitMs().at(0.5), m.hitMs().at(0.99), FleetStudy.REDIS_NETWORK_MS));
        line(f(
                "| handler, Redis miss | this run's cache-miss distribution (p50 %.2f ms, p99 %.2f ms) + %.1f ms for"
                        + " DynamoDB and ElastiCache in the region | measured + assumed (DynamoDB: single-digit ms) |",
                m.missMs().at(0.5), m.missMs().at(0.99), FleetStudy.DYNAMODB_NETWORK_MS + FleetStudy.REDIS_NETWORK_MS));
        line(f(
                "| per-request overhead | %.1f ms held beyond the handler (Runtime API round trips), not billed; mean"
                        + " environment time per request %.2f ms | assumed |",
                FleetStudy.INVOKE_OVERHEAD_MS, o.meanHeldMs()));
        line(f(
                "| cold start | this run's %d tuned cold starts' INIT (start to first 302 minus the first request,"
                        + " median %.0f ms) + %.0f ms for the sandbox and code download | measured + assumed |",
                m.coldStartMs().length, median(m.coldStartMs()), FleetStudy.SANDBOX_MS));
        line(f(
                "| idle on-demand environment | reclaimed after %.0f s idle | assumed: Lambda documents no lifetime;"
                        + " the short end of what is observed |",
                FleetStudy.IDLE_RECLAIM_SECONDS));
        line("| routing | provisioned environments first, then the most recently freed on-demand one, then a new one"
                + " (the request waits for its INIT; Lambda never queues behind a busy environment) | Lambda's scaling"
                + " documentation; the order among free ones is assumed |");
        line(f(
                "| target tracking | `LambdaProvisionedConcurrencyUtilization`, Average per minute, seen 1 minute late;"
                        + " scale out after 3 data points above target, in after 15 below 90%% of it; new capacity ="
                        + " current × metric / target; cooldowns 0 s; no new decision while an allocation is in"
                        + " progress; allocation takes %.0f s | Application Auto Scaling's documentation for Lambda"
                        + " (the alarms, the defaults); allocation time assumed (\"a few minutes\") |",
                FleetStudy.ALLOCATION_SECONDS));
        line(f(
                "| price | arm64, %.0f MB: $0.20/M requests, on-demand $0.0000133334/GB-s (INIT billed since August"
                        + " 2025), provisioned $0.0000033334/GB-s + $0.0000077778/GB-s of duration; × %.1f days |"
                        + " aws.amazon.com/lambda/pricing (us-east-1) |",
                m.memoryGb() * 1024, Pricing.DAYS_PER_MONTH));
        line("");
        line("### One day under each policy");
        line("");
        line("| provisioned concurrency | requests at the function | met a cold start | p50 ms | p99 ms | p99.9 ms |"
                + " slower than 50 ms | peak busy environments | provisioned: peak / mean | Lambda $/month |");
        line("|---|---|---|---|---|---|---|---|---|---|");
        for (int i = 0; i < o.rows().size(); i++) {
            FleetResult r = o.rows().get(i);
            String name = i == o.chosen() ? "**" + r.policy() + "** (chosen)" : r.policy();
            line(f(
                    "| %s | %,d | %,d (%.5f%%) | %.1f | %.1f | %.1f | %.5f%% | %d | %d / %.1f | %,.0f |",
                    name,
                    r.requests(),
                    r.coldStarts(),
                    r.coldShare() * 100,
                    r.p50Ms(),
                    r.p99Ms(),
                    r.p999Ms(),
                    r.slowerThan50ms() * 100,
                    r.peakConcurrency(),
                    r.peakProvisioned(),
                    r.meanProvisioned(),
                    r.monthlyCost()));
        }
        line("");
        line("Chosen: the cheapest policy that keeps at least one environment provisioned all day (so that a"
                + " deployment far below the design's load answers its first request of the morning warm) and meets"
                + " the design's 50 ms at p99.9 at the origin; costs within 1% count as equal, and then fewer cold"
                + " starts win.");
        line("");
        return md.toString();
    }

    private static double median(double[] values) {
        double[] s = values.clone();
        java.util.Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }

    private static String f(String pattern, Object... args) {
        return String.format(Locale.ROOT, pattern, args);
    }

    private void line(String s) {
        md.append(s).append('\n');
    }
}
