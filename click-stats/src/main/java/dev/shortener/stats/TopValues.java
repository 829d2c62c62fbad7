package dev.shortener.stats;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Bounded counters: the {@code n} largest values kept exactly, the rest summed under {@link Dimension#OTHER}. A
 * value that fell into "other" on a busy day and comes back later counts from then on: the kept values' counts
 * are exact while they stay in the top, and the totals (the sum with "other") are always exact.
 */
public final class TopValues {

    private static final Comparator<Map.Entry<String, Long>> LARGEST_FIRST =
            Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey());

    private TopValues() {}

    /** {@code counts} cut to its {@code n} largest values plus "other" (a new map; the argument is untouched). */
    public static Map<String, Long> bound(Map<String, Long> counts, int n) {
        long other = counts.getOrDefault(Dimension.OTHER, 0L);
        List<Map.Entry<String, Long>> entries = new ArrayList<>();
        for (Map.Entry<String, Long> entry : counts.entrySet()) {
            if (!entry.getKey().equals(Dimension.OTHER) && entry.getValue() > 0) {
                entries.add(entry);
            }
        }
        Map<String, Long> bounded = new HashMap<>();
        if (entries.size() <= n) {
            entries.forEach(entry -> bounded.put(entry.getKey(), entry.getValue()));
        } else {
            entries.sort(LARGEST_FIRST);
            for (int i = 0; i < entries.size(); i++) {
                if (i < n) {
                    bounded.put(entries.get(i).getKey(), entries.get(i).getValue());
                } else {
                    other += entries.get(i).getValue();
                }
            }
        }
        if (other > 0) {
            bounded.put(Dimension.OTHER, other);
        }
        return bounded;
    }

    /** Adds {@code more} into {@code into}. */
    public static void addAll(Map<String, Long> into, Map<String, Long> more) {
        more.forEach((value, count) -> into.merge(value, count, Long::sum));
    }
}
