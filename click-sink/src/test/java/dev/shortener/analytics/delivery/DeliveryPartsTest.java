package dev.shortener.analytics.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;

/** The small parts of the batching sink, on their own. */
class DeliveryPartsTest {

    @Test
    void packer_fillsRecordsUpToTheLimit_andGzipRoundTrips() throws IOException {
        List<EncodedClick> clicks = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        for (int i = 0; i < 1_000; i++) {
            String line = "{\"event_id\":\"e" + i + "\",\"code\":\"c\"}\n";
            clicks.add(new EncodedClick("e" + i, line.getBytes(StandardCharsets.UTF_8)));
            all.append(line);
        }
        List<PendingRecord> records = new RecordPacker(10_000, RecordEncoding.GZIP).pack(clicks);

        StringBuilder unpacked = new StringBuilder();
        for (PendingRecord record : records) {
            assertTrue(record.plainBytes <= 10_000);
            assertTrue(record.size() < record.plainBytes / 4, "GZIP shrinks NDJSON events several times");
            try (var in = new GZIPInputStream(new ByteArrayInputStream(record.data))) {
                unpacked.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertEquals(all.toString(), unpacked.toString(), "every line, once, in order");
        assertEquals((all.length() + 9_999) / 10_000, records.size(), "records are filled, not half-empty");
    }

    @Test
    void gauge_holdsOnlyWhileInvocationsComeOften() {
        var gauge = new TrafficGauge(Duration.ofMillis(100));
        long t = 0;
        assertFalse(gauge.busy(t), "a fresh environment expects nothing");
        for (int i = 0; i < 5; i++) {
            gauge.invocationEnded(t += 10_000_000); // every 10 ms
        }
        assertTrue(gauge.busy(t));
        assertFalse(gauge.busy(t + 200_000_000), "a lull longer than the window: not busy any more");
        gauge.invocationEnded(t += 2_000_000_000L); // then a 2 s gap
        assertFalse(gauge.busy(t), "one long gap turns the mean");
    }

    @Test
    void backoff_growsWithJitter_withinTheCap() {
        var backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(1));
        for (int failures = 1; failures <= 8; failures++) {
            long ceiling = Math.min(1_000, 100L << (failures - 1)) * 1_000_000;
            for (int i = 0; i < 100; i++) {
                long delay = backoff.delayNanos(failures);
                assertTrue(delay >= ceiling / 2 && delay <= ceiling, failures + ": " + delay);
            }
        }
    }
}
