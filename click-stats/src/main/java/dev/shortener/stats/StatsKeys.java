package dev.shortener.stats;

import dev.shortener.links.LinksTableSchema;
import java.time.LocalDate;

/** The links table keys of the day items: {@code daystats#<code>#<day>}, {@code ownerstats#<owner>#<day>}. */
public final class StatsKeys {

    private StatsKeys() {}

    public static String linkDay(String code, LocalDate day) {
        return LinksTableSchema.DAY_STATS_PREFIX + code + "#" + day;
    }

    public static String ownerDay(String owner, LocalDate day) {
        return LinksTableSchema.OWNER_STATS_PREFIX + owner + "#" + day;
    }
}
