package dev.shortener.analytics.counts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.analytics.Decompression;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ClickCounterTest {

    static final String LINES = """
            {"v":1,"event_id":"e1","code":"a","ts":"2026-05-01T00:00:00.000Z","bot":false,"cache_hit":true}
            {"v":1,"event_id":"e2","code":"a","ts":"2026-05-01T00:00:01.000Z","bot":false,"cache_hit":true}
            {"v":1,"event_id":"e3","code":"b","ts":"2026-05-01T00:00:02.000Z","bot":true,"bot_reason":"Slackbot","cache_hit":true}
            {"v":1,"event_id":"e4","code":"b","ts":"2026-05-01T00:00:03.000Z","bot":false,"cache_hit":false}
            {"v":1,"event_id":"e1","code":"a","ts":"2026-05-01T00:00:00.000Z","bot":false,"cache_hit":true}
            not json at all

            {"v":1,"code":"c","ts":"2026-05-01T00:00:04.000Z","bot":false}
            """;

    @Test
    void countsPeoplePerCode_once_perEventId() throws IOException {
        ObjectClickCounts counts = new ClickCounter(ClickCountHandlerTest.AGENTS)
                .count(new ByteArrayInputStream(LINES.getBytes(StandardCharsets.UTF_8)));

        assertEquals(Map.of("a", 2L, "b", 1L), counts.perCode());
        assertEquals(4, counts.clicks());
        assertEquals(1, counts.bots());
        assertEquals(1, counts.duplicates());
        assertEquals(2, counts.malformed());
    }

    @Test
    void readsConcatenatedGzipMembers_asFirehoseWritesProducerCompressedRecords() throws IOException {
        var object = new ByteArrayOutputStream();
        for (String line : LINES.split("\n", 3)[0]
                .concat("\n")
                .concat(LINES.split("\n")[3] + "\n")
                .split("(?<=\n)")) {
            object.writeBytes(gzip(line));
        }

        ObjectClickCounts counts = new ClickCounter(ClickCountHandlerTest.AGENTS)
                .count(Decompression.decompressed(new ByteArrayInputStream(object.toByteArray())));

        assertEquals(Map.of("a", 1L, "b", 1L), counts.perCode());
    }

    static byte[] gzip(String text) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
