package dev.shortener.stats;

import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One day's clicks of one link (or of all of one owner's links): by UTC hour, by each {@link Dimension}, people
 * and bots apart, and the people's {@link VisitorSketch}. Built up from an object's clicks by the aggregator,
 * merged into what the day item held, bounded ({@link #bound()}) and written back; merged again over a range by
 * the stats API. Not thread-safe.
 */
public final class DayCounts {

    /** The dimensions every item keeps for people; bots' add {@link Dimension#BOT_REASON}. */
    public static final List<Dimension> CLICK_DIMENSIONS =
            List.of(Dimension.COUNTRY, Dimension.REFERRER, Dimension.DEVICE, Dimension.BROWSER, Dimension.OS);

    private final long[] hours = new long[24];
    private final long[] botHours = new long[24];
    private final Map<Dimension, Map<String, Long>> people = new EnumMap<>(Dimension.class);
    private final Map<Dimension, Map<String, Long>> bots = new EnumMap<>(Dimension.class);
    private VisitorSketch visitors;

    public DayCounts() {
        this(VisitorSketch.empty());
    }

    private DayCounts(VisitorSketch visitors) {
        this.visitors = visitors;
    }

    /** Counts one click (a link's day). */
    public void add(ClickFacts click) {
        if (click.bot()) {
            botHours[click.hour()]++;
            for (Dimension dimension : CLICK_DIMENSIONS) {
                increment(bots, dimension, click.value(dimension), 1);
            }
            increment(bots, Dimension.BOT_REASON, click.value(Dimension.BOT_REASON), 1);
        } else {
            hours[click.hour()]++;
            for (Dimension dimension : CLICK_DIMENSIONS) {
                increment(people, dimension, click.value(dimension), 1);
            }
            visitors.add(click.visitorId());
        }
    }

    /** Counts one click of the link {@code code} (an owner's day: top links too). */
    public void add(String code, ClickFacts click) {
        add(click);
        increment(click.bot() ? bots : people, Dimension.LINK, Dimension.LINK.normalise(code), 1);
    }

    /** Counts a link's clicks under {@link Dimension#LINK} (an owner's day: its top links). */
    public void countLink(String code, long peopleClicks, long botClicks) {
        if (peopleClicks > 0) {
            increment(people, Dimension.LINK, Dimension.LINK.normalise(code), peopleClicks);
        }
        if (botClicks > 0) {
            increment(bots, Dimension.LINK, Dimension.LINK.normalise(code), botClicks);
        }
    }

    /** Adds everything {@code other} holds into this (its visitors by sketch union). */
    public void merge(DayCounts other) {
        for (int hour = 0; hour < 24; hour++) {
            hours[hour] += other.hours[hour];
            botHours[hour] += other.botHours[hour];
        }
        other.people.forEach(
                (dimension, counts) -> counts.forEach((value, n) -> increment(people, dimension, value, n)));
        other.bots.forEach((dimension, counts) -> counts.forEach((value, n) -> increment(bots, dimension, value, n)));
        if (!other.visitors.isEmpty()) {
            visitors.merge(other.visitors);
        }
    }

    /** Cuts every dimension to its top values ({@link Dimension#top}), the rest as "other". */
    public void bound() {
        people.replaceAll((dimension, counts) -> TopValues.bound(counts, dimension.top(false)));
        bots.replaceAll((dimension, counts) -> TopValues.bound(counts, dimension.top(true)));
    }

    /** People's clicks. */
    public long clicks() {
        return sum(hours);
    }

    public long botClicks() {
        return sum(botHours);
    }

    /** Clicks by UTC hour, 24 of them (a copy). */
    public long[] hours(boolean ofBots) {
        return (ofBots ? botHours : hours).clone();
    }

    /** Clicks by value of {@code dimension}: people's or bots' (unmodifiable, possibly empty). */
    public Map<String, Long> counts(Dimension dimension, boolean ofBots) {
        return Collections.unmodifiableMap((ofBots ? bots : people).getOrDefault(dimension, Map.of()));
    }

    /** The dimensions that have values, people's or bots'. */
    public java.util.Set<Dimension> dimensions(boolean ofBots) {
        return Collections.unmodifiableSet((ofBots ? bots : people).keySet());
    }

    public VisitorSketch visitors() {
        return visitors;
    }

    public boolean isEmpty() {
        return clicks() == 0 && botClicks() == 0;
    }

    /** For the item codec: the counters as stored. */
    public static DayCounts restore(
            long[] hours,
            long[] botHours,
            Map<Dimension, Map<String, Long>> people,
            Map<Dimension, Map<String, Long>> bots,
            VisitorSketch visitors) {
        DayCounts counts = new DayCounts(visitors == null ? VisitorSketch.empty() : visitors);
        System.arraycopy(hours, 0, counts.hours, 0, 24);
        System.arraycopy(botHours, 0, counts.botHours, 0, 24);
        people.forEach((dimension, values) -> counts.people.put(dimension, new HashMap<>(values)));
        bots.forEach((dimension, values) -> counts.bots.put(dimension, new HashMap<>(values)));
        return counts;
    }

    private static void increment(Map<Dimension, Map<String, Long>> into, Dimension dimension, String value, long n) {
        into.computeIfAbsent(dimension, d -> new HashMap<>()).merge(value, n, Long::sum);
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }
}
