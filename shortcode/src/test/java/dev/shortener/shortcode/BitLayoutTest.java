package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BitLayoutTest {

    @Test
    void of_rejectsAFieldWithNoBits() {
        var noTime = assertThrows(IllegalArgumentException.class, () -> BitLayout.of(7, 0, 6, 5));
        var noWorker = assertThrows(IllegalArgumentException.class, () -> BitLayout.of(7, 30, 0, 5));
        var noSequence = assertThrows(IllegalArgumentException.class, () -> BitLayout.of(7, 30, 6, 0));

        assertTrue(noTime.getMessage().contains("time field"), noTime.getMessage());
        assertTrue(noWorker.getMessage().contains("worker field"), noWorker.getMessage());
        assertTrue(noSequence.getMessage().contains("sequence field"), noSequence.getMessage());
    }

    @Test
    void of_rejectsMoreThan63Bits() {
        var error = assertThrows(IllegalArgumentException.class, () -> BitLayout.of(11, 36, 14, 14));

        assertTrue(error.getMessage().contains("at most 63 bits"), error.getMessage());
    }

    @Test
    void of_rejectsALayoutLargerThanTheCodeLengthHolds() {
        var error = assertThrows(IllegalArgumentException.class, () -> BitLayout.of(7, 31, 6, 5));

        assertTrue(error.getMessage().contains("does not fit 7 Base62 characters"), error.getMessage());
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 12})
    void forCodeLength_rejectsLengthsOutside7To11(int length) {
        var error = assertThrows(IllegalArgumentException.class, () -> BitLayout.forCodeLength(length));

        assertEquals("Short codes are 7 to 11 characters long; got " + length, error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({
        "7, 30, 6, 5, 2060-01-10T13:37:04Z",
        "8, 32, 8, 7, 2162-02-07T06:28:16Z",
        "9, 33, 10, 10, 2298-03-16T12:56:32Z",
        "10, 34, 12, 13, 2570-05-30T01:53:04Z",
        "11, 35, 14, 14, 3114-10-27T03:46:08Z"
    })
    void forCodeLength_givesTheStandardLayoutThatFitsTheCode(
            int length, int time, int worker, int sequence, String exhausted) {
        BitLayout layout = BitLayout.forCodeLength(length);

        assertEquals(time, layout.timeBits());
        assertEquals(worker, layout.workerBits());
        assertEquals(sequence, layout.sequenceBits());
        long largestId = -1L >>> (64 - layout.totalBits());
        assertTrue(largestId <= Base62.ofLength(length).maxValue(), "2^bits must not exceed 62^length");
        assertEquals(Instant.parse(exhausted), layout.exhaustedAt());
    }

    @Test
    void sevenCharacterLayout_runsOutIn2060With64WorkersAnd32CodesPerSecondEach() {
        BitLayout layout = BitLayout.forCodeLength(7);

        assertEquals(41, layout.totalBits());
        assertEquals(BitLayout.EPOCH.plusSeconds(1L << 30), layout.exhaustedAt());
        assertEquals(Instant.parse("2060-01-10T13:37:04Z"), layout.exhaustedAt());
        assertEquals(64, layout.workerCount());
        assertEquals(32, layout.codesPerSecondPerWorker());
        assertEquals(2_048, layout.workerCount() * layout.codesPerSecondPerWorker());
    }

    @Test
    void pack_rejectsATimeOneUnitPastTheField() {
        BitLayout layout = BitLayout.forCodeLength(7);
        long lastTime = layout.timeAt(layout.exhaustedAt()) - 1;

        long lastId = layout.pack(lastTime, 63, 31);
        var error = assertThrows(IllegalArgumentException.class, () -> layout.pack(lastTime + 1, 0, 0));

        assertEquals((1L << 41) - 1, lastId);
        assertTrue(error.getMessage().contains("ran out at 2060-01-10T13:37:04Z"), error.getMessage());
    }

    @Test
    void pack_rejectsFieldsOutOfRange() {
        BitLayout layout = BitLayout.forCodeLength(7);

        assertThrows(IllegalArgumentException.class, () -> layout.pack(-1, 0, 0));
        assertThrows(IllegalArgumentException.class, () -> layout.pack(0, 64, 0));
        assertThrows(IllegalArgumentException.class, () -> layout.pack(0, -1, 0));
        assertThrows(IllegalArgumentException.class, () -> layout.pack(0, 0, 32));
        assertThrows(IllegalArgumentException.class, () -> layout.pack(0, 0, -1));
    }

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9, 10, 11})
    void pack_isUndoneByTheFieldAccessors(int length) {
        BitLayout layout = BitLayout.forCodeLength(length);
        long time = (1L << layout.timeBits()) - 2;
        int worker = layout.workerCount() - 3;
        int sequence = 5;

        long id = layout.pack(time, worker, sequence);

        assertEquals(time, layout.time(id));
        assertEquals(worker, layout.worker(id));
        assertEquals(sequence, layout.sequence(id));
    }

    @Test
    void timeConversions_roundDownAndUpToWholeUnits() {
        BitLayout layout = BitLayout.forCodeLength(7);
        Instant midSecond = BitLayout.EPOCH.plusSeconds(100).plusMillis(250);

        assertEquals(100, layout.timeAt(midSecond));
        assertEquals(101, layout.firstTimeNotBefore(midSecond));
        assertEquals(100, layout.firstTimeNotBefore(BitLayout.EPOCH.plusSeconds(100)));
        assertEquals(BitLayout.EPOCH.plusSeconds(100), layout.instantOf(100));
    }
}
