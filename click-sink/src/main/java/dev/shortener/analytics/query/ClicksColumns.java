package dev.shortener.analytics.query;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The click table's columns with their Athena types, in table order. Tests check them against
 * {@code glue/clicks_table.json} and the event's JSON fields; the local runner reads the same files with DuckDB
 * through these columns.
 */
public final class ClicksColumns {

    /** Name to Athena (Hive) type, in table order. */
    public static final Map<String, String> ATHENA;

    static {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("v", "int");
        for (String name : new String[] {"event_id", "code", "ts", "referrer_host", "user_agent", "country"}) {
            columns.put(name, "string");
        }
        columns.put("bot", "boolean");
        for (String name : new String[] {"bot_reason", "visitor_id", "ip_prefix", "request_id"}) {
            columns.put(name, "string");
        }
        columns.put("cache_hit", "boolean");
        ATHENA = Collections.unmodifiableMap(columns);
    }

    private ClicksColumns() {}
}
