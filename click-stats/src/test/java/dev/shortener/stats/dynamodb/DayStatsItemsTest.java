package dev.shortener.stats.dynamodb;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.stats.ClickFacts;
import dev.shortener.stats.DayCounts;
import dev.shortener.stats.Dimension;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;

class DayStatsItemsTest {

    @Test
    void anItem_readsBackAsWritten() {
        DayCounts counts = new DayCounts();
        counts.add("abc1234", new ClickFacts(3, "DE", "news.example", "mobile", "Safari", "iOS", false, null, "v1"));
        counts.add("abc1234", new ClickFacts(3, "DE", null, "desktop", "Chrome", "Windows", false, null, "v2"));
        counts.add("abc1234", new ClickFacts(23, null, null, "bot", "Other", "Other", true, "Slackbot", null));

        var stored = DayStatsItems.fromItem(
                DayStatsItems.toItem("ownerstats#o#2026-05-01", counts, 7, Set.of(token(1)), 1_800_000_000L));

        assertEquals(7, stored.version());
        assertEquals(Set.of(token(1)), stored.objects());
        assertEquals(2, stored.counts().clicks());
        assertEquals(1, stored.counts().botClicks());
        assertArrayEquals(counts.hours(false), stored.counts().hours(false));
        assertEquals(
                java.util.Map.of("news.example", 1L, "(direct)", 1L),
                stored.counts().counts(Dimension.REFERRER, false));
        assertEquals(java.util.Map.of("Slackbot", 1L), stored.counts().counts(Dimension.BOT_REASON, true));
        assertEquals(java.util.Map.of("abc1234", 2L), stored.counts().counts(Dimension.LINK, false));
        assertEquals(2, stored.counts().visitors().estimate());
    }

    /** A long-tail link's day: a click or two, no bots. What most items look like, so what storage costs. */
    @Test
    void aTypicalLongTailDay_isAFewHundredBytes() {
        DayCounts counts = new DayCounts();
        counts.add(new ClickFacts(14, "US", "t.co", "mobile", "Mobile Safari", "iOS", false, null, "v1"));
        counts.add(new ClickFacts(15, "US", null, "desktop", "Chrome", "Windows", false, null, "v2"));

        long size = ItemSize.of(
                DayStatsItems.toItem("daystats#aB3dE5f#2026-05-01", counts, 2, Set.of(token(1), token(2)), 1L));

        System.out.printf("typical long-tail day item: %,d bytes%n", size);
        assertTrue(size < 400, "size " + size);
        var stored = DayStatsItems.fromItem(DayStatsItems.toItem("k", counts, 2, Set.of(), 1L));
        assertEquals(0, stored.counts().botClicks(), "absent bot attributes read as zeros");
        assertEquals(2, stored.counts().clicks());
    }

    /**
     * Every dimension full of 64-character values (people's and bots'), a visitor sketch in HLL mode and a day
     * of objects every 18 s (64 MB buffers filling at the design's peak): still a small fraction of 400 KB.
     */
    @Test
    void theWorstCaseItem_staysFarBelowDynamoDbsLimit() {
        DayCounts counts = new DayCounts();
        int visitor = 0;
        for (int i = 0; i < 200; i++) {
            String value = (i + "-").repeat(40);
            for (boolean bot : new boolean[] {false, true}) {
                counts.add(
                        value, new ClickFacts(i % 24, value, value, value, value, value, bot, value, "v" + visitor++));
            }
        }
        for (int i = 0; i < 100_000; i++) {
            counts.visitors().add("many-" + i);
        }
        counts.bound();
        Set<SdkBytes> objects = new HashSet<>();
        for (int i = 0; i < 86_400 / 18; i++) {
            objects.add(token(i));
        }

        long size = ItemSize.of(
                DayStatsItems.toItem("ownerstats#" + "o".repeat(64) + "#2026-05-01", counts, 1, objects, 1L));

        System.out.printf("worst-case day item: %,d bytes%n", size);
        assertTrue(size < 100_000, "a quarter of 400 KB at most: " + size);
    }

    private static SdkBytes token(int i) {
        byte[] bytes = new byte[8];
        for (int b = 0; b < 4; b++) {
            bytes[b] = (byte) (i >>> (8 * b));
        }
        return SdkBytes.fromByteArray(bytes);
    }
}
