package dev.shortener.analytics.counts;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one object of events adds to the links' counts.
 *
 * @param perCode    clicks by people per code (bots left out)
 * @param clicks     distinct events read
 * @param bots       distinct events flagged as bots (not counted)
 * @param duplicates events whose id was already seen in this object (resends; not counted again)
 * @param malformed  lines that were not click events (skipped)
 */
public record ObjectClickCounts(Map<String, Long> perCode, long clicks, long bots, long duplicates, long malformed) {

    public ObjectClickCounts {
        perCode = Collections.unmodifiableMap(new TreeMap<>(perCode));
    }
}
