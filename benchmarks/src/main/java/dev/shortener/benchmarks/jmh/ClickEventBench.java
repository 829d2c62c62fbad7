package dev.shortener.benchmarks.jmh;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.Click;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.analytics.event.ClickEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/** Per-call costs of turning a click into its NDJSON line: what record() does on the redirect's thread. */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class ClickEventBench {

    private static final ObjectMapper JSON = new ObjectMapper();

    ClickEvents events;
    Click click;
    ClickEvent event;
    Map<String, Object> map;

    @Setup
    public void setUp() throws Exception {
        events = new ClickEvents("benchmark-visitor-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        click = new Click(
                "aB3dE5f",
                Instant.parse("2026-11-27T19:58:01.123Z"),
                "203.0.113.17",
                "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0",
                "https://news.example/articles/42?utm_source=feed",
                "DE",
                "Cw3XhjH2joEEMkA=",
                true);
        event = events.from(click);
        map = JSON.readValue(ClickEventCodec.toLine(event), new TypeReference<LinkedHashMap<String, Object>>() {});
    }

    /** Click to event: bot detection, IP prefix, HMAC visitor id (day salt), referrer host, UUIDv7. */
    @Benchmark
    public ClickEvent deriveEvent() {
        return events.from(click);
    }

    /** Event to its NDJSON line (jackson-jr writing an ordered map, as the function does). */
    @Benchmark
    public byte[] serialiseLine() {
        return ClickEventCodec.toLine(event);
    }

    /** Both: the whole of record()'s CPU work before it appends to the buffer. */
    @Benchmark
    public byte[] deriveAndSerialise() {
        return ClickEventCodec.toLine(events.from(click));
    }

    /** Baseline: jackson-databind writing the same members from a map. */
    @Benchmark
    public byte[] baselineMapToJson() throws Exception {
        return JSON.writeValueAsBytes(map);
    }
}
