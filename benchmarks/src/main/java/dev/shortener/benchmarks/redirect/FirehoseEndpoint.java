package dev.shortener.benchmarks.redirect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A Firehose endpoint on loopback speaking PutRecordBatch (JSON 1.1), as in click-sink's tests: fast (answers at
 * once), slow (sleeps before answering) or failing (HTTP 500). Counts records and their bytes, for the cost
 * model's billed and stored bytes per click.
 */
public final class FirehoseEndpoint implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    public enum Mode {
        FAST,
        SLOW,
        FAILING
    }

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fake-firehose");
        t.setDaemon(true);
        return t;
    });
    private final Mode mode;
    private final long slowMillis;
    final AtomicLong calls = new AtomicLong();
    public final AtomicLong records = new AtomicLong();
    final AtomicLong recordBytes = new AtomicLong();
    /** Bytes as Firehose bills them: each record rounded up to 5 KB. */
    final AtomicLong billedBytes = new AtomicLong();

    public FirehoseEndpoint(Mode mode, long slowMillis) throws IOException {
        this.mode = mode;
        this.slowMillis = slowMillis;
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body = exchange.getRequestBody().readAllBytes();
            calls.incrementAndGet();
            if (mode == Mode.FAILING) {
                send(exchange, 500, "{\"__type\":\"InternalFailure\",\"message\":\"benchmark: failing endpoint\"}");
                return;
            }
            if (mode == Mode.SLOW) {
                try {
                    Thread.sleep(slowMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            JsonNode request = JSON.readTree(body);
            StringBuilder out = new StringBuilder("{\"FailedPutCount\":0,\"Encrypted\":false,\"RequestResponses\":[");
            int i = 0;
            for (JsonNode record : request.path("Records")) {
                int size = Base64.getDecoder().decode(record.path("Data").asText()).length;
                records.incrementAndGet();
                recordBytes.addAndGet(size);
                billedBytes.addAndGet((size + 5119L) / 5120L * 5120L);
                out.append(i++ == 0 ? "" : ",")
                        .append("{\"RecordId\":\"r")
                        .append(records.get())
                        .append("\"}");
            }
            send(exchange, 200, out.append("]}").toString());
        }
    }

    private static void send(HttpExchange exchange, int status, String json) throws IOException {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
