package dev.shortener.redirect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Rows of requests and what they cost, printed for a person to read (never asserted on). */
final class LatencyTable {

    private record Row(
            String phase, String code, int status, Object outcome, Object cache, Object breaker, double millis) {}

    private final String title;
    private final List<Row> rows = new ArrayList<>();

    LatencyTable(String title) {
        this.title = title;
    }

    void add(String phase, String code, int status, Map<String, Object> logLine, long nanos) {
        rows.add(new Row(
                phase,
                code,
                status,
                logLine.get("outcome"),
                logLine.get("cache"),
                logLine.get("breaker"),
                nanos / 1_000_000.0));
    }

    void print() {
        StringBuilder out = new StringBuilder("\n").append(title).append('\n');
        String format = "%-8s %3s  %-9s %6s  %-11s %-8s %-10s %10s%n";
        out.append(String.format(format, "phase", "#", "code", "status", "outcome", "cache", "breaker", "latency ms"));
        int n = 0;
        for (Row row : rows) {
            out.append(String.format(
                    format,
                    row.phase(),
                    ++n,
                    row.code(),
                    row.status(),
                    row.outcome(),
                    row.cache(),
                    row.breaker(),
                    String.format("%.2f", row.millis())));
        }
        System.out.print(out);
    }
}
