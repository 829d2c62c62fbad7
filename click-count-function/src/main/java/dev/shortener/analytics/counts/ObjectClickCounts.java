package dev.shortener.analytics.counts;

import dev.shortener.stats.DayCounts;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one object of events adds to the links' counts and to their daily stats.
 *
 * @param perCode    clicks by people per code (bots left out): what {@code click_count} adds
 * @param perLinkDay every click (bots apart) per link and UTC day, by hour and dimension, with the visitors
 * @param clicks     distinct events read
 * @param bots       distinct events flagged as bots
 * @param duplicates events whose id was already seen in this object or in one written just before it (resends;
 *                   not counted again)
 * @param malformed  lines that were not click events (skipped)
 */
public record ObjectClickCounts(
        Map<String, Long> perCode,
        Map<LinkDay, DayCounts> perLinkDay,
        long clicks,
        long bots,
        long duplicates,
        long malformed) {

    public ObjectClickCounts {
        perCode = Collections.unmodifiableMap(new TreeMap<>(perCode));
        perLinkDay = Collections.unmodifiableMap(perLinkDay);
    }
}
