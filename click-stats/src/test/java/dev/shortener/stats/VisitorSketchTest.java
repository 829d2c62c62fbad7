package dev.shortener.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class VisitorSketchTest {

    @Test
    void smallCounts_areExact() {
        for (int n : new int[] {0, 1, 7, 100, 1_000}) {
            VisitorSketch sketch = VisitorSketch.empty();
            for (int i = 0; i < n; i++) {
                sketch.add("visitor-" + i);
                sketch.add("visitor-" + i); // a repeat visit counts once
            }
            assertEquals(n, VisitorSketch.fromBytes(sketch.toBytes()).estimate(), "exact at " + n);
        }
    }

    @Test
    void aMillionVisitors_areWithinTwoPercent_andTheSketchStaysSmall() {
        VisitorSketch sketch = VisitorSketch.empty();
        for (int i = 0; i < 1_000_000; i++) {
            sketch.add("v" + i + "-" + (i * 2654435761L));
        }
        double error = Math.abs(sketch.estimate() - 1_000_000.0) / 1_000_000.0;
        int bytes = sketch.toBytes().length;
        System.out.printf(
                "1,000,000 visitors: estimate %d, error %.3f%%, %d bytes%n", sketch.estimate(), error * 100, bytes);
        assertTrue(error <= 0.02, "error " + error);
        assertTrue(bytes < 9_000, "serialised " + bytes);
    }

    @Test
    void merging_daysOrObjects_countsTheirUnion() {
        VisitorSketch monday = VisitorSketch.empty();
        VisitorSketch tuesday = VisitorSketch.empty();
        for (int i = 0; i < 300; i++) {
            monday.add("v" + i);
            tuesday.add("v" + (i + 200)); // 100 in both
        }

        monday.merge(VisitorSketch.fromBytes(tuesday.toBytes()));

        assertEquals(500, monday.estimate());
    }

    @Test
    void theUnionOfManyDays_equalsPairwiseMerging() {
        java.util.List<VisitorSketch> days = new java.util.ArrayList<>();
        VisitorSketch pairwise = VisitorSketch.empty();
        for (int d = 0; d < 30; d++) {
            VisitorSketch day = VisitorSketch.empty();
            for (int i = 0; i < 50; i++) {
                day.add("d" + d + "-v" + i);
            }
            days.add(day);
            pairwise.merge(day);
        }
        days.add(VisitorSketch.empty());

        assertEquals(1_500, VisitorSketch.union(days).estimate());
        assertEquals(pairwise.estimate(), VisitorSketch.union(days).estimate());
    }
}
