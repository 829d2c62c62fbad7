package dev.shortener.create.domain.stats;

import java.util.List;

/**
 * The answer to a {@link StatsQuery}: totals over the range and either the series or the breakdown.
 *
 * @param series    one point per day or hour of the range, zeros included; empty for a breakdown
 * @param breakdown values by clicks, most first; empty for the series
 */
public record StatsReport(Totals totals, List<Point> series, List<Entry> breakdown) {

    /**
     * @param clicks         the clicks the query's bot filter selects
     * @param people         clicks by people
     * @param bots           clicks by bots
     * @param uniqueVisitors people's distinct visitor ids, per day (they rotate daily), merged across the range
     */
    public record Totals(long clicks, long people, long bots, long uniqueVisitors) {}

    /** @param period a day ({@code 2026-05-01}) or an hour ({@code 2026-05-01T13:00:00Z}) */
    public record Point(String period, long clicks) {}

    public record Entry(String value, long clicks) {}
}
