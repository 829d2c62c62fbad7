package dev.shortener.deploycheck.athena;

import dev.shortener.deploycheck.http.Sleeper;
import dev.shortener.deploycheck.stack.AthenaTarget;
import java.time.Duration;
import java.time.InstantSource;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import software.amazon.awssdk.services.athena.AthenaClient;
import software.amazon.awssdk.services.athena.model.GetQueryResultsResponse;
import software.amazon.awssdk.services.athena.model.QueryExecution;
import software.amazon.awssdk.services.athena.model.QueryExecutionState;
import software.amazon.awssdk.services.athena.model.Row;

/**
 * One Athena query over the given day partitions: people's clicks ({@code bot = false}, as the click-count
 * function counts them) per code, each event once ({@code count(DISTINCT event_id)}: a resent record carries the
 * same id, as the named queries deduplicate). The values go in as execution parameters ({@code ?}; Athena
 * substitutes them as literals, so strings carry their quotes), after checking they are codes and dates, so
 * nothing from an answer can become SQL.
 *
 * <p>StartQueryExecution, then GetQueryExecution until the state is final, then GetQueryResults, whose first row
 * of a SELECT holds the column names (Athena API reference, GetQueryResults / ResultSet).
 */
public final class AthenaClickCounts implements ClickCounts {

    private static final Duration POLL = Duration.ofSeconds(1);

    private final AthenaClient athena;
    private final AthenaTarget target;
    private final Duration timeout;
    private final Sleeper sleeper;
    private final InstantSource clock;

    public AthenaClickCounts(
            AthenaClient athena, AthenaTarget target, Duration timeout, Sleeper sleeper, InstantSource clock) {
        this.athena = athena;
        this.target = target;
        this.timeout = timeout;
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /** The query, with one {@code ?} per day and per code. */
    static String sql(String table, int days, int codes) {
        if (!table.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("not a table name: " + table);
        }
        return "SELECT code, count(DISTINCT event_id) AS clicks FROM \"" + table + "\" WHERE dt IN ("
                + placeholders(days) + ") AND code IN (" + placeholders(codes) + ") AND bot = false GROUP BY code";
    }

    @Override
    public Map<String, Long> count(Set<String> codes, Set<LocalDate> days) {
        List<String> parameters = new ArrayList<>();
        for (LocalDate day : new TreeSet<>(days)) {
            parameters.add("'" + day + "'");
        }
        for (String code : new TreeSet<>(codes)) {
            if (!code.matches("[A-Za-z0-9_-]{1,64}")) {
                throw new IllegalArgumentException("not a short code: " + code);
            }
            parameters.add("'" + code + "'");
        }
        String id = athena.startQueryExecution(
                        request -> request.queryString(sql(target.table(), days.size(), codes.size()))
                                .executionParameters(parameters)
                                .workGroup(target.workgroup())
                                .queryExecutionContext(context -> context.database(target.database())))
                .queryExecutionId();
        awaitSuccess(id);
        Map<String, Long> counts = new TreeMap<>();
        for (String code : codes) {
            counts.put(code, 0L);
        }
        GetQueryResultsResponse results = athena.getQueryResults(request -> request.queryExecutionId(id));
        List<Row> rows = results.resultSet().rows();
        for (int i = 0; i < rows.size(); i++) {
            List<String> values = rows.get(i).data().stream()
                    .map(datum -> datum.varCharValue())
                    .toList();
            if (i == 0 && values.equals(List.of("code", "clicks"))) {
                continue; // the header row
            }
            if (values.size() != 2 || !counts.containsKey(values.get(0))) {
                throw new AthenaQueryException("query " + id + " answered an unexpected row " + values);
            }
            counts.put(values.get(0), Long.parseLong(values.get(1)));
        }
        return Collections.unmodifiableMap(counts);
    }

    private void awaitSuccess(String id) {
        long deadline = clock.millis() + timeout.toMillis();
        while (true) {
            QueryExecution execution = athena.getQueryExecution(request -> request.queryExecutionId(id))
                    .queryExecution();
            QueryExecutionState state = execution.status().state();
            if (state == QueryExecutionState.SUCCEEDED) {
                return;
            }
            if (state == QueryExecutionState.FAILED || state == QueryExecutionState.CANCELLED) {
                throw new AthenaQueryException(
                        "query " + id + " " + state + ": " + execution.status().stateChangeReason());
            }
            if (clock.millis() >= deadline) {
                throw new AthenaQueryException(
                        "query " + id + " still " + state + " after " + timeout.toSeconds() + " s (--athena-timeout)");
            }
            sleeper.sleep(POLL);
        }
    }

    private static String placeholders(int count) {
        return String.join(", ", Collections.nCopies(count, "?"));
    }
}
