package dev.shortener.analytics.event;

import dev.shortener.http.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Click events to and from NDJSON lines (UTF-8, each ending with exactly one {@code '\n'}). The member names are
 * the Glue table's column names ({@code glue/clicks-table.json}; a test keeps them in step), in this order; an
 * absent value is omitted rather than written as {@code null} ({@link Json#write} leaves nulls out): every byte
 * is paid for in Firehose ingestion.
 */
public final class ClickEventCodec {

    private ClickEventCodec() {}

    /** One line, newline included. Jackson escapes control characters, so a line never contains another. */
    public static byte[] toLine(ClickEvent event) {
        Map<String, Object> members = new LinkedHashMap<>(16);
        members.put("v", event.v());
        members.put("event_id", event.eventId());
        members.put("code", event.code());
        members.put("ts", event.ts());
        members.put("referrer_host", event.referrerHost());
        members.put("user_agent", event.userAgent());
        members.put("country", event.country());
        members.put("bot", event.bot());
        members.put("bot_reason", event.botReason());
        members.put("visitor_id", event.visitorId());
        members.put("ip_prefix", event.ipPrefix());
        members.put("request_id", event.requestId());
        members.put("cache_hit", event.cacheHit());
        byte[] json = Json.writeBytes(members);
        byte[] line = Arrays.copyOf(json, json.length + 1);
        line[json.length] = '\n';
        return line;
    }

    /** The JSON object of a line, without its newline: what a {@code click_undelivered} log line embeds. */
    public static String toJson(byte[] line) {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        return new String(line, 0, end, StandardCharsets.UTF_8);
    }

    /** @throws IllegalArgumentException when {@code json} is not a click event object */
    public static ClickEvent fromJson(String json) {
        Map<String, Object> members;
        try {
            members = Json.readObject(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a click event: " + e.getMessage(), e);
        }
        try {
            return new ClickEvent(
                    ((Number) members.get("v")).intValue(),
                    (String) members.get("event_id"),
                    (String) members.get("code"),
                    (String) members.get("ts"),
                    (String) members.get("referrer_host"),
                    (String) members.get("user_agent"),
                    (String) members.get("country"),
                    Boolean.TRUE.equals(members.get("bot")),
                    (String) members.get("bot_reason"),
                    (String) members.get("visitor_id"),
                    (String) members.get("ip_prefix"),
                    (String) members.get("request_id"),
                    Boolean.TRUE.equals(members.get("cache_hit")));
        } catch (ClassCastException | NullPointerException e) {
            throw new IllegalArgumentException("not a click event: a member is missing or has the wrong type", e);
        }
    }
}
