package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.RecordEncoding;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Nothing silently lost: after a run full of faults, every click is delivered or logged as undelivered. */
class FaultyRunTest {

    @Test
    void everyClick_isDeliveredOrLoggedUndelivered_afterARunWithFaults() throws Exception {
        var settings = new SinkSettings(
                20_000,
                500,
                4_000_000,
                200_000,
                Duration.ofMillis(100),
                Duration.ofMillis(50),
                16L << 20,
                4,
                Duration.ofMillis(20),
                Duration.ofMillis(200),
                Duration.ofSeconds(60),
                RecordEncoding.GZIP);
        Random random = new Random(42);
        try (var h = new SinkHarness(settings)) {
            h.firehose.plan(call -> {
                if (call == 4) {
                    return FirehoseStandIn.Fault.hangThenFail(3_500); // past the client's 3 s attempt timeout
                } else if (call == 9) {
                    return FirehoseStandIn.Fault.storeThenHang(3_500); // stored, but the answer never arrives
                } else if (call >= 40 && call < 48) {
                    return FirehoseStandIn.Fault.error500(); // an outage longer than the retries: clicks given up
                }
                return randomFault(call);
            });
            Set<String> sent = new HashSet<>();
            for (int burst = 0; burst < 40; burst++) {
                int invocations = 20 + random.nextInt(80);
                for (int i = 0; i < invocations; i++) {
                    Click click =
                            TestClicks.click("f" + random.nextInt(30), Instant.now(), "192.0.2.9", TestClicks.CHROME);
                    sent.add(click.requestId());
                    h.sink.record(click);
                    h.sink.beforeFreeze(Duration.ofMillis(10));
                    if (random.nextInt(10) == 0) {
                        Thread.sleep(random.nextInt(80)); // lulls: some invocations flush, some hold
                    }
                }
            }
            h.sink.shutdown(Duration.ofSeconds(4));

            Map<String, String> eventOfRequest = new HashMap<>();
            Map<String, String> lineOfEvent = new HashMap<>();
            Set<String> delivered = new HashSet<>();
            int deliveredLines = 0;
            for (String line : h.deliveredLines()) {
                deliveredLines++;
                delivered.add(account(line, eventOfRequest, lineOfEvent));
            }
            Set<String> undelivered = new HashSet<>();
            for (JsonNode log : h.undelivered()) {
                undelivered.add(account(log.get("event").toString(), eventOfRequest, lineOfEvent));
            }
            Set<String> accounted = new HashSet<>(delivered);
            accounted.addAll(undelivered);
            Set<String> both = new HashSet<>(delivered);
            both.retainAll(undelivered);
            System.out.printf(
                    "faulty run: %d clicks sent over %d calls; delivered %d (+%d duplicate lines),"
                            + " undelivered %d, both %d; delivered + undelivered - both = %d%n",
                    sent.size(),
                    h.firehose.calls().size(),
                    delivered.size(),
                    deliveredLines - delivered.size(),
                    undelivered.size(),
                    both.size(),
                    delivered.size() + undelivered.size() - both.size());
            System.out.printf(
                    "metrics: delivered %d, resent %d, undelivered %d%n",
                    h.metric(DeliveryMetrics.DELIVERED),
                    h.metric(DeliveryMetrics.RESENT),
                    h.metric(DeliveryMetrics.UNDELIVERED));

            assertEquals(sent, accounted, "every click sent is delivered or in a click_undelivered line");
            assertEquals(sent.size(), delivered.size() + undelivered.size() - both.size());
            assertTrue(h.metric(DeliveryMetrics.RESENT) > 0, "faults caused resends");
            assertTrue(undelivered.size() > 0, "the outage gave some clicks up, and they were logged");
            assertEquals(undelivered.size(), h.metric(DeliveryMetrics.UNDELIVERED));
        }
    }

    /**
     * Records a line's request id and event id; a click seen twice must carry the same event id and the same
     * bytes (a duplicate is a resend, never a second event for one click). Returns the request id.
     */
    private static String account(String json, Map<String, String> eventOfRequest, Map<String, String> lineOfEvent) {
        JsonNode event = SinkHarness.parse(json);
        String requestId = event.get("request_id").asText();
        String eventId = event.get("event_id").asText();
        String earlierEvent = eventOfRequest.putIfAbsent(requestId, eventId);
        assertTrue(earlierEvent == null || earlierEvent.equals(eventId), "one event id per click");
        String earlierLine = lineOfEvent.putIfAbsent(eventId, event.toString());
        assertTrue(earlierLine == null || earlierLine.equals(event.toString()), "duplicates are identical");
        return requestId;
    }

    private static FirehoseStandIn.Fault randomFault(int call) {
        int roll = new Random(call * 7919L).nextInt(100);
        if (roll < 55) {
            return FirehoseStandIn.Fault.OK;
        } else if (roll < 75) {
            Random entries = new Random(call);
            return FirehoseStandIn.Fault.partial((c, index) -> entries.nextInt(10) < 4);
        } else if (roll < 88) {
            return FirehoseStandIn.Fault.throttle(
                    roll % 2 == 0 ? "ServiceUnavailableException" : "LimitExceededException");
        }
        return FirehoseStandIn.Fault.error500();
    }
}
