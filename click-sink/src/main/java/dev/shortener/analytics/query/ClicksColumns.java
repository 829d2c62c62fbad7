package dev.shortener.analytics.query;

import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The click table's columns with their Athena types, and the DuckDB expression that reads the same NDJSON files
 * as that table. Tests check these against {@code glue/clicks_table.json} and the event's JSON fields.
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

    /**
     * A DuckDB {@code read_json} over every event file under {@code root} (the bucket's layout: plain or GZIP
     * NDJSON under {@code clicks/dt=.../}), with {@code dt} read from the path as a string, as in the Glue table.
     */
    public static String duckDbSource(Path root) {
        String glob = root.toAbsolutePath().resolve("clicks").toString().replace('\\', '/') + "/*/*";
        String columns = ATHENA.entrySet().stream()
                .map(c -> c.getKey() + ": '" + duckDbType(c.getValue()) + "'")
                .collect(Collectors.joining(", ", "{", "}"));
        return "read_json('" + glob.replace("'", "''") + "', format = 'newline_delimited', "
                + "hive_partitioning = true, hive_types = {'dt': 'VARCHAR'}, columns = " + columns + ")";
    }

    private static String duckDbType(String athenaType) {
        return switch (athenaType) {
            case "int" -> "INTEGER";
            case "boolean" -> "BOOLEAN";
            default -> "VARCHAR";
        };
    }
}
