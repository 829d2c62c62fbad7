package dev.shortener.deploycheck.athena;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.deploycheck.stack.AthenaTarget;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.athena.AthenaClient;

/** The real Athena SDK client, pointed at {@link FakeAthena}: what it sends and how the answers are read. */
class AthenaClickCountsTest {

    static AthenaClient client(FakeAthena athena) {
        return AthenaClient.builder()
                .httpClient(UrlConnectionHttpClient.create())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(athena.endpoint())
                .build();
    }

    /** Over the client, waiting up to 30 s without sleeping between polls. */
    private static AthenaClickCounts counts(AthenaClient client, AthenaTarget target) {
        return new AthenaClickCounts(client, target, Duration.ofSeconds(30), duration -> {}, InstantSource.system());
    }

    @Test
    void oneQuery_withTheCodesAndDaysAsQuotedParameters_inTheWorkgroupAndDatabase() throws Exception {
        try (FakeAthena athena = new FakeAthena();
                AthenaClient client = client(athena)) {
            athena.rows = Map.of("aB3dE5f", 4L);
            AthenaClickCounts counts =
                    counts(client, new AthenaTarget("shortener-analytics", "shortener_clicks", "clicks"));

            Map<String, Long> result = counts.count(Set.of("aB3dE5f", "zz99"), Set.of(LocalDate.parse("2026-12-02")));

            assertEquals(Map.of("aB3dE5f", 4L, "zz99", 0L), result);
            assertEquals(
                    List.of(
                            "AmazonAthena.StartQueryExecution",
                            "AmazonAthena.GetQueryExecution",
                            "AmazonAthena.GetQueryExecution",
                            "AmazonAthena.GetQueryResults"),
                    athena.targets());
            Map<String, Object> start = athena.startRequests().get(0);
            assertEquals(
                    "SELECT code, count(DISTINCT event_id) AS clicks FROM \"clicks\" WHERE dt IN (?) AND code IN (?, ?)"
                            + " AND bot = false GROUP BY code",
                    start.get("QueryString"));
            assertEquals(List.of("'2026-12-02'", "'aB3dE5f'", "'zz99'"), start.get("ExecutionParameters"));
            assertEquals("shortener-analytics", start.get("WorkGroup"));
            assertEquals(Map.of("Database", "shortener_clicks"), start.get("QueryExecutionContext"));
        }
    }

    @Test
    void aFailedQuery_throws_withAthenasReason() throws Exception {
        try (FakeAthena athena = new FakeAthena();
                AthenaClient client = client(athena)) {
            athena.finalState = "FAILED";
            AthenaClickCounts counts = counts(client, new AthenaTarget("wg", "db", "clicks"));

            AthenaQueryException failed = assertThrows(
                    AthenaQueryException.class, () -> counts.count(Set.of("abc"), Set.of(LocalDate.now())));
            assertTrue(failed.getMessage().contains("FAILED: TABLE_NOT_FOUND"), failed.getMessage());
        }
    }

    @Test
    void aCodeThatIsNotACode_neverReachesTheQuery() throws Exception {
        try (FakeAthena athena = new FakeAthena();
                AthenaClient client = client(athena)) {
            AthenaClickCounts counts = counts(client, new AthenaTarget("wg", "db", "clicks"));

            assertThrows(
                    IllegalArgumentException.class,
                    () -> counts.count(Set.of("x' OR '1'='1"), Set.of(LocalDate.now())));
            assertTrue(athena.targets().isEmpty());
        }
    }
}
