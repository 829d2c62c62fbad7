package dev.shortener.testsupport;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TestClockTest {

    private static final Instant START = Instant.parse("2026-11-27T12:00:00Z");

    @Test
    void fixedClock_movesOnlyWhenTheTestMovesIt_forwardsAndBackwards() {
        TestClock clock = TestClock.fixedAt(START);

        List<Instant> readings = new ArrayList<>();
        readings.add(clock.instant());
        readings.add(clock.instant());
        clock.advance(Duration.ofSeconds(90));
        readings.add(clock.instant());
        clock.stepBack(Duration.ofSeconds(30));
        readings.add(clock.instant());

        assertEquals(List.of(START, START, START.plusSeconds(90), START.plusSeconds(60)), readings);
        assertEquals(4, clock.reads());
    }

    @Test
    void steppingClock_returnsTheReadingThenSteps() {
        TestClock clock = new TestClock(START, Duration.ofMillis(50));

        List<Instant> readings = List.of(clock.instant(), clock.instant());

        assertEquals(List.of(START, START.plusMillis(50)), readings);
        assertEquals(START.plusMillis(100), clock.peek(), "peeking neither steps nor counts");
        assertEquals(2, clock.reads());
    }

    @Test
    void atSystemTime_isOnAWholeSecond() {
        assertEquals(0, TestClock.atSystemTime().instant().getNano());
    }
}
