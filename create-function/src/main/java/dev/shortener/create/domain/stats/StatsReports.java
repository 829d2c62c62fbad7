package dev.shortener.create.domain.stats;

import dev.shortener.stats.DayCounts;
import dev.shortener.stats.Dimension;
import dev.shortener.stats.TopValues;
import dev.shortener.stats.VisitorSketch;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns the day items of a range into a {@link StatsReport}: sums, and the visitor sketches' union. */
public final class StatsReports {

    /** What {@code groupBy=bot} calls people's clicks. */
    public static final String PEOPLE = "(people)";

    private StatsReports() {}

    public static StatsReport of(Map<LocalDate, DayCounts> days, StatsQuery query) {
        boolean people = query.bots() != StatsQuery.Bots.ONLY;
        boolean bots = query.bots() != StatsQuery.Bots.EXCLUDE;
        long peopleClicks = 0;
        long botClicks = 0;
        List<VisitorSketch> sketches = new ArrayList<>();
        for (DayCounts day : days.values()) {
            peopleClicks += day.clicks();
            botClicks += day.botClicks();
            sketches.add(day.visitors());
        }
        VisitorSketch visitors = VisitorSketch.union(sketches);
        var totals = new StatsReport.Totals(
                (people ? peopleClicks : 0) + (bots ? botClicks : 0), peopleClicks, botClicks, visitors.estimate());
        if (query.groupBy() == StatsQuery.GroupBy.TIME) {
            return new StatsReport(totals, series(days, query, people, bots), List.of());
        }
        return new StatsReport(totals, List.of(), breakdown(days, query.groupBy(), people, bots));
    }

    private static List<StatsReport.Point> series(
            Map<LocalDate, DayCounts> days, StatsQuery query, boolean people, boolean bots) {
        List<StatsReport.Point> points = new ArrayList<>();
        for (LocalDate day = query.from(); !day.isAfter(query.to()); day = day.plusDays(1)) {
            DayCounts counts = days.get(day);
            long[] hours = new long[24];
            if (counts != null) {
                long[] peopleHours = counts.hours(false);
                long[] botHours = counts.hours(true);
                for (int hour = 0; hour < 24; hour++) {
                    hours[hour] = (people ? peopleHours[hour] : 0) + (bots ? botHours[hour] : 0);
                }
            }
            if (query.interval() == StatsQuery.Interval.DAY) {
                long sum = 0;
                for (long n : hours) {
                    sum += n;
                }
                points.add(new StatsReport.Point(day.toString(), sum));
            } else {
                for (int hour = 0; hour < 24; hour++) {
                    points.add(
                            new StatsReport.Point(day + "T" + (hour < 10 ? "0" : "") + hour + ":00:00Z", hours[hour]));
                }
            }
        }
        return points;
    }

    private static List<StatsReport.Entry> breakdown(
            Map<LocalDate, DayCounts> days, StatsQuery.GroupBy groupBy, boolean people, boolean bots) {
        Map<String, Long> sums = new HashMap<>();
        for (DayCounts day : days.values()) {
            if (groupBy == StatsQuery.GroupBy.BOT) {
                if (people && day.clicks() > 0) {
                    sums.merge(PEOPLE, day.clicks(), Long::sum);
                }
                if (bots) {
                    TopValues.addAll(sums, day.counts(Dimension.BOT_REASON, true));
                }
                continue;
            }
            Dimension dimension = Dimension.valueOf(groupBy.name());
            if (people) {
                TopValues.addAll(sums, day.counts(dimension, false));
            }
            if (bots) {
                TopValues.addAll(sums, day.counts(dimension, true));
            }
        }
        List<StatsReport.Entry> entries = new ArrayList<>();
        sums.forEach((value, clicks) -> entries.add(new StatsReport.Entry(value, clicks)));
        entries.sort(
                Comparator.comparingLong(StatsReport.Entry::clicks).reversed().thenComparing(StatsReport.Entry::value));
        return entries;
    }
}
