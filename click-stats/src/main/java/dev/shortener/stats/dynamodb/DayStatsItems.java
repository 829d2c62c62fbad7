package dev.shortener.stats.dynamodb;

import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.STATS_BOT_DIMENSIONS;
import static dev.shortener.links.LinksTableSchema.STATS_BOT_HOURS;
import static dev.shortener.links.LinksTableSchema.STATS_DIMENSIONS;
import static dev.shortener.links.LinksTableSchema.STATS_HOURS;
import static dev.shortener.links.LinksTableSchema.STATS_OBJECTS;
import static dev.shortener.links.LinksTableSchema.STATS_VERSION;
import static dev.shortener.links.LinksTableSchema.STATS_VISITORS;

import dev.shortener.stats.DayCounts;
import dev.shortener.stats.Dimension;
import dev.shortener.stats.VisitorSketch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A day item's layout (attribute names in {@code LinksTableSchema}):
 *
 * <pre>
 *   pk          daystats#&lt;code&gt;#&lt;day&gt; or ownerstats#&lt;owner&gt;#&lt;day&gt;
 *   stats_v     N   version: each write is conditional on the version it read
 *   hours       L   24 N, people's clicks by UTC hour;  bot_hours  the same for bots (absent when none)
 *   dims        M   dimension -> M value -> N (top values, the rest as "(other)");  bot_dims  for bots
 *   visitors    B   the people's HLL sketch (absent while there are none)
 *   stats_objs  BS  8-byte tokens of the objects already added (one per object with clicks that day: 288
 *                   at the template's 300 s buffers, up to ~4,800 if 64 MB buffers filled every 18 s all day)
 *   expires_at  N   TTL: the day + the retention
 * </pre>
 */
public final class DayStatsItems {

    /** What an item holds, read back. */
    public record Stored(DayCounts counts, long version, Set<SdkBytes> objects) {}

    private DayStatsItems() {}

    public static Map<String, AttributeValue> toItem(
            String key, DayCounts counts, long version, Set<SdkBytes> objects, long expiresAtEpochSecond) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, AttributeValue.fromS(key));
        item.put(STATS_VERSION, n(version));
        // Absent rather than 24 zeros and empty maps: most link-days have no bots (or no people), and every byte of
        // an item is stored for the retention and rewritten by each object's write.
        if (counts.clicks() > 0) {
            item.put(STATS_HOURS, hours(counts.hours(false)));
            item.put(STATS_DIMENSIONS, dimensions(counts, false));
        }
        if (counts.botClicks() > 0) {
            item.put(STATS_BOT_HOURS, hours(counts.hours(true)));
            item.put(STATS_BOT_DIMENSIONS, dimensions(counts, true));
        }
        if (!counts.visitors().isEmpty()) {
            item.put(
                    STATS_VISITORS,
                    AttributeValue.fromB(
                            SdkBytes.fromByteArray(counts.visitors().toBytes())));
        }
        if (!objects.isEmpty()) {
            item.put(STATS_OBJECTS, AttributeValue.fromBs(new ArrayList<>(objects)));
        }
        item.put(EXPIRES_AT, n(expiresAtEpochSecond));
        return item;
    }

    /** Null for a missing (or empty) item. */
    public static Stored fromItem(Map<String, AttributeValue> item) {
        if (item == null || item.isEmpty()) {
            return null;
        }
        AttributeValue sketch = item.get(STATS_VISITORS);
        DayCounts counts = DayCounts.restore(
                hours(item.get(STATS_HOURS)),
                hours(item.get(STATS_BOT_HOURS)),
                dimensions(item.get(STATS_DIMENSIONS)),
                dimensions(item.get(STATS_BOT_DIMENSIONS)),
                sketch == null ? null : VisitorSketch.fromBytes(sketch.b().asByteArray()));
        AttributeValue objects = item.get(STATS_OBJECTS);
        AttributeValue version = item.get(STATS_VERSION);
        return new Stored(
                counts,
                version == null ? 0 : Long.parseLong(version.n()),
                objects == null || !objects.hasBs() ? Set.of() : new HashSet<>(objects.bs()));
    }

    private static AttributeValue hours(long[] hours) {
        List<AttributeValue> values = new ArrayList<>(24);
        for (long hour : hours) {
            values.add(n(hour));
        }
        return AttributeValue.fromL(values);
    }

    private static long[] hours(AttributeValue value) {
        long[] hours = new long[24];
        if (value != null && value.hasL()) {
            for (int i = 0; i < Math.min(24, value.l().size()); i++) {
                hours[i] = Long.parseLong(value.l().get(i).n());
            }
        }
        return hours;
    }

    private static AttributeValue dimensions(DayCounts counts, boolean bots) {
        Map<String, AttributeValue> dimensions = new HashMap<>();
        for (Dimension dimension : counts.dimensions(bots)) {
            Map<String, AttributeValue> values = new HashMap<>();
            counts.counts(dimension, bots).forEach((value, n) -> values.put(value, n(n)));
            dimensions.put(dimension.key(), AttributeValue.fromM(values));
        }
        return AttributeValue.fromM(dimensions);
    }

    private static Map<Dimension, Map<String, Long>> dimensions(AttributeValue value) {
        Map<Dimension, Map<String, Long>> dimensions = new EnumMap<>(Dimension.class);
        if (value == null || !value.hasM()) {
            return dimensions;
        }
        value.m().forEach((key, values) -> {
            Dimension dimension = Dimension.byKey(key);
            if (dimension != null && values.hasM()) {
                Map<String, Long> counts = new HashMap<>();
                values.m().forEach((v, n) -> counts.put(v, Long.parseLong(n.n())));
                dimensions.put(dimension, counts);
            }
        });
        return dimensions;
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
