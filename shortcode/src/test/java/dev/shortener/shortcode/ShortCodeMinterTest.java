package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How the minter chooses time, worker and sequence. Lease handling: {@link ShortCodeMinterLeaseTest}. */
class ShortCodeMinterTest {

    static final String SECRET = FeistelPermutationTest.SECRET;
    static final Instant START = Instant.parse("2026-06-01T12:00:00Z");
    /** Generous: these tests must never hang, but how fast they run is not what they check. */
    static final Duration HANG_GUARD = Duration.ofSeconds(20);

    private final BitLayout layout = BitLayout.forCodeLength(7);
    private final InMemoryWorkerLeases leases = new InMemoryWorkerLeases();
    private final ShortCodeInspector inspector = new ShortCodeInspector(SECRET);

    private ShortCodeMinter minterWith(TestClock clock) {
        return new ShortCodeMinter(
                layout, FeistelPermutation.fromSecret(SECRET, 41), Base62.ofLength(7), clock, leases);
    }

    private static int commonPrefix(String a, String b) {
        int length = 0;
        while (length < a.length() && a.charAt(length) == b.charAt(length)) {
            length++;
        }
        return length;
    }

    @Test
    void mint_givesConsecutiveCodesNoLongCommonPrefix() {
        ShortCodeMinter minter = minterWith(new TestClock(START, Duration.ofMillis(50)));
        String previous = minter.mint();
        int longest = 0;
        long total = 0;

        for (int i = 0; i < 10_000; i++) {
            String code = minter.mint();
            int prefix = commonPrefix(previous, code);
            longest = Math.max(longest, prefix);
            total += prefix;
            previous = code;
        }

        assertTrue(longest <= 3, "longest common prefix " + longest);
        assertTrue(total / 10_000.0 < 1, "average common prefix " + total / 10_000.0);
    }

    @Test
    void mint_givesCodesThatDecodeToTheClockTimeWorkerAndSequence() {
        ShortCodeMinter minter = minterWith(TestClock.fixedAt(START.plusMillis(700)));

        List<ShortCodeInspector.Parts> parts = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            parts.add(inspector.inspect(minter.mint()));
        }

        for (int i = 0; i < 3; i++) {
            assertEquals(new ShortCodeInspector.Parts(START, 0, i), parts.get(i));
        }
    }

    @Test
    void mint_borrowsTheNextUnit_whenTheSequenceRunsOut() {
        ShortCodeMinter minter = minterWith(TestClock.fixedAt(START));

        Set<Instant> times = new HashSet<>();
        ShortCodeInspector.Parts last = null;
        for (int i = 0; i < 33; i++) {
            last = inspector.inspect(minter.mint());
            times.add(last.time());
        }

        assertEquals(Set.of(START, START.plusSeconds(1)), times);
        assertEquals(new ShortCodeInspector.Parts(START.plusSeconds(1), 0, 0), last);
    }

    @Test
    void mint_waitsForTheClock_whenBorrowingMoreThanTheMaximumAhead() {
        Duration step = Duration.ofMillis(10); // 100 mints a clock second: three times what one worker may mint
        TestClock clock = new TestClock(START, step);
        ShortCodeMinter minter = minterWith(clock);
        int mints = 800;

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < mints; i++) {
                Instant minted = inspector.inspect(minter.mint()).time();
                Instant lastReading = clock.peek().minus(step);
                long unitsAhead = layout.timeAt(minted) - layout.timeAt(lastReading);
                assertTrue(unitsAhead <= ShortCodeMinter.DEFAULT_MAX_BORROW, "minted " + unitsAhead + " units ahead");
            }
        });

        assertTrue(clock.reads() > mints, "the minter must have re-read the clock while waiting");
    }

    @ParameterizedTest
    @ValueSource(longs = {5, 3_600})
    void mint_neverRepeatsACode_whenTheClockStepsBack(long secondsBack) {
        TestClock clock = new TestClock(START, Duration.ofMillis(50));
        ShortCodeMinter minter = minterWith(clock);
        Set<String> codes = new HashSet<>();

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < 10_000; i++) {
                codes.add(minter.mint());
            }
            clock.stepBack(Duration.ofSeconds(secondsBack));
            for (int i = 0; i < 10_000; i++) {
                String code = minter.mint();
                codes.add(code);
                assertTrue(inspector
                        .inspect(code)
                        .time()
                        .isBefore(minter.currentLease().orElseThrow().expiresAt()));
            }
        });

        assertEquals(20_000, codes.size());
    }

    @Test
    void mint_keepsCountingWithoutWaiting_whileTheClockReadsBehindItsHighest() {
        TestClock clock = TestClock.fixedAt(START);
        ShortCodeMinter minter = minterWith(clock);
        Set<String> codes = new HashSet<>();
        codes.add(minter.mint());
        clock.stepBack(Duration.ofHours(1));

        assertTimeoutPreemptively(HANG_GUARD, () -> {
            for (int i = 0; i < 32 * 20; i++) { // 20 units ahead of the highest reading, on a clock that stands still
                codes.add(minter.mint());
            }
        });

        assertEquals(32 * 20 + 1, codes.size());
    }

    @Test
    void mintId_packsTimeWorkerAndSequence() {
        ShortCodeMinter minter = minterWith(TestClock.fixedAt(START));

        long first = minter.mintId();
        long second = minter.mintId();

        assertEquals(layout.pack(layout.timeAt(START), 0, 0), first);
        assertEquals(layout.pack(layout.timeAt(START), 0, 1), second);
    }
}
