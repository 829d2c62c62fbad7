package dev.shortener.create.domain.stats;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * What a stats request asks for: UTC days {@code from} to {@code to} (both included), by day or by hour, as a
 * time series or broken down by a dimension, with bots left out, included or alone.
 */
public record StatsQuery(LocalDate from, LocalDate to, Interval interval, GroupBy groupBy, Bots bots) {

    public enum Interval {
        DAY,
        HOUR
    }

    /** {@code time} is the series; the others a breakdown; {@code link} only across an owner's links. */
    public enum GroupBy {
        TIME,
        COUNTRY,
        REFERRER,
        DEVICE,
        BROWSER,
        OS,
        BOT,
        LINK
    }

    public enum Bots {
        EXCLUDE,
        INCLUDE,
        ONLY
    }

    public StatsQuery {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(interval, "interval");
        Objects.requireNonNull(groupBy, "groupBy");
        Objects.requireNonNull(bots, "bots");
    }

    public long days() {
        return ChronoUnit.DAYS.between(from, to) + 1;
    }
}
