package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;

import dev.shortener.create.domain.stats.DailyStats;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.DayCounts;
import dev.shortener.stats.StatsKeys;
import dev.shortener.stats.dynamodb.DayStatsItems;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Reads a range of day items with BatchGetItem, 100 keys a call (its limit): 90 days is one call. Eventually
 * consistent reads (half the price): an item changes once per object, every few minutes, and a read a second
 * behind is as good. Keys BatchGetItem hands back unprocessed (throttling) are asked for again.
 */
public final class DynamoDbDailyStats implements DailyStats {

    private final LinksTable table;

    public DynamoDbDailyStats(LinksTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public Map<LocalDate, DayCounts> linkDays(String code, LocalDate from, LocalDate to) {
        return read(code, from, to, StatsKeys::linkDay);
    }

    @Override
    public Map<LocalDate, DayCounts> ownerDays(String owner, LocalDate from, LocalDate to) {
        return read(owner, from, to, StatsKeys::ownerDay);
    }

    private Map<LocalDate, DayCounts> read(
            String subject, LocalDate from, LocalDate to, BiFunction<String, LocalDate, String> key) {
        Map<String, LocalDate> dayOfKey = new HashMap<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            dayOfKey.put(key.apply(subject, day), day);
        }
        Map<LocalDate, DayCounts> days = new HashMap<>();
        for (Map<String, AttributeValue> item :
                table.batchGet(new ArrayList<>(dayOfKey.keySet()), read -> {}, DynamoDbDailyStats::pause)) {
            DayStatsItems.Stored stored = DayStatsItems.fromItem(item);
            LocalDate day = dayOfKey.get(item.get(PARTITION_KEY).s());
            if (stored != null && day != null) {
                days.put(day, stored.counts());
            }
        }
        return days;
    }

    private static void pause(int retry) {
        try {
            Thread.sleep(Math.min(200, 10L << Math.min(retry - 1, 4)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
