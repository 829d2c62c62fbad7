package dev.shortener.analytics.counts.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviceClassTest {

    /** Day items already stored and the saved queries hold these words: an enum renamed must not change them. */
    @Test
    void theWordsStored_areTheOnesTheStatsHaveAlwaysHeld() {
        assertEquals(
                List.of("desktop", "mobile", "tablet", "bot", "other"),
                Arrays.stream(DeviceClass.values()).map(DeviceClass::value).toList());
    }
}
