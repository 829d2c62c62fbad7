package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.lifecycle.LambdaExtension;
import dev.shortener.analytics.lifecycle.ShutdownFlush;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn.Invocation;
import dev.shortener.localservers.lambda.RuntimeLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The click flush after the response, through a stand-in of Lambda's Runtime and Extensions APIs over HTTP: the
 * sink's extension thread registered for INVOKE, a runtime loop calling a handler that hands one click off as the
 * redirect does, and the real SDK client against the PutRecordBatch endpoint stand-in.
 */
class PostResponseFlushTest {

    private static final Duration BUDGET = Duration.ofMillis(400);
    /**
     * What a handler waits for its click without an extension (the fallback). Generous, so that on a loaded machine
     * the flusher still starts the send inside it: with Firehose answering, the wait ends as soon as the call does.
     */
    private static final Duration IN_INVOCATION_BUDGET = Duration.ofSeconds(2);

    /** Invocations further apart than this are lone ones, whose clicks are sent before the freeze. */
    private static final Duration HOLD_IF_NEXT_WITHIN = Duration.ofMillis(50);

    private static SinkHarness harness() throws InterruptedException {
        // The SDK's first call loads its classes; a long in-invocation wait for the warm-up click takes it out.
        var h = new SinkHarness(SinkSettings.defaults().withHoldIfNextWithin(HOLD_IF_NEXT_WITHIN));
        h.sink.record(TestClicks.click("warm-up"));
        h.sink.beforeFreeze(Duration.ofSeconds(5));
        lull();
        return h;
    }

    /** A gap after which the next invocation is a lone one. */
    private static void lull() throws InterruptedException {
        Thread.sleep(HOLD_IF_NEXT_WITHIN.toMillis() * 3);
    }

    private static void startFunction(LambdaEnvironmentStandIn lambda, SinkHarness h, StructuredLog log) {
        startFunction(lambda, h, log, BUDGET, Duration.ZERO);
    }

    /** The redirect's use of the sink: one click handed off, then {@code beforeFreeze} as the handler ends. */
    private static void startFunction(
            LambdaEnvironmentStandIn lambda,
            SinkHarness h,
            StructuredLog log,
            Duration afterResponseBudget,
            Duration handlerTime) {
        ShutdownFlush.install(h.sink, lambda.runtimeApi(), afterResponseBudget, log);
        RuntimeLoop.start(lambda.runtimeApi(), (event, context) -> {
            h.sink.record(TestClicks.click(event));
            sleep(event.startsWith("slow") ? handlerTime : Duration.ZERO);
            h.sink.beforeFreeze(IN_INVOCATION_BUDGET);
            return "{\"statusCode\":302}";
        });
    }

    private static void sleep(Duration time) {
        try {
            Thread.sleep(time.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void loneClick_responseReachesCallerBeforeFirehoseAnswers_andClickIsDeliveredBeforeFreeze() throws Exception {
        // Firehose answers each call after `answer`: a handler that waited for the send would respond that
        // much after the call. Which of the response post and the call's start comes first is not enforced (the
        // extension gets no signal of the post; see the click-sink README), so only "before the answer" is asserted.
        Duration answer = Duration.ofMillis(200);
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(3))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            h.firehose.plan(call -> FirehoseStandIn.Fault.slow(answer.toMillis()));
            int callsBefore = h.firehose.calls().size();

            Invocation invocation = lambda.invoke("lone");
            assertEquals("{\"statusCode\":302}", invocation.response().get(10, TimeUnit.SECONDS));
            long frozenAt = invocation.frozen().get(10, TimeUnit.SECONDS);

            assertEquals(1, lambda.extensionCount());
            List<FirehoseStandIn.Call> calls =
                    h.firehose.calls().subList(callsBefore, h.firehose.calls().size());
            assertEquals(1, calls.size(), "one PutRecordBatch for the lone click");
            assertTrue(
                    invocation.respondedAtNanos() < calls.get(0).atNanos() + answer.toNanos(),
                    "the caller had the response before Firehose answered the PutRecordBatch: it did not wait for it");
            assertTrue(calls.get(0).atNanos() < frozenAt, "the call was made before the environment froze");
            assertTrue(h.deliveredLines().stream().anyMatch(line -> line.contains("\"lone\"")), "delivered");
            assertEquals(0, h.sink.pendingClicks(), "nothing held across the freeze");
        }
    }

    @Test
    void firehoseHanging_environmentFreezesAfterTheBudget_withTheClickLoggedUndelivered() throws Exception {
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(3))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            h.firehose.plan(call -> FirehoseStandIn.Fault.hangThenFail(30_000));

            lambda.serve("hung");

            List<JsonNode> undelivered = h.undelivered();
            assertEquals(1, undelivered.size(), "the click, logged whole before the freeze");
            assertEquals("flush_timeout", undelivered.get(0).path("reason").asText());
            assertEquals("hung", undelivered.get(0).path("event").path("code").asText());
            assertEquals(0, h.sink.pendingClicks(), "nothing held across the freeze");
        }
    }

    @Test
    void firehoseDown_afterThreeFlushesOutOfTime_theNextWaitOnlyTheProbeBudget_untilOneSettles() throws Exception {
        Duration budget = Duration.ofMillis(1500);
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(10))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()), budget, Duration.ZERO);
            h.firehose.plan(call -> FirehoseStandIn.Fault.hangThenFail(30_000));

            List<Long> held = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                Invocation invocation = lambda.serve("down" + i);
                held.add(invocation.frozen().get() - invocation.respondedAtNanos());
                lull();
            }
            // Firehose is back; the flusher may still be stuck in a hung call until the client's attempt timeout,
            // so the first probes may give up too. One gets through, and the full budget is back for the next.
            h.firehose.plan(call -> FirehoseStandIn.Fault.OK);
            int probes = 0;
            while (h.deliveredLines().stream().noneMatch(line -> line.contains("\"back\"")) && probes < 40) {
                probes++;
                lambda.serve("back");
                lull();
            }
            lambda.serve("after");

            System.out.println("held after the response while Firehose hung (ms): "
                    + held.stream().map(nanos -> nanos / 1_000_000).toList());
            for (int i = 0; i < 3; i++) {
                // The budget runs from the handler's end, a little before the response is posted.
                assertTrue(held.get(i) > budget.toNanos() / 2, "the whole budget: " + held.get(i) / 1_000_000 + " ms");
            }
            for (int i = 3; i < 5; i++) {
                assertTrue(
                        held.get(i) < budget.toNanos() / 2
                                && BatchingClickSink.PROBE_BUDGET.toNanos() < budget.toNanos() / 2,
                        "cut to the probe budget: " + held.get(i) / 1_000_000 + " ms");
            }
            List<String> givenUp = h.undelivered().stream()
                    .map(line -> line.path("event").path("code").asText())
                    .toList();
            assertEquals(List.of("down0", "down1", "down2", "down3", "down4"), givenUp.subList(0, 5));
            assertEquals(probes - 1, givenUp.size() - 5, "every probe but the last gave its click up: " + givenUp);
            assertTrue(h.deliveredLines().stream().anyMatch(line -> line.contains("\"after\"")), "back to normal");
            assertEquals(0, h.sink.pendingClicks(), "nothing held across the freeze");
        }
    }

    @Test
    void budgetBeyondTheFunctionTimeout_isCutAtTheDeadline() throws Exception {
        // The after-response budget is far longer than the function timeout, which must cut it.
        Duration timeout = Duration.ofMillis(300);
        Duration budget = Duration.ofSeconds(5);
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(timeout)) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()), budget, Duration.ZERO);
            h.firehose.plan(call -> FirehoseStandIn.Fault.hangThenFail(30_000));

            for (String code : List.of("late", "after")) {
                Invocation invocation = lambda.serve(code);
                long frozen = invocation.frozen().get();
                assertTrue(
                        frozen - invocation.respondedAtNanos() < budget.toNanos(),
                        "the flush after " + code + " ended at the function's deadline, long before its own budget");
                lull();
            }

            // Both gave up at the deadline, and the second invocation found the environment idle in time.
            assertEquals(
                    List.of("late", "after"),
                    h.undelivered().stream()
                            .map(line -> line.path("event").path("code").asText())
                            .toList());
            assertEquals(0, h.sink.pendingClicks(), "nothing held across the freeze");
        }
    }

    @Test
    void handlerOutlastingTheExtensionsDeadline_givesItsClickUp_andTheNextFlushWaitsForItsOwnHandler()
            throws Exception {
        // The extension stops waiting 50 ms before the 300 ms timeout; this handler ends 20 ms before it.
        Duration timeout = Duration.ofMillis(300);
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(timeout)) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()), BUDGET, Duration.ofMillis(280));

            lambda.serve("slow");
            lull();
            lambda.serve("next");

            List<JsonNode> undelivered = h.undelivered();
            assertEquals(1, undelivered.size(), "the slow invocation's click, given up at the extension's deadline");
            assertEquals("slow", undelivered.get(0).path("event").path("code").asText());
            // Had the slow handler's late end counted for the next invocation, the extension would have let the
            // environment freeze before the next click was even recorded.
            assertTrue(h.deliveredLines().stream().anyMatch(line -> line.contains("\"next\"")), "delivered");
            assertEquals(0, h.sink.pendingClicks(), "nothing held across the freeze");
        }
    }

    @Test
    void tenThousandInvocations_withRandomGaps_andAFirehoseFailingOneCallInTen_loseNothing() throws Exception {
        int sent = 10_000;
        Set<String> sentIds = new HashSet<>();
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(3))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            Random random = new Random(42);
            h.firehose.plan(call -> call % 10 == 3 ? FirehoseStandIn.Fault.error500() : FirehoseStandIn.Fault.OK);
            int callsBefore = h.firehose.calls().size();
            for (int i = 0; i < sent; i++) {
                Invocation invocation = lambda.invoke("c" + i);
                invocation.response().get(10, TimeUnit.SECONDS);
                // Mostly back to back (batched across invocations); one in fifty followed by a gap beyond the hold
                // window, which makes it a lone one, flushed after its response.
                if (random.nextInt(50) == 0) {
                    Thread.sleep(HOLD_IF_NEXT_WITHIN.toMillis() + random.nextInt(20));
                }
            }
            lambda.invocations().get(sent - 1).frozen().get(10, TimeUnit.SECONDS);
            h.sink.shutdown(Duration.ofSeconds(5));
            int calls = h.firehose.calls().size() - callsBefore;

            Set<String> delivered = new HashSet<>();
            for (String line : h.deliveredLines()) {
                String id = StoredEvents.eventId(line);
                if (!line.contains("\"warm-up\"")) {
                    delivered.add(id);
                }
            }
            Set<String> undelivered = new HashSet<>();
            for (JsonNode line : h.undelivered()) {
                undelivered.add(line.path("event_id").asText());
            }
            Set<String> accounted = new HashSet<>(delivered);
            accounted.addAll(undelivered);
            System.out.printf(
                    "post-response flush: sent %d, delivered %d, undelivered %d, accounted %d (%d PutRecordBatch"
                            + " calls)%n",
                    sent, delivered.size(), undelivered.size(), accounted.size(), calls);
            sentIds.addAll(accounted);
            assertEquals(sent, accounted.size(), "delivered + undelivered = sent");
            assertTrue(calls < sent / 10, "batched across invocations under load: " + calls + " calls");
        }
        assertFalse(sentIds.isEmpty());
    }

    @Test
    void noExtension_keepsTheInInvocationHandOff_andSaysSoOnce() throws Exception {
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(3))) {
            lambda.refuseRegistration();
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            int callsBefore = h.firehose.calls().size();
            AtomicInteger n = new AtomicInteger();

            for (int i = 0; i < 3; i++) {
                lull();
                Invocation invocation = lambda.serve("fallback" + n.incrementAndGet());
                lull(); // a lone click each time
                FirehoseStandIn.Call call = h.firehose.calls().get(callsBefore + i);
                assertTrue(
                        call.atNanos() < invocation.respondedAtNanos(),
                        "without an extension the send happens inside the invocation, before the response");
            }

            assertEquals(0, lambda.extensionCount());
            long notices = h.logs.lines().stream()
                    .filter(line -> line.contains("\"click_flush_in_invocation\""))
                    .count();
            assertEquals(1, notices, "said once");
        }
    }

    @Test
    void outsideLambda_registersNothing_andSaysSoOnce() throws Exception {
        try (var h = harness()) {
            StructuredLog log = new StructuredLog("redirect", h.logs.stream());
            assertTrue(LambdaExtension.registerIfInLambda(null, h.sink, BUDGET).isEmpty());
            ShutdownFlush.install(h.sink, null, BUDGET, log);
            assertEquals(
                    1,
                    h.logs.lines().stream()
                            .filter(line -> line.contains("\"click_flush_in_invocation\""))
                            .count());
        }
    }
}
