package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.Click;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.RecordEncoding;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.Test;

/** The batching sink against a Firehose endpoint, through the real SDK client. */
class FirehoseSinkTest {

    static final Duration BUDGET = Duration.ofMillis(200);

    @Test
    void loneClick_isDeliveredBeforeFreezeReturns_whenTrafficIsLow() {
        try (var h = new SinkHarness(SinkSettings.defaults())) {
            h.sink.record(TestClicks.click("aB3dE5f"));
            h.sink.beforeFreeze(BUDGET);

            assertEquals(0, h.sink.pendingClicks(), "nothing may sit in a frozen environment");
            List<String> lines = h.deliveredLines();
            assertEquals(1, lines.size());
            assertTrue(lines.get(0).contains("\"code\":\"aB3dE5f\""));
        }
    }

    @Test
    void loneClick_isSentOnRecord_beforeBeforeFreezeIsCalled() throws Exception {
        // A buffer age far beyond the test's wait: only the wake-up a lone click gives the flusher can send it.
        var settings = SinkSettings.defaults().withMaxBufferAge(Duration.ofSeconds(60));
        try (var h = new SinkHarness(settings)) {
            h.sink.record(TestClicks.click("warm"));
            h.sink.beforeFreeze(Duration.ofSeconds(5)); // the SDK's first call loads its classes
            h.firehose.plan(call -> FirehoseStandIn.Fault.storeThenHang(15)); // a 15 ms round trip from now on
            Thread.sleep(1_500); // a lull longer than holdIfNextWithin: the next click is a lone one again

            h.sink.record(TestClicks.click("lone"));
            // The redirect's lookup runs now; the send overlaps it, so it reaches Firehose before beforeFreeze.
            awaitCalls(h, 2);
            h.sink.beforeFreeze(BUDGET);

            assertEquals(0, h.sink.pendingClicks());
            List<String> lines = h.deliveredLines();
            assertEquals(2, lines.size());
            assertTrue(lines.get(1).contains("\"code\":\"lone\""), lines.get(1));
        }
    }

    @Test
    void busyEnvironment_holdsClicksAcrossInvocations_andSendsThemByAge() throws Exception {
        var settings = SinkSettings.defaults().withMaxBufferAge(Duration.ofMillis(300));
        try (var h = new SinkHarness(settings)) {
            for (int i = 0; i < 200; i++) { // ~200 invocations a second in one environment
                h.sink.record(TestClicks.click("code" + (i % 7)));
                h.sink.beforeFreeze(BUDGET);
                Thread.sleep(5);
            }
            awaitDelivered(h, 200);

            int calls = h.firehose.calls().size();
            System.out.printf("busy environment: 200 invocations -> %d PutRecordBatch calls%n", calls);
            // ~2 by age plus the first invocations' (before the gauge knows the rate); generous for slow machines
            assertTrue(calls <= 20, "clicks must be batched across invocations, got " + calls + " calls");
            assertEquals(200, distinctEvents(h.deliveredLines()));
        }
    }

    @Test
    void limits_areRespected_withMoreThanFourMebibytesBuffered() throws Exception {
        // Uncompressed records and a 12 MB flush threshold: one flush packs ~12 records of ~1 MB, four calls' worth.
        var settings = uncompressedLimits(1_000_000, 12_000_000, Duration.ofSeconds(5), 32L << 20);
        try (var h = new SinkHarness(settings)) {
            String longAgent = TestClicks.CHROME + " " + "x".repeat(300);
            recordWhileBusy(
                    h,
                    25_000,
                    i -> TestClicks.click("c" + (i % 100), java.time.Instant.now(), "198.51.100.7", longAgent));
            awaitDelivered(h, 25_000);

            assertLimits(h.firehose);
            long maxBytes = largest(h.firehose, FirehoseStandIn.Call::bytes);
            System.out.printf(
                    "25,000 clicks -> %d calls, largest %,d bytes%n",
                    h.firehose.calls().size(), maxBytes);
            assertTrue(maxBytes > 3_000_000, "the 4 MiB cap was exercised");
            assertEquals(25_000, distinctEvents(h.deliveredLines()));
        }
    }

    @Test
    void limits_areRespected_withMoreThanFiveHundredRecordsBuffered() throws Exception {
        // Tiny records (~4 clicks each) so that one flush holds well over 500 records.
        var settings = uncompressedLimits(2_000, 10_000_000, Duration.ofSeconds(3), 16L << 20);
        try (var h = new SinkHarness(settings)) {
            recordWhileBusy(h, 6_000, i -> TestClicks.click("c" + (i % 50)));
            awaitDelivered(h, 6_000);

            assertLimits(h.firehose);
            long maxRecords = largest(h.firehose, call -> call.records().size());
            System.out.printf(
                    "6,000 clicks in ~1,500 records -> %d calls, at most %d records each%n",
                    h.firehose.calls().size(), maxRecords);
            assertEquals(500, maxRecords, "a full call carries exactly the 500-record maximum");
        }
    }

    @Test
    void partialFailure_resendsOnlyTheFailedEntries() throws Exception {
        var settings = new SinkSettings(
                2_000,
                500,
                4_000_000,
                10_000_000,
                Duration.ofSeconds(1),
                Duration.ofSeconds(10),
                16L << 20,
                8,
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofSeconds(60),
                RecordEncoding.GZIP);
        try (var h = new SinkHarness(settings)) {
            h.firehose.plan(call ->
                    call == 1 ? FirehoseStandIn.Fault.partial((c, index) -> index % 3 == 0) : FirehoseStandIn.Fault.OK);
            recordWhileBusy(h, 300, i -> TestClicks.click("c" + (i % 9)));
            awaitDelivered(h, 300);

            List<FirehoseStandIn.Call> calls = h.firehose.calls();
            FirehoseStandIn.Call first = calls.get(0);
            List<byte[]> failed = new ArrayList<>();
            for (int i = 0; i < first.records().size(); i += 3) {
                failed.add(first.records().get(i));
            }
            FirehoseStandIn.Call second = calls.get(1);
            System.out.printf(
                    "first call: %d records, %d failed; second call: %d records%n",
                    first.records().size(), first.failed(), second.records().size());
            assertTrue(first.failed() > 1);
            assertEquals(failed.size(), second.records().size(), "the resend carries only the failed entries");
            for (int i = 0; i < failed.size(); i++) {
                assertTrue(
                        java.util.Arrays.equals(failed.get(i), second.records().get(i)), "same bytes resent");
            }
            List<String> lines = h.deliveredLines();
            assertEquals(300, lines.size(), "nothing stored twice");
            assertEquals(300, distinctEvents(lines));
            h.sink.shutdown(Duration.ofMillis(50)); // writes the metrics line now rather than within a minute
            assertEquals(StoredEvents.lines(failed).size(), h.metric(DeliveryMetrics.RESENT));
            assertEquals(300, h.metric(DeliveryMetrics.DELIVERED));
        }
    }

    @Test
    void throttling_backsOffWithJitter_andDeliversEverything() throws Exception {
        var settings = SinkSettings.defaults().withRetries(8, Duration.ofMillis(100), Duration.ofSeconds(1));
        try (var h = new SinkHarness(settings)) {
            h.firehose.plan(call -> switch (call) {
                case 1, 3 -> FirehoseStandIn.Fault.throttle("ServiceUnavailableException");
                case 2 -> FirehoseStandIn.Fault.throttle("LimitExceededException");
                default -> FirehoseStandIn.Fault.OK;
            });
            for (int i = 0; i < 20; i++) {
                h.sink.record(TestClicks.click("thr" + i));
                h.sink.beforeFreeze(Duration.ofMillis(5));
            }
            awaitDelivered(h, 20);

            List<FirehoseStandIn.Call> calls = h.firehose.calls();
            for (int i = 1; i < 4; i++) {
                long gapMillis = (calls.get(i).atNanos() - calls.get(i - 1).atNanos()) / 1_000_000;
                System.out.printf("after throttle %d: next call %d ms later%n", i, gapMillis);
                assertTrue(gapMillis >= 45, "backs off at least half the base delay, got " + gapMillis + " ms");
            }
            assertEquals(20, distinctEvents(h.deliveredLines()));
        }
    }

    @Test
    void hangingEndpoint_neverDelaysTheRedirectBeyondItsBudget() {
        Duration budget = Duration.ofMillis(20);
        try (var h = new SinkHarness(SinkSettings.defaults())) {
            h.firehose.plan(call -> FirehoseStandIn.Fault.hangThenFail(5_000));
            long worst = 0;
            for (int i = 0; i < 5; i++) {
                long start = System.nanoTime();
                h.sink.record(TestClicks.click("hang" + i));
                h.sink.beforeFreeze(budget);
                worst = Math.max(worst, System.nanoTime() - start);
            }
            System.out.printf(
                    "hanging endpoint: worst hand-off %.1f ms with a %d ms budget%n", worst / 1e6, budget.toMillis());
            // A generous bound (scheduling on a busy CI machine); the point is "never the endpoint's 5 s".
            assertTrue(worst < budget.plusMillis(150).toNanos(), "hand-off took " + worst / 1e6 + " ms");
        }
    }

    @Test
    void shutdown_flushesTheBuffer() {
        var settings = SinkSettings.defaults()
                .withMaxBufferAge(Duration.ofSeconds(60))
                .withHoldIfNextWithin(Duration.ofSeconds(10));
        try (var h = new SinkHarness(settings)) {
            recordWhileBusy(h, 100, i -> TestClicks.click("sd" + i));
            assertEquals(0, h.firehose.storedRecords().size(), "held in the buffer of a busy environment");

            h.sink.shutdown(Duration.ofSeconds(1));

            assertEquals(100, distinctEvents(h.deliveredLines()));
            assertEquals(0, h.undelivered().size());
        }
    }

    static void warm(SinkHarness h) {
        h.sink.beforeFreeze(Duration.ZERO);
        h.sink.beforeFreeze(Duration.ZERO); // two quick invocations: the gauge now expects more soon
    }

    /** Records {@code click(0)} to {@code click(clicks - 1)} in an environment already warm with traffic. */
    static void recordWhileBusy(SinkHarness h, int clicks, IntFunction<Click> click) {
        warm(h);
        for (int i = 0; i < clicks; i++) {
            h.sink.record(click.apply(i));
        }
    }

    /** The largest {@code measure} of any PutRecordBatch call the endpoint has had. */
    static long largest(FirehoseStandIn firehose, ToLongFunction<FirehoseStandIn.Call> measure) {
        return firehose.calls().stream().mapToLong(measure).max().orElse(0);
    }

    static void awaitDelivered(SinkHarness h, int clicks) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (h.sink.pendingClicks() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(0, h.sink.pendingClicks(), "all " + clicks + " clicks settled");
    }

    /** Waits (20 s at most: a stuck flusher fails, a slow machine doesn't) until Firehose has had {@code calls}. */
    static void awaitCalls(SinkHarness h, int calls) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (h.firehose.calls().size() < calls && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertEquals(calls, h.firehose.calls().size(), "PutRecordBatch calls without a beforeFreeze");
    }

    static void assertLimits(FirehoseStandIn firehose) {
        assertEquals(List.of(), firehose.violations());
        for (FirehoseStandIn.Call call : firehose.calls()) {
            assertTrue(call.records().size() <= 500, call.records().size() + " records in one call");
            assertTrue(call.bytes() <= 4L * 1024 * 1024, call.bytes() + " bytes in one call");
            for (byte[] record : call.records()) {
                assertTrue(record.length <= 1_024_000, "record of " + record.length + " bytes");
            }
        }
    }

    static List<String> ids(List<String> lines) {
        return lines.stream().map(StoredEvents::eventId).toList();
    }

    /** How many different clicks (by event id) the lines hold: a resent click stored twice counts once. */
    static int distinctEvents(List<String> lines) {
        return set(ids(lines)).size();
    }

    static Set<String> set(List<String> values) {
        return new HashSet<>(values);
    }

    /**
     * Uncompressed records (so sizes are the lines' own), Firehose's 500 records and ~4 MB per call, quick retries:
     * what the limits tests share; each picks how large a record and a flush are, how long clicks wait and how many
     * may be pending.
     */
    private static SinkSettings uncompressedLimits(
            int maxRecordBytes, int flushBytes, Duration maxBufferAge, long maxPendingBytes) {
        return new SinkSettings(
                maxRecordBytes,
                500,
                4_000_000,
                flushBytes,
                maxBufferAge,
                Duration.ofSeconds(10),
                maxPendingBytes,
                8,
                Duration.ofMillis(50),
                Duration.ofSeconds(1),
                Duration.ofSeconds(60),
                RecordEncoding.NDJSON);
    }
}
