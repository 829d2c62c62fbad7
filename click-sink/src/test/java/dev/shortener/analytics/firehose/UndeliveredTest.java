package dev.shortener.analytics.firehose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.analytics.delivery.SinkSettings;
import dev.shortener.localservers.firehose.FirehoseStandIn;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What can't be delivered is logged whole, one line per click, and counted. */
class UndeliveredTest {

    @Test
    void retriesExhausted_logsEachClickWhole_andCountsIt() throws Exception {
        var settings = SinkSettings.defaults().withRetries(3, Duration.ofMillis(5), Duration.ofMillis(20));
        try (var h = new SinkHarness(settings)) {
            h.firehose.plan(call -> FirehoseStandIn.Fault.error500());
            Set<String> requests = new HashSet<>();
            for (int i = 0; i < 10; i++) {
                Click click = TestClicks.click("gone" + i);
                requests.add(click.requestId());
                h.sink.record(click);
                h.sink.beforeFreeze(Duration.ofMillis(200));
            }
            FirehoseSinkTest.awaitDelivered(h, 10);

            List<JsonNode> lines = h.undelivered();
            assertEquals(10, lines.size());
            Set<String> logged = new HashSet<>();
            for (JsonNode line : lines) {
                assertEquals("ERROR", line.get("level").asText());
                assertEquals("retries_exhausted", line.get("reason").asText());
                assertEquals("InternalFailure", line.get("error_code").asText());
                assertEquals(3, line.get("attempts").asInt());
                JsonNode event = line.get("event");
                assertTrue(event.isObject(), "the whole event, as JSON, ready to replay");
                assertEquals(
                        line.get("event_id").asText(), event.get("event_id").asText());
                assertTrue(event.get("code").asText().startsWith("gone"));
                logged.add(event.get("request_id").asText());
            }
            assertEquals(requests, logged);
            assertEquals(10, h.metric(DeliveryMetrics.UNDELIVERED), "emitted at once, not a minute later");
        }
    }

    @Test
    void fullBuffer_logsNewClicksUndelivered_insteadOfGrowingTheHeap() {
        var settings = SinkSettings.defaults().withMaxPendingBytes(4_000);
        try (var h = new SinkHarness(settings)) {
            h.firehose.plan(call -> FirehoseStandIn.Fault.hangThenFail(2_000));
            for (int i = 0; i < 50; i++) {
                h.sink.record(TestClicks.click("full" + i));
            }
            int pending = h.sink.pendingClicks();
            long full = h.undelivered().stream()
                    .filter(l -> "buffer_full".equals(l.get("reason").asText()))
                    .count();

            System.out.printf("full buffer: %d pending, %d logged buffer_full%n", pending, full);
            assertTrue(full > 0);
            assertEquals(50, pending + full);
        }
    }

    @Test
    void metrics_areEmbeddedMetricFormatLines() throws Exception {
        try (var h = new SinkHarness(SinkSettings.defaults())) {
            h.sink.record(TestClicks.click("emf"));
            h.sink.beforeFreeze(Duration.ofMillis(200));
            h.sink.shutdown(Duration.ofMillis(100));

            JsonNode line = SinkHarness.parse(h.metricLines.lines().get(0));
            JsonNode directive = line.get("_aws").get("CloudWatchMetrics").get(0);
            assertTrue(line.get("_aws").get("Timestamp").isNumber());
            assertEquals("UrlShortener", directive.get("Namespace").asText());
            assertEquals("[[\"Service\"]]", directive.get("Dimensions").toString());
            assertEquals(5, directive.get("Metrics").size());
            assertEquals("Count", directive.get("Metrics").get(0).get("Unit").asText());
            assertEquals("redirect", line.get("Service").asText());
            assertEquals(1, line.get(DeliveryMetrics.DELIVERED).asLong());
            assertEquals(1, line.get(DeliveryMetrics.REQUESTS).asLong());
        }
    }
}
