package dev.shortener.deploycheck.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.deploycheck.athena.AthenaClickCounts;
import dev.shortener.deploycheck.athena.FakeAthenaAccess;
import dev.shortener.deploycheck.stack.AthenaTarget;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The Athena count against the stats API's count: the stats from the recorded management API, the count through the
 * real Athena SDK client from an endpoint speaking Athena's protocol.
 */
class AthenaCountCheckTest {

    private static final AthenaTarget WHERE = new AthenaTarget("wg", "db", "clicks");

    @Test
    void countsThatAgree_pass_afterTheBufferWait() throws Exception {
        Map<CheckName, Result> rows = run(0, 1L);

        Result athena = rows.get(CheckName.ATHENA_COUNT);
        assertEquals(Outcome.PASS, athena.outcome(), athena.evidence());
        assertTrue(athena.evidence().startsWith("c000001: Athena 1, stats API 1, origin GETs 1"), athena.evidence());
    }

    @Test
    void countsThatDiffer_fail() throws Exception {
        Map<CheckName, Result> rows = run(2, 1L);

        Result athena = rows.get(CheckName.ATHENA_COUNT);
        assertEquals(Outcome.FAIL, athena.outcome());
        assertTrue(athena.evidence().startsWith("c000001: Athena 1, stats API 3"), athena.evidence());
    }

    @Test
    void noClicksAtAll_afterOriginGets_fails_sayingToWaitLonger() throws Exception {
        Map<CheckName, Result> rows = run(-1, 0L);

        Result athena = rows.get(CheckName.ATHENA_COUNT);
        assertEquals(Outcome.FAIL, athena.outcome());
        assertTrue(athena.evidence().endsWith("wait longer (--athena-wait)"), athena.evidence());
    }

    @Test
    void noAthenaTarget_isSkipped_withTheReason() throws Exception {
        Fixture fixture = Fixture.over(server -> {});
        try (fixture.server) {
            Map<CheckName, Result> rows = fixture.run(
                    new CreateLinkCheck(),
                    new AthenaCountCheck(Optional.empty(), Duration.ofSeconds(330), fixture.progress::add));
            assertEquals(Outcome.SKIP, rows.get(CheckName.ATHENA_COUNT).outcome());
            assertTrue(rows.get(CheckName.ATHENA_COUNT).evidence().startsWith("no Athena workgroup"));
            assertTrue(fixture.clock.sleeps().isEmpty(), "no wait for nothing");
        }
    }

    /** Create, follow twice (one origin GET, one edge hit), then the Athena row with these counts. */
    private static Map<CheckName, Result> run(int statsDrift, long athenaCount) throws Exception {
        Fixture fixture = Fixture.over(server -> server.statsDrift = statsDrift);
        try (fixture.server;
                var athena = FakeAthenaAccess.start(Map.of("c000001", athenaCount));
                var client = FakeAthenaAccess.client(athena)) {
            AthenaClickCounts counts =
                    new AthenaClickCounts(client, WHERE, Duration.ofSeconds(30), fixture.clock, fixture.clock);
            Map<CheckName, Result> rows = fixture.run(
                    new CreateLinkCheck(),
                    RedirectChecks.redirect(),
                    new AthenaCountCheck(Optional.of(counts), Duration.ofSeconds(330), fixture.progress::add));
            assertEquals(Duration.ofSeconds(330), fixture.clock.sleeps().get(0), "the buffer wait came first");
            assertTrue(fixture.progress.stream().anyMatch(line -> line.startsWith("waiting 330 s")));
            return rows;
        }
    }
}
