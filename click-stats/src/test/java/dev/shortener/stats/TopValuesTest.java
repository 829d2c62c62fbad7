package dev.shortener.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TopValuesTest {

    @Test
    void keepsTheLargestExactly_andSumsTheRestAsOther() {
        Map<String, Long> counts = new HashMap<>(Map.of("a", 10L, "b", 7L, "c", 3L, "d", 1L, Dimension.OTHER, 5L));

        Map<String, Long> bounded = TopValues.bound(counts, 2);

        assertEquals(Map.of("a", 10L, "b", 7L, Dimension.OTHER, 9L), bounded);
        assertEquals(26L, bounded.values().stream().mapToLong(Long::longValue).sum(), "the total is kept");
    }

    @Test
    void fewerValuesThanTheLimit_areKeptAsTheyAre() {
        assertEquals(Map.of("a", 1L), TopValues.bound(Map.of("a", 1L), 50));
    }

    @Test
    void ties_areBrokenByValue_soEveryWriterCutsTheSame() {
        assertEquals(Map.of("a", 1L, Dimension.OTHER, 1L), TopValues.bound(Map.of("b", 1L, "a", 1L), 1));
    }
}
