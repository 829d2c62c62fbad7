package dev.shortener.analytics.delivery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Giving clicks up while the flusher is packing them: the test takes the flusher's place, so the click is caught
 * between being taken from the buffer and being handed back as records, where no timing in a whole sink can hold it.
 */
class PendingClicksTest {

    static Stream<Arguments> waysToGiveUp() {
        return Stream.of(
                Arguments.of("post-response flush out of time", (Function<PendingClicks, List<EncodedClick>>)
                        PendingClicks::abandonPending),
                Arguments.of("shutdown out of time", (Function<PendingClicks, List<EncodedClick>>)
                        PendingClicks::abandonAll));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("waysToGiveUp")
    void aClickBeingPacked_isGivenUpWithTheRest_andNeverSentAfterwards(
            String when, Function<PendingClicks, List<EncodedClick>> giveUp) throws InterruptedException {
        SinkSettings settings = SinkSettings.defaults();
        PendingClicks pending = new PendingClicks(settings);
        EncodedClick packed = click("being-packed");
        assertTrue(pending.append(packed, true));
        List<EncodedClick> taken = pending.awaitDue(); // the flusher takes it to pack
        assertEquals(List.of(packed), taken);
        EncodedClick buffered = click("still-buffered");
        assertTrue(pending.append(buffered, false));

        List<EncodedClick> givenUp = giveUp.apply(pending);

        assertEquals(List.of("still-buffered", "being-packed"), ids(givenUp), "both are logged undelivered");
        assertEquals(0, pending.unresolved(), "nothing is left for a waiter to wait for");
        List<PendingRecord> batch =
                pending.planBatch(new RecordPacker(settings.maxRecordBytes(), settings.encoding()).pack(taken));
        assertNotNull(batch);
        assertTrue(batch.isEmpty(), "records packed from given-up clicks are dropped, not sent as well");
    }

    private static EncodedClick click(String id) {
        return new EncodedClick(id, ("{\"event_id\":\"" + id + "\"}\n").getBytes(StandardCharsets.UTF_8));
    }

    private static List<String> ids(List<EncodedClick> clicks) {
        return clicks.stream().map(EncodedClick::eventId).toList();
    }
}
