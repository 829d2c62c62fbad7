package dev.shortener.localservers.firehose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A Firehose endpoint on loopback speaking the JSON 1.1 protocol of PutRecordBatch, driven through the real SDK
 * client, for the click sink's tests and the benchmarks: it checks the service's limits, records every call and
 * every stored record, and injects what the real service does under load: throttling (HTTP 400 with {@code
 * __type} ServiceUnavailableException or LimitExceededException), partial failures ({@code FailedPutCount > 0} on
 * a 200), slow answers, hangs, and 500s.
 */
public final class FirehoseStandIn implements AutoCloseable {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What the endpoint does with one call. */
    public record Fault(Kind kind, long hangMillis, EntryFailure failEntry, String errorType) {
        public static final Fault OK = new Fault(Kind.OK, 0, null, null);

        /** HTTP 400 with the error type the real service uses when a stream is over its quotas. */
        public static Fault throttle(String errorType) {
            return new Fault(Kind.THROTTLE, 0, null, errorType);
        }

        /** HTTP 200 with {@code FailedPutCount > 0}: the entries {@code failEntry} picks fail. */
        public static Fault partial(EntryFailure failEntry) {
            return new Fault(Kind.PARTIAL, 0, failEntry, null);
        }

        /** Stores nothing and answers only after {@code millis} (longer than the client waits). */
        public static Fault hangThenFail(long millis) {
            return new Fault(Kind.HANG_THEN_FAIL, millis, null, null);
        }

        /** Stores the records, then answers too late: an unknown outcome for the client, which must resend. */
        public static Fault storeThenHang(long millis) {
            return new Fault(Kind.STORE_THEN_HANG, millis, null, null);
        }

        /** Stores the records and answers as usual, after {@code millis} (a slow but healthy endpoint). */
        public static Fault slow(long millis) {
            return new Fault(Kind.SLOW, millis, null, null);
        }

        public static Fault error500() {
            return new Fault(Kind.ERROR_500, 0, null, null);
        }
    }

    public enum Kind {
        OK,
        THROTTLE,
        PARTIAL,
        HANG_THEN_FAIL,
        STORE_THEN_HANG,
        SLOW,
        ERROR_500
    }

    @FunctionalInterface
    public interface EntryFailure {
        boolean fails(int call, int index);
    }

    @FunctionalInterface
    public interface FaultPlan {
        Fault faultFor(int call);
    }

    /** One PutRecordBatch as received. */
    public record Call(
            int number, String stream, List<byte[]> records, long bytes, Kind kind, int failed, long atNanos) {}

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<Call> calls = new CopyOnWriteArrayList<>();
    private final List<byte[]> stored = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicInteger callNumbers = new AtomicInteger();
    private volatile FaultPlan plan = call -> Fault.OK;

    public FirehoseStandIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
        server.createContext("/", this::handle);
        server.setExecutor(threads);
        server.start();
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public void plan(FaultPlan faults) {
        this.plan = faults;
    }

    /** The calls so far, each listed once its fault is applied: a hanging one at once, a slow one after its delay. */
    public List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The data of every record stored (answered with a RecordId), in arrival order. */
    public List<byte[]> storedRecords() {
        return List.copyOf(stored);
    }

    /** Limit violations seen (more than 500 records, 4 MiB or a record over 1,000 KiB); should stay empty. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** The bytes of the records stored, as Firehose bills them: each record rounded up to the next 5 KB. */
    public long billedBytes() {
        long billed = 0;
        for (byte[] record : stored) {
            billed += (record.length + 5119L) / 5120L * 5120L;
        }
        return billed;
    }

    /** The bytes of the records stored, as they were sent. */
    public long storedBytes() {
        long bytes = 0;
        for (byte[] record : stored) {
            bytes += record.length;
        }
        return bytes;
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
            JsonNode request = JSON.readTree(exchange.getRequestBody().readAllBytes());
            if (!"Firehose_20150804.PutRecordBatch".equals(target)) {
                error(exchange, 400, "UnknownOperationException", "unexpected target " + target);
                return;
            }
            List<byte[]> records = new ArrayList<>();
            long bytes = 0;
            for (JsonNode record : request.path("Records")) {
                byte[] data = Base64.getDecoder().decode(record.path("Data").asText());
                records.add(data);
                bytes += data.length;
                if (data.length > 1_024_000) {
                    violations.add("record of " + data.length + " bytes");
                }
            }
            if (records.size() > 500 || bytes > 4L * 1024 * 1024 || records.isEmpty()) {
                violations.add(records.size() + " records, " + bytes + " bytes in one call");
                error(exchange, 400, "InvalidArgumentException", "limits exceeded");
                return;
            }
            int number = callNumbers.incrementAndGet();
            Fault fault = plan.faultFor(number);
            respond(exchange, number, request.path("DeliveryStreamName").asText(), records, bytes, fault);
        }
    }

    private void respond(
            HttpExchange exchange, int number, String stream, List<byte[]> records, long bytes, Fault fault)
            throws IOException {
        long at = System.nanoTime();
        switch (fault.kind()) {
            case THROTTLE -> {
                calls.add(new Call(number, stream, records, bytes, fault.kind(), records.size(), at));
                error(exchange, 400, fault.errorType(), "Slow down.");
                return;
            }
            case ERROR_500 -> {
                calls.add(new Call(number, stream, records, bytes, fault.kind(), records.size(), at));
                error(exchange, 500, "InternalFailure", "oops");
                return;
            }
            case HANG_THEN_FAIL -> {
                calls.add(new Call(number, stream, records, bytes, fault.kind(), records.size(), at));
                sleep(fault.hangMillis());
                error(exchange, 503, "ServiceUnavailableException", "late");
                return;
            }
            case SLOW -> sleep(fault.hangMillis());
            default -> {}
        }
        ArrayNode answers = JSON.createArrayNode();
        int failed = 0;
        for (int i = 0; i < records.size(); i++) {
            boolean fails = fault.kind() == Kind.PARTIAL && fault.failEntry().fails(number, i);
            if (fails) {
                failed++;
                answers.addObject()
                        .put("ErrorCode", "ServiceUnavailableException")
                        .put("ErrorMessage", "Slow down.");
            } else {
                stored.add(records.get(i));
                answers.addObject().put("RecordId", UUID.randomUUID().toString());
            }
        }
        calls.add(new Call(number, stream, records, bytes, fault.kind(), failed, at));
        if (fault.kind() == Kind.STORE_THEN_HANG) {
            sleep(fault.hangMillis()); // stored, but the answer comes too late: the client must resend
        }
        ObjectNode body = JSON.createObjectNode().put("FailedPutCount", failed).put("Encrypted", false);
        body.set("RequestResponses", answers);
        send(exchange, 200, body.toString());
    }

    private static void error(HttpExchange exchange, int status, String type, String message) throws IOException {
        send(exchange, status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        exchange.getResponseHeaders().set("x-amzn-RequestId", UUID.randomUUID().toString());
        try {
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (IOException clientGaveUp) {
            // the client timed out first (a hang): nothing to answer
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
