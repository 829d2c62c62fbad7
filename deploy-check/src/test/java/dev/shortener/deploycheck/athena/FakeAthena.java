package dev.shortener.deploycheck.athena;

import com.fasterxml.jackson.jr.ob.JSON;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An Athena endpoint on loopback speaking its JSON protocol (AWS JSON 1.1: POST /, {@code X-Amz-Target:
 * AmazonAthena.<Operation>}), with response shapes as in the Athena API reference: StartQueryExecution answers
 * {@code QueryExecutionId}; GetQueryExecution {@code QueryExecution.Status.State}, RUNNING once and then the
 * final state; GetQueryResults a {@code ResultSet} whose first row holds the column names.
 */
final class FakeAthena implements AutoCloseable {

    private final HttpServer server;
    private final List<Map<String, Object>> started = new ArrayList<>();
    private final List<String> targets = new ArrayList<>();
    private int polls;

    /** The final state and, when FAILED, why. */
    String finalState = "SUCCEEDED";
    /** code → count rows of the result. */
    Map<String, Long> rows = Map.of();

    FakeAthena() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    synchronized List<Map<String, Object>> startRequests() {
        return List.copyOf(started);
    }

    synchronized List<String> targets() {
        return List.copyOf(targets);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            targets.add(target);
            Map<String, Object> request =
                    JSON.std.mapFrom(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            Object answer = switch (target) {
                case "AmazonAthena.StartQueryExecution" -> {
                    started.add(request);
                    yield Map.of("QueryExecutionId", "q-0001");
                }
                case "AmazonAthena.GetQueryExecution" -> {
                    String state = polls++ == 0 ? "RUNNING" : finalState;
                    Map<String, Object> status = new java.util.LinkedHashMap<>();
                    status.put("State", state);
                    if (state.equals("FAILED")) {
                        status.put("StateChangeReason", "TABLE_NOT_FOUND: line 1:45: Table 'clicks' does not exist");
                    }
                    yield Map.of(
                            "QueryExecution",
                            Map.of("QueryExecutionId", request.get("QueryExecutionId"), "Status", status));
                }
                case "AmazonAthena.GetQueryResults" -> resultSet();
                default -> null;
            };
            byte[] body;
            int status = 200;
            if (answer == null) {
                status = 400;
                body = "{\"__type\":\"InvalidRequestException\",\"message\":\"unknown operation\"}"
                        .getBytes(StandardCharsets.UTF_8);
            } else {
                body = JSON.std.asBytes(answer);
            }
            exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
            exchange.sendResponseHeaders(status, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private Map<String, Object> resultSet() {
        List<Object> resultRows = new ArrayList<>();
        resultRows.add(row("code", "clicks"));
        rows.forEach((code, count) -> resultRows.add(row(code, Long.toString(count))));
        return Map.of(
                "ResultSet",
                Map.of(
                        "Rows",
                        resultRows,
                        "ResultSetMetadata",
                        Map.of(
                                "ColumnInfo",
                                List.of(
                                        Map.of("Name", "code", "Type", "varchar"),
                                        Map.of("Name", "clicks", "Type", "bigint")))),
                "UpdateCount",
                0);
    }

    private static Map<String, Object> row(String... values) {
        List<Object> data = new ArrayList<>();
        for (String value : values) {
            data.add(Map.of("VarCharValue", value));
        }
        return Map.of("Data", data);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
