package dev.shortener.deploycheck.athena;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

/** People's clicks per code in the click table, as the analytics queries count them. */
public interface ClickCounts {

    /**
     * @param codes the links to count (short codes)
     * @param days  the {@code dt} partitions to read
     * @return a count for every code asked for (0 when it has no row)
     * @throws AthenaQueryException when the query fails or doesn't finish in time
     */
    Map<String, Long> count(Set<String> codes, Set<LocalDate> days);
}
