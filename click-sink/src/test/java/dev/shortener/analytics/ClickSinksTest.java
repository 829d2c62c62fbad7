package dev.shortener.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.delivery.BatchingClickSink;
import dev.shortener.analytics.delivery.RecordEncoding;
import dev.shortener.analytics.firehose.FakeFirehose;
import dev.shortener.analytics.firehose.StoredEvents;
import dev.shortener.analytics.local.LocalClickSink;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClickSinksTest {

    static final String SECRET = "a-visitor-secret-of-enough-length";

    @TempDir
    Path dir;

    @Test
    void needsExactlyOneDestination() {
        var none = assertThrows(IllegalStateException.class, () -> ClickSinks.fromEnvironment(Map.of()));
        assertTrue(none.getMessage().contains("CLICK_STREAM_NAME")
                && none.getMessage().contains("CLICK_LOCAL_DIR"));
        assertThrows(
                IllegalStateException.class,
                () -> ClickSinks.fromEnvironment(Map.of("CLICK_STREAM_NAME", "s", "CLICK_LOCAL_DIR", dir.toString())));
    }

    @Test
    void aStream_needsTheSecretAndARegion() {
        var secret = assertThrows(
                IllegalStateException.class,
                () -> ClickSinks.fromEnvironment(Map.of("CLICK_STREAM_NAME", "s", "AWS_REGION", "us-east-1")));
        assertTrue(secret.getMessage().contains("CLICK_VISITOR_SECRET"));
        var shortSecret = assertThrows(
                IllegalStateException.class,
                () -> ClickSinks.fromEnvironment(
                        Map.of("CLICK_STREAM_NAME", "s", "AWS_REGION", "us-east-1", "CLICK_VISITOR_SECRET", "short")));
        assertTrue(shortSecret.getMessage().contains("CLICK_VISITOR_SECRET"));
        var region = assertThrows(
                IllegalStateException.class,
                () -> ClickSinks.fromEnvironment(Map.of("CLICK_STREAM_NAME", "s", "CLICK_VISITOR_SECRET", SECRET)));
        assertTrue(region.getMessage().contains("AWS_REGION"));
    }

    @Test
    void malformedTunables_failWithTheirName() {
        var encoding = assertThrows(
                IllegalStateException.class, () -> ClickSinks.settings(Map.of("CLICK_RECORD_ENCODING", "zstd")));
        assertTrue(encoding.getMessage().contains("CLICK_RECORD_ENCODING"));
        var age = assertThrows(
                IllegalStateException.class, () -> ClickSinks.settings(Map.of("CLICK_MAX_BUFFER_AGE_MS", "soon")));
        assertTrue(age.getMessage().contains("CLICK_MAX_BUFFER_AGE_MS"));
        var settings = ClickSinks.settings(Map.of(
                "CLICK_RECORD_ENCODING",
                "ndjson",
                "CLICK_MAX_BUFFER_AGE_MS",
                "500",
                "CLICK_HOLD_IF_NEXT_WITHIN_MS",
                "250"));
        assertEquals(RecordEncoding.NDJSON, settings.encoding());
        assertEquals(Duration.ofMillis(500), settings.maxBufferAge());
        assertEquals(Duration.ofMillis(250), settings.holdIfNextWithin());
    }

    @Test
    void aLocalDir_givesTheLocalSink_writingTheBucketLayout() throws Exception {
        ClickSink sink = ClickSinks.fromEnvironment(Map.of("CLICK_LOCAL_DIR", dir.toString()));
        assertInstanceOf(LocalClickSink.class, sink);

        sink.record(TestClicks.click("loc", Instant.parse("2026-05-02T10:00:00Z"), "192.0.2.1", TestClicks.SAFARI));
        sink.beforeFreeze(Duration.ofMillis(20));

        Path partition = dir.resolve("clicks/dt=2026-05-02");
        try (var files = Files.list(partition)) {
            Path file = files.findFirst().orElseThrow();
            assertTrue(file.getFileName().toString().endsWith(".json"));
            assertTrue(Files.readString(file).contains("\"code\":\"loc\""));
        }
    }

    @Test
    void aStream_givesTheBatchingFirehoseSink_onTheEndpointOverride() throws Exception {
        System.setProperty("aws.accessKeyId", "test"); // the default chain, as in Lambda, finds these
        System.setProperty("aws.secretAccessKey", "test");
        try (var firehose = new FakeFirehose()) {
            ClickSink sink = ClickSinks.fromEnvironment(Map.of(
                    "CLICK_STREAM_NAME",
                    "clicks-stream",
                    "CLICK_VISITOR_SECRET",
                    SECRET,
                    "AWS_REGION",
                    "eu-west-1",
                    "FIREHOSE_ENDPOINT",
                    firehose.endpoint().toString()));
            assertInstanceOf(BatchingClickSink.class, sink);

            sink.record(TestClicks.click("fh"));
            sink.beforeFreeze(Duration.ofSeconds(5)); // a cold SDK's first call

            assertEquals("clicks-stream", firehose.calls().get(0).stream());
            assertEquals(1, StoredEvents.lines(firehose.storedRecords()).size());
            ((BatchingClickSink) sink).shutdown(Duration.ofMillis(100));
        } finally {
            System.clearProperty("aws.accessKeyId");
            System.clearProperty("aws.secretAccessKey");
        }
    }
}
