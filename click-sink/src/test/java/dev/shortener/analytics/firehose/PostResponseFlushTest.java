package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.analytics.lifecycle.LambdaExtension;
import dev.shortener.analytics.lifecycle.ShutdownFlush;
import dev.shortener.http.StructuredLog;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn;
import dev.shortener.localservers.lambda.LambdaEnvironmentStandIn.Invocation;
import dev.shortener.localservers.lambda.RuntimeLoop;
import java.time.Duration;
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
    private static final Duration IN_INVOCATION_BUDGET = Duration.ofMillis(20);

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
        ShutdownFlush.install(h.sink, lambda.runtimeApi(), BUDGET, log);
        RuntimeLoop.start(lambda.runtimeApi(), (event, requestId) -> {
            h.sink.record(TestClicks.click(event));
            h.sink.beforeFreeze(IN_INVOCATION_BUDGET);
            return "{\"statusCode\":302}";
        });
    }

    @Test
    void loneClick_responseReachesCallerBeforeFirehoseCall_andClickIsDeliveredBeforeFreeze() throws Exception {
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(3))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            int callsBefore = h.firehose.calls().size();

            Invocation invocation = lambda.invoke("lone");
            assertEquals("{\"statusCode\":302}", invocation.response().get(10, TimeUnit.SECONDS));
            long frozenAt = invocation.frozen().get(10, TimeUnit.SECONDS);

            assertEquals(1, lambda.extensionCount());
            List<FakeFirehose.Call> calls =
                    h.firehose.calls().subList(callsBefore, h.firehose.calls().size());
            assertEquals(1, calls.size(), "one PutRecordBatch for the lone click");
            assertTrue(
                    invocation.respondedAtNanos() < calls.get(0).atNanos(),
                    "the caller had the response before the PutRecordBatch reached Firehose");
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
            h.firehose.plan(call -> FakeFirehose.Fault.hangThenFail(30_000));

            Invocation invocation = lambda.invoke("hung");
            invocation.response().get(10, TimeUnit.SECONDS);
            invocation.frozen().get(10, TimeUnit.SECONDS);

            List<JsonNode> undelivered = h.undelivered();
            assertEquals(1, undelivered.size(), "the click, logged whole before the freeze");
            assertEquals("flush_timeout", undelivered.get(0).path("reason").asText());
            assertEquals("hung", undelivered.get(0).path("event").path("code").asText());
            assertEquals(0, h.sink.pendingClicks(), "nothing held across the freeze");
        }
    }

    @Test
    void budgetBeyondTheFunctionTimeout_isCutAtTheDeadline() throws Exception {
        // A 100 ms function timeout (less the extension's 50 ms margin) is shorter than the 400 ms budget.
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofMillis(100))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            h.firehose.plan(call -> FakeFirehose.Fault.hangThenFail(30_000));

            Invocation invocation = lambda.invoke("late");
            invocation.response().get(10, TimeUnit.SECONDS);
            invocation.frozen().get(10, TimeUnit.SECONDS);
            lull();
            Invocation next = lambda.invoke("after");
            next.response().get(10, TimeUnit.SECONDS);
            next.frozen().get(10, TimeUnit.SECONDS);

            // Both gave up at the deadline, not after the budget: the next invocation came in time.
            assertEquals(2, h.undelivered().size());
            assertTrue(
                    next.frozen().get() - invocation.respondedAtNanos() < BUDGET.toNanos(),
                    "the flush ended at the function's deadline, before its own budget");
        }
    }

    @Test
    void fiveHundredInvocations_withRandomGaps_andAFirehoseFailingOneCallInTen_loseNothing() throws Exception {
        int sent = 500;
        Set<String> sentIds = new HashSet<>();
        try (var h = harness();
                var lambda = new LambdaEnvironmentStandIn(Duration.ofSeconds(3))) {
            startFunction(lambda, h, new StructuredLog("redirect", h.logs.stream()));
            Random random = new Random(42);
            h.firehose.plan(call -> call % 10 == 3 ? FakeFirehose.Fault.error500() : FakeFirehose.Fault.OK);
            for (int i = 0; i < sent; i++) {
                Invocation invocation = lambda.invoke("c" + i);
                invocation.response().get(10, TimeUnit.SECONDS);
                if (random.nextInt(100) == 0) {
                    Thread.sleep(random.nextInt(30)); // a lull now and then
                }
            }
            lambda.invocations().get(sent - 1).frozen().get(10, TimeUnit.SECONDS);
            h.sink.shutdown(Duration.ofSeconds(5));

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
                    sent,
                    delivered.size(),
                    undelivered.size(),
                    accounted.size(),
                    h.firehose.calls().size());
            sentIds.addAll(accounted);
            assertEquals(sent, accounted.size(), "delivered + undelivered = sent");
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
                Invocation invocation = lambda.invoke("fallback" + n.incrementAndGet());
                invocation.response().get(10, TimeUnit.SECONDS);
                invocation.frozen().get(10, TimeUnit.SECONDS);
                lull(); // a lone click each time
                FakeFirehose.Call call = h.firehose.calls().get(callsBefore + i);
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
