package dev.shortener.analytics.counts;

import dev.shortener.http.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Counts the clicks by people per code in one object of NDJSON events (already decompressed). Events are
 * deduplicated by id within the object: a batch resent after an unknown outcome often lands in the same object.
 * Duplicates spread over two objects would count twice here (Athena's queries dedupe exactly); they need a
 * PutRecordBatch answer lost in transit, which is rare.
 */
public final class ClickCounter {

    public ObjectClickCounts count(InputStream ndjson) throws IOException {
        Map<String, Long> perCode = new HashMap<>();
        Set<String> seen = new HashSet<>();
        long clicks = 0;
        long bots = 0;
        long duplicates = 0;
        long malformed = 0;
        var reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8), 64 * 1024);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            if (line.isBlank()) {
                continue;
            }
            Map<String, Object> event = parse(line);
            String id = text(event, "event_id");
            String code = text(event, "code");
            if (id == null || code == null) {
                malformed++;
            } else if (!seen.add(id)) {
                duplicates++;
            } else {
                clicks++;
                if (Boolean.TRUE.equals(event.get("bot"))) {
                    bots++;
                } else {
                    perCode.merge(code, 1L, Long::sum);
                }
            }
        }
        return new ObjectClickCounts(perCode, clicks, bots, duplicates, malformed);
    }

    /** The line's JSON object, or null when it is not one. */
    private static Map<String, Object> parse(String line) {
        try {
            return Json.readObject(line);
        } catch (IOException e) {
            return null;
        }
    }

    private static String text(Map<String, Object> event, String field) {
        if (event == null || !(event.get(field) instanceof String value)) {
            return null;
        }
        return value.isEmpty() ? null : value;
    }
}
