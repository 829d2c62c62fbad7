package dev.shortener.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void fixedClock_movesOnlyWhenTheTestMovesIt_forwardsAndBackwards() {
        TestClock clock = TestClock.fixedAt(START);

        Instant first = clock.instant();
        Instant second = clock.instant();
        clock.advance(Duration.ofSeconds(90));
        Instant advanced = clock.instant();
        clock.stepBack(Duration.ofSeconds(30));

        assertEquals(START, first);
        assertEquals(START, second);
        assertEquals(START.plusSeconds(90), advanced);
        assertEquals(START.plusSeconds(60), clock.instant());
        assertEquals(4, clock.reads());
    }

    @Test
    void steppingClock_returnsTheReadingThenSteps() {
        TestClock clock = new TestClock(START, Duration.ofMillis(50));

        Instant first = clock.instant();
        Instant second = clock.instant();

        assertEquals(START, first);
        assertEquals(START.plusMillis(50), second);
        assertEquals(START.plusMillis(100), clock.peek());
        assertEquals(2, clock.reads());
    }

    @Test
    void atSystemTime_isOnAWholeSecond() {
        assertEquals(0, TestClock.atSystemTime().instant().getNano());
    }
}
