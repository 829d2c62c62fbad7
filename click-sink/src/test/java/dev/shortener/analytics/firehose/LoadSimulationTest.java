package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.CapturedLines;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.Decompression;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.delivery.UndeliveredLog;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.services.firehose.FirehoseClient;

/**
 * The design's peak, 12,000 redirects a second, spread over 100 execution environments (Lambda concurrency is
 * rate x duration: 12,000/s x ~8 ms), each with its own sink and SDK client, all against one Firehose endpoint.
 * Prints requests and records per second, the bill at Firehose's 5 KB rounding, and what a redirect pays for the
 * hand-off. Asserts only what is structural (the service's quotas and limits, nothing lost); timings are printed.
 */
class LoadSimulationTest {

    static final int ENVIRONMENTS = Integer.getInteger("load.environments", 100);
    static final int CLICKS_PER_SECOND = Integer.getInteger("load.clicksPerSecond", 12_000);
    static final Duration WARM_UP = Duration.ofSeconds(5); // JIT and class loading of 100 SDK clients
    static final Duration MEASURED = Duration.ofSeconds(4);
    static final Duration BUDGET = Duration.ofMillis(20);

    @Test
    void peakLoad_staysFarBelowFirehoseQuotas_andCostsLittlePerClick() throws Exception {
        try (var firehose = new FirehoseStandIn()) {
            var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test"));
            List<FirehoseClient> clients = new ArrayList<>();
            List<BatchingClickSink> sinks = new ArrayList<>();
            var logs = new CapturedLines();
            for (int i = 0; i < ENVIRONMENTS; i++) {
                FirehoseClient client = FirehoseClients.forEndpoint(firehose.endpoint(), credentials);
                clients.add(client);
                sinks.add(new BatchingClickSink(
                        TestClicks.events(),
                        new FirehoseRecordSender(client, "clicks"),
                        SinkSettings.defaults(),
                        new DeliveryMetrics(
                                new EmfMetrics("UrlShortener", "redirect", InstantSource.system()),
                                logs.stream(),
                                60_000),
                        new UndeliveredLog(new StructuredLog("redirect", logs.stream()))));
            }
            long start = System.nanoTime();
            long measureFrom = start + WARM_UP.toNanos();
            long end = measureFrom + MEASURED.toNanos();
            List<Environment> environments = new ArrayList<>();
            for (int i = 0; i < ENVIRONMENTS; i++) {
                environments.add(new Environment(i, sinks.get(i), start, measureFrom, end));
            }
            environments.forEach(Thread::start);
            for (Environment environment : environments) {
                environment.join();
            }
            List<FirehoseStandIn.Call> measuredCalls = firehose.calls().stream()
                    .filter(c -> c.atNanos() >= measureFrom && c.atNanos() < end)
                    .toList();
            for (BatchingClickSink sink : sinks) {
                sink.shutdown(Duration.ofSeconds(2));
            }
            clients.forEach(FirehoseClient::close);

            long clicks = environments.stream().mapToLong(e -> e.sent).sum();
            long measuredClicks =
                    environments.stream().mapToLong(e -> e.measured).sum();
            long[] handoff = environments.stream()
                    .flatMapToLong(e -> Arrays.stream(e.latencies, 0, e.measured))
                    .sorted()
                    .toArray();
            Report report = Report.of(measuredCalls, measuredClicks, handoff, MEASURED);
            report.print();

            FirehoseSinkTest.assertLimits(firehose);
            var ids = new HashSet<>(FirehoseSinkTest.ids(StoredEvents.lines(firehose.storedRecords())));
            assertEquals(clicks, ids.size(), "every click delivered");
            assertTrue(report.requestsPerSecond <= 2_000, "within the 2,000 requests/s quota");
            assertTrue(report.recordsPerSecond <= 5_000, "within the 5,000 records/s quota");
            assertEquals(
                    List.of(),
                    logs.lines().stream()
                            .filter(l -> l.contains(UndeliveredLog.MESSAGE))
                            .toList());
        }
    }

    /**
     * One execution environment: its own thread (as in Lambda, an environment waiting in beforeFreeze delays no
     * other), invoked one call at a time at Poisson arrivals of its share of the rate. Arrivals don't wait for it:
     * an environment running late catches up, as queued requests would.
     */
    static final class Environment extends Thread {
        private final BatchingClickSink sink;
        private final long start;
        private final long measureFrom;
        private final long end;
        private final Random random;
        final long[] latencies = new long[CLICKS_PER_SECOND * 8 / ENVIRONMENTS];
        int measured;
        long sent;

        Environment(int number, BatchingClickSink sink, long start, long measureFrom, long end) {
            super("environment-" + number);
            this.sink = sink;
            this.start = start;
            this.measureFrom = measureFrom;
            this.end = end;
            this.random = new Random(number);
        }

        @Override
        public void run() {
            double rate = (double) CLICKS_PER_SECOND / ENVIRONMENTS;
            for (long due = start + nextGap(rate); due < end; due += nextGap(rate)) {
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                }
                Click click = LoadClicks.next(random);
                long t0 = System.nanoTime();
                sink.record(click);
                sink.beforeFreeze(BUDGET);
                long cost = System.nanoTime() - t0;
                sent++;
                if (t0 >= measureFrom && t0 < end && measured < latencies.length) {
                    latencies[measured++] = cost;
                }
            }
        }

        private long nextGap(double perSecond) {
            return (long) (-Math.log(1 - random.nextDouble()) / perSecond * 1e9);
        }
    }

    /** Realistic variety: a long tail of codes, browsers and some bots, IPv4 and IPv6, a few referrers. */
    static final class LoadClicks {
        private static final String[] AGENTS = {
            TestClicks.SAFARI,
            TestClicks.CHROME,
            "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
            "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile",
            "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)",
            "Twitterbot/1.0"
        };
        private static final String[] REFERRERS = {
            null,
            "https://t.co/x",
            "https://www.google.com/",
            "https://news.ycombinator.com/item?id=1",
            "https://l.facebook.com/l.php?u=x"
        };
        private static final String[] COUNTRIES = {"US", "DE", "GB", "IN", "BR", "JP", "FR", null};

        static Click next(Random r) {
            String code = "c" + Integer.toString((int) Math.pow(10_000, r.nextDouble()), 36); // long tail
            String ip = r.nextInt(4) == 0
                    ? String.format("2001:db8:%x:%x::%x", r.nextInt(65536), r.nextInt(65536), r.nextInt(65536))
                    : (r.nextInt(223) + 1) + "." + r.nextInt(256) + "." + r.nextInt(256) + "." + r.nextInt(256);
            return new Click(
                    code,
                    Instant.now(),
                    ip,
                    AGENTS[r.nextInt(AGENTS.length)],
                    REFERRERS[r.nextInt(REFERRERS.length)],
                    COUNTRIES[r.nextInt(COUNTRIES.length)],
                    Long.toHexString(r.nextLong()),
                    r.nextInt(10) < 9);
        }
    }

    /** The printed table. */
    record Report(
            double requestsPerSecond,
            double recordsPerSecond,
            double billedGbPerMillion,
            double plainBilledGbPerMillion,
            double eventsPerRecord,
            double avgRecordBytes,
            long p50,
            long p99,
            long max,
            long clicks) {

        static final double RECORD_UNIT = 5 * 1024;

        static Report of(List<FirehoseStandIn.Call> calls, long clicks, long[] handoff, Duration window) {
            long records = 0;
            double billed = 0;
            double plainBilled = 0;
            long bytes = 0;
            long lines = 0;
            for (FirehoseStandIn.Call call : calls) {
                for (byte[] record : call.records()) {
                    records++;
                    bytes += record.length;
                    billed += Math.ceil(record.length / RECORD_UNIT) * RECORD_UNIT;
                    byte[] plain = plain(record);
                    plainBilled += Math.ceil(plain.length / RECORD_UNIT) * RECORD_UNIT;
                    for (byte b : plain) {
                        lines += b == '\n' ? 1 : 0;
                    }
                }
            }
            double seconds = window.toNanos() / 1e9;
            double perMillion = 1e6 / Math.max(lines, 1) / 1e9;
            return new Report(
                    calls.size() / seconds,
                    records / seconds,
                    billed * perMillion,
                    plainBilled * perMillion,
                    (double) lines / Math.max(records, 1),
                    (double) bytes / Math.max(records, 1),
                    percentile(handoff, 50),
                    percentile(handoff, 99),
                    handoff.length == 0 ? 0 : handoff[handoff.length - 1],
                    clicks);
        }

        void print() {
            double seconds = MEASURED.toNanos() / 1e9;
            double targetGb = 1e6 * RECORD_UNIT / 20 / 1e9;
            System.out.println();
            System.out.printf(
                    "Load simulation: %,d clicks/s offered over %d environments, %.0f s measured"
                            + " (after %.0f s warm-up), %,d clicks measured (%,.0f/s achieved)%n",
                    CLICKS_PER_SECOND, ENVIRONMENTS, seconds, WARM_UP.toNanos() / 1e9, clicks, clicks / seconds);
            System.out.println("| measure                                   |      value | target          | met |");
            System.out.println("|-------------------------------------------|-----------:|-----------------|-----|");
            row(
                    "Firehose requests/s",
                    String.format("%.1f", requestsPerSecond),
                    "<= 200 (quota 2,000)",
                    requestsPerSecond <= 200);
            row(
                    "Firehose records/s",
                    String.format("%.1f", recordsPerSecond),
                    "<= 500 (quota 5,000)",
                    recordsPerSecond <= 500);
            row(
                    "billed GB per million clicks (5 KB units)",
                    String.format("%.3f", billedGbPerMillion),
                    String.format("<= %.3f", targetGb),
                    billedGbPerMillion <= targetGb);
            row(
                    "  same records uncompressed (NDJSON)",
                    String.format("%.3f", plainBilledGbPerMillion),
                    String.format("<= %.3f", targetGb),
                    plainBilledGbPerMillion <= targetGb);
            row("  one record per click (naive)", String.format("%.3f", 1e6 * RECORD_UNIT / 1e9), "-", false);
            row("clicks per record", String.format("%.0f", eventsPerRecord), ">= 20", eventsPerRecord >= 20);
            row("average record bytes (GZIP)", String.format("%,.0f", avgRecordBytes), "<= 1,024,000", true);
            row("hand-off per click p50 (ms)", String.format("%.3f", p50 / 1e6), "-", true);
            row("hand-off per click p99 (ms)", String.format("%.3f", p99 / 1e6), "<= 0.5", p99 <= 500_000);
            row("hand-off per click max (ms)", String.format("%.3f", max / 1e6), "<= budget 20", max <= 20_000_000);
            System.out.println("(hand-off = record() + beforeFreeze(20 ms) as the redirect calls them; one JVM on this"
                    + " machine's " + Runtime.getRuntime().availableProcessors() + " CPUs runs all 100 environments,"
                    + " their flushers and the endpoint, and nothing is frozen between invocations)");
        }

        private static void row(String measure, String value, String target, boolean met) {
            System.out.printf(
                    "| %-41s | %10s | %-15s | %-3s |%n",
                    measure, value, target, "-".equals(target) ? "" : met ? "yes" : "NO");
        }

        private static long percentile(long[] sorted, int p) {
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) (sorted.length * p / 100.0))];
        }

        private static byte[] plain(byte[] record) {
            try (var in = Decompression.decompressed(new ByteArrayInputStream(record))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
