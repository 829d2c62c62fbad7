package dev.shortener.local.clicks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.TestClicks;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalClickSinkTest {

    @TempDir
    Path dir;

    @Test
    void record_appendsTheEvent_inTheBucketsLayout() throws Exception {
        var sink = new LocalClickSink(dir, TestClicks.events());

        sink.record(TestClicks.click("loc", Instant.parse("2026-05-02T10:00:00Z"), "192.0.2.1", TestClicks.SAFARI));
        sink.record(TestClicks.click("loc", Instant.parse("2026-05-02T10:00:01Z"), "192.0.2.1", TestClicks.SAFARI));
        sink.beforeFreeze(Duration.ZERO);

        try (Stream<Path> files = Files.list(dir.resolve("clicks/dt=2026-05-02"))) {
            List<Path> all = files.toList();
            assertEquals(1, all.size(), "one file per sink");
            assertTrue(all.get(0).getFileName().toString().endsWith(".json"));
            List<String> lines = Files.readAllLines(all.get(0), StandardCharsets.UTF_8);
            assertEquals(2, lines.size());
            assertTrue(lines.get(0).contains("\"code\":\"loc\""), lines.get(0));
        }
    }

    @Test
    void record_writesNoRawAddress() throws Exception {
        var sink = new LocalClickSink(dir, TestClicks.events());

        sink.record(TestClicks.click("ip", Instant.parse("2026-05-02T10:00:00Z"), "203.0.113.77", TestClicks.SAFARI));
        sink.record(TestClicks.click(
                "ip",
                Instant.parse("2026-05-02T10:00:00Z"),
                "2001:db8:85a3:8d3:1319:8a2e:370:7348",
                TestClicks.SAFARI));

        String written;
        try (Stream<Path> files = Files.list(dir.resolve("clicks/dt=2026-05-02"))) {
            written = Files.readString(files.findFirst().orElseThrow(), StandardCharsets.UTF_8);
        }
        assertTrue(written.contains("\"ip_prefix\":\"203.0.113.0/24\""), written);
        assertTrue(written.contains("\"ip_prefix\":\"2001:db8:85a3::/48\""), written);
        assertFalse(written.contains("203.0.113.77"), written);
        assertFalse(written.contains("8a2e:370:7348"), written);
    }
}
