package dev.shortener.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.config.Environment;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EmfMetricsTest {

    /** An independent reader of what the writer produces. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final InstantSource CLOCK = InstantSource.fixed(Instant.ofEpochMilli(1_764_000_000_000L));

    @Test
    void count_writesAnEmfDocumentInTheStacksNamespace_withTheServiceDimension() throws Exception {
        EmfMetrics metrics = new EmfMetrics("UrlShortener/prod", "create", CLOCK);

        JsonNode line = JSON.readTree(Json.write(metrics.count("UnexpectedError")));

        JsonNode directive = line.at("/_aws/CloudWatchMetrics/0");
        assertEquals(1_764_000_000_000L, line.at("/_aws/Timestamp").asLong());
        assertEquals("UrlShortener/prod", directive.get("Namespace").asText());
        assertEquals("[[\"Service\"]]", directive.get("Dimensions").toString());
        assertEquals(JSON.readTree("[{\"Name\":\"UnexpectedError\",\"Unit\":\"Count\"}]"), directive.get("Metrics"));
        assertEquals("create", line.get("Service").asText());
        assertEquals(1, line.get("UnexpectedError").asLong());
    }

    @Test
    void counts_namesEveryMetricInOrder_zerosIncluded() throws Exception {
        Map<String, Long> values = new LinkedHashMap<>();
        values.put("ClicksDelivered", 12L);
        values.put("ClicksUndelivered", 0L);

        JsonNode line = JSON.readTree(Json.write(new EmfMetrics("N", "redirect", CLOCK).counts(values)));

        assertEquals(
                JSON.readTree("[{\"Name\":\"ClicksDelivered\",\"Unit\":\"Count\"},"
                        + "{\"Name\":\"ClicksUndelivered\",\"Unit\":\"Count\"}]"),
                line.at("/_aws/CloudWatchMetrics/0/Metrics"));
        assertEquals(12, line.get("ClicksDelivered").asLong());
        assertEquals(0, line.get("ClicksUndelivered").asLong());
    }

    @Test
    void fromEnvironment_readsTheNamespace_orFallsBackToTheDefault() {
        assertEquals(
                "UrlShortener/stack-a",
                EmfMetrics.fromEnvironment(
                                Environment.of(Map.of(EmfMetrics.METRICS_NAMESPACE, "UrlShortener/stack-a")), "x")
                        .namespace());
        assertEquals(
                EmfMetrics.DEFAULT_NAMESPACE,
                EmfMetrics.fromEnvironment(Environment.of(Map.of()), "x").namespace());
    }
}
