package dev.shortener.analytics.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import dev.shortener.http.Json;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Click events to and from NDJSON lines (UTF-8, each ending with exactly one {@code '\n'}). */
public final class ClickEventCodec {

    private static final ObjectWriter WRITER = Json.MAPPER.writerFor(ClickEvent.class);
    private static final ObjectReader READER = Json.MAPPER.readerFor(ClickEvent.class);

    private ClickEventCodec() {
    }

    /** One line, newline included. Jackson escapes control characters, so a line never contains another. */
    public static byte[] toLine(ClickEvent event) {
        try {
            byte[] json = WRITER.writeValueAsBytes(event);
            byte[] line = Arrays.copyOf(json, json.length + 1);
            line[json.length] = '\n';
            return line;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a click event always serialises", e);
        }
    }

    /** The JSON object of a line, without its newline: what a {@code click_undelivered} log line embeds. */
    public static String toJson(byte[] line) {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    public static ClickEvent fromJson(String json) {
        try {
            return READER.readValue(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a click event: " + e.getOriginalMessage(), e);
        }
    }
}
