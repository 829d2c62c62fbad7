package dev.shortener.analytics.firehose;

import dev.shortener.analytics.Decompression;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Reads the NDJSON lines out of stored Firehose records, GZIP or plain, as the click-count function would. */
public final class StoredEvents {

    private StoredEvents() {}

    public static List<String> lines(List<byte[]> records) {
        List<String> lines = new ArrayList<>();
        for (byte[] record : records) {
            try (var in = Decompression.decompressed(new ByteArrayInputStream(record))) {
                String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                if (!text.endsWith("\n")) {
                    throw new AssertionError("a record must end with a newline, or Firehose's concatenation breaks");
                }
                lines.addAll(List.of(text.split("\n")));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return lines;
    }

    /** The event id of a line (ids are UUIDs, so a plain text search is exact). */
    public static String eventId(String line) {
        int at = line.indexOf("\"event_id\":\"") + 12;
        return line.substring(at, line.indexOf('"', at));
    }
}
