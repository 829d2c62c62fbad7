package dev.shortener.create.domain.stats;

import dev.shortener.stats.DayCounts;
import java.time.LocalDate;
import java.util.Map;

/** Reads the day items the click-count function writes; days without clicks are absent. */
public interface DailyStats {

    Map<LocalDate, DayCounts> linkDays(String code, LocalDate from, LocalDate to);

    Map<LocalDate, DayCounts> ownerDays(String owner, LocalDate from, LocalDate to);
}
