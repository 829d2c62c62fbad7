package dev.shortener.analytics.counts;

import dev.shortener.analytics.counts.agents.UserAgents;
import dev.shortener.http.Json;
import dev.shortener.stats.ClickFacts;
import dev.shortener.stats.DayCounts;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Counts the clicks in one object of NDJSON events (already decompressed): people's clicks per code (what
 * {@code click_count} adds) and every click per link and UTC day for the daily stats. Events are deduplicated by
 * id within the object and against the ids of the objects written just before it ({@code countedElsewhere}): a
 * batch resent after an unknown outcome lands in the same object or the next one, so each event counts in the
 * first object that holds it.
 */
public final class ClickCounter {

    private final UserAgents agents;

    public ClickCounter(UserAgents agents) {
        this.agents = Objects.requireNonNull(agents, "agents");
    }

    public ObjectClickCounts count(InputStream ndjson) throws IOException {
        return count(ndjson, Set.of());
    }

    public ObjectClickCounts count(InputStream ndjson, Set<String> countedElsewhere) throws IOException {
        Map<String, Long> perCode = new HashMap<>();
        Map<LinkDay, DayCounts> perLinkDay = new HashMap<>();
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
            LocalDate day = day(text(event, "ts"));
            if (id == null || code == null || day == null) {
                malformed++;
                continue;
            }
            if (countedElsewhere.contains(id) || !seen.add(id)) {
                duplicates++;
                continue;
            }
            clicks++;
            boolean bot = Boolean.TRUE.equals(event.get("bot"));
            if (bot) {
                bots++;
            } else {
                perCode.merge(code, 1L, Long::sum);
            }
            perLinkDay
                    .computeIfAbsent(new LinkDay(code, day), d -> new DayCounts())
                    .add(facts(event, bot));
        }
        return new ObjectClickCounts(perCode, perLinkDay, clicks, bots, duplicates, malformed);
    }

    private ClickFacts facts(Map<String, Object> event, boolean bot) {
        UserAgents.Agent agent = agents.parse(text(event, "user_agent"));
        return new ClickFacts(
                hour(text(event, "ts")),
                text(event, "country"),
                text(event, "referrer_host"),
                agent.device().value(),
                agent.browser(),
                agent.os(),
                bot,
                text(event, "bot_reason"),
                text(event, "visitor_id"));
    }

    /** The click's UTC day from {@code 2026-05-01T12:34:56.789Z}, or null when it is not such a time. */
    private static LocalDate day(String ts) {
        if (ts == null || ts.length() < 13 || ts.charAt(10) != 'T' || hourOrMinus(ts) < 0) {
            return null;
        }
        try {
            return LocalDate.parse(ts.substring(0, 10));
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static int hour(String ts) {
        return hourOrMinus(ts);
    }

    private static int hourOrMinus(String ts) {
        char tens = ts.charAt(11);
        char ones = ts.charAt(12);
        if (tens < '0' || tens > '2' || ones < '0' || ones > '9') {
            return -1;
        }
        int hour = (tens - '0') * 10 + (ones - '0');
        return hour < 24 ? hour : -1;
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
