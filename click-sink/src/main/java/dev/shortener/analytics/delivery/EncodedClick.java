package dev.shortener.analytics.delivery;

import java.util.Objects;

/**
 * A click event ready to ship: its id (for accounting and deduplication) and its NDJSON line. The line is what a
 * {@code click_undelivered} log line embeds, so a replay sends exactly the bytes that would have been sent.
 */
public record EncodedClick(String eventId, byte[] line) {

    public EncodedClick {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(line, "line");
    }

    public int size() {
        return line.length;
    }
}
