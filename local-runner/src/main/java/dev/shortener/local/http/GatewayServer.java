package dev.shortener.local.http;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.shortener.local.RunnerException;
import dev.shortener.localservers.lambda.InvocationContext;
import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local API Gateway: an HTTP server on 127.0.0.1 that turns every request into a payload 2.0 event, invokes
 * the create handler for {@code /api/...} and the redirect handler for everything else, and sends back exactly the
 * handler's status, headers, cookies and body. The port is bound first ({@link #bind}), before any server is
 * started, so that a busy port fails at once.
 */
public final class GatewayServer implements AutoCloseable {

    /** API Gateway's payload limit. */
    private static final int MAX_BODY = 10 * 1024 * 1024;
    /** Longer than the functions' 10 s in AWS: a laptop's emulator is slower than DynamoDB in a region. */
    private static final Duration LOCAL_TIMEOUT = Duration.ofSeconds(30);

    private final HttpServer server;
    private final ExecutorService workers = Executors.newFixedThreadPool(8, runnable -> {
        Thread thread = new Thread(runnable, "gateway");
        thread.setDaemon(true);
        return thread;
    });

    private GatewayServer(HttpServer server) {
        this.server = server;
    }

    /**
     * Binds 127.0.0.1:{@code port} (0: a free port).
     *
     * @throws RunnerException when the port is taken, saying how to choose another
     */
    public static GatewayServer bind(int port) {
        try {
            return new GatewayServer(
                    HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64));
        } catch (BindException e) {
            throw new RunnerException(
                    "Port " + port + " on 127.0.0.1 is already in use (another program, or a runner"
                            + " that is still running). Pick another: --port " + (port == 65_535 ? 8081 : port + 1)
                            + " (or PORT=" + (port == 65_535 ? 8081 : port + 1) + "), or stop what uses it"
                            + " (e.g. ss -ltnp 'sport = :" + port + "').",
                    e);
        } catch (IOException e) {
            throw new RunnerException("Could not listen on 127.0.0.1:" + port + ": " + e, e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    /** Starts serving with these handlers. */
    public void start(
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> redirect) {
        server.setExecutor(workers);
        server.createContext("/", exchange -> serve(exchange, api, redirect));
        server.createContext(ConsoleFiles.PATH, ConsoleFiles.fromClasspath(exchange -> serve(exchange, api, redirect)));
        server.start();
    }

    private static void serve(
            HttpExchange exchange,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> api,
            RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> redirect) {
        try {
            byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
            if (body.length > MAX_BODY) {
                sendGatewayError(exchange, 413, "Request Entity Too Large");
                return;
            }
            APIGatewayV2HTTPEvent event = GatewayEvents.from(exchange, body, Instant.now());
            boolean toApi = GatewayEvents.isApi(event.getRawPath());
            var context = InvocationContext.startingNow(
                    toApi ? "create" : "redirect", event.getRequestContext().getRequestId(), LOCAL_TIMEOUT);
            APIGatewayV2HTTPResponse response = (toApi ? api : redirect).handleRequest(event, context);
            respond(exchange, response);
        } catch (IOException e) {
            // the client went away
        } catch (RuntimeException e) {
            // What API Gateway answers when an integration fails.
            System.err.println("Handler failed: " + e);
            try {
                sendGatewayError(exchange, 500, "Internal Server Error");
            } catch (IOException | RuntimeException ignored) {
                // headers were sent already, or the client went away
            }
        } finally {
            exchange.close(); // after the catch blocks, which may still answer (try-with-resources closes before)
        }
    }

    /** An answer of API Gateway's own (not the handler's): its JSON body with the one {@code message}. */
    private static void sendGatewayError(HttpExchange exchange, int status, String message) throws IOException {
        send(
                exchange,
                status,
                Map.of("content-type", "application/json"),
                null,
                ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    private static void respond(HttpExchange exchange, APIGatewayV2HTTPResponse response) throws IOException {
        byte[] body = null;
        if (response.getBody() != null) {
            body = response.getIsBase64Encoded()
                    ? Base64.getDecoder().decode(response.getBody())
                    : response.getBody().getBytes(StandardCharsets.UTF_8);
        }
        Headers out = exchange.getResponseHeaders();
        if (response.getMultiValueHeaders() != null) {
            response.getMultiValueHeaders().forEach((name, values) -> values.forEach(value -> out.add(name, value)));
        }
        send(exchange, response.getStatusCode(), response.getHeaders(), response.getCookies(), body);
    }

    private static void send(
            HttpExchange exchange, int status, Map<String, String> headers, List<String> cookies, byte[] body)
            throws IOException {
        Headers out = exchange.getResponseHeaders();
        if (headers != null) {
            headers.forEach(out::set);
        }
        if (cookies != null) {
            cookies.forEach(cookie -> out.add("Set-Cookie", cookie));
        }
        boolean head = exchange.getRequestMethod().equalsIgnoreCase("HEAD");
        boolean noBody = head || status == 204 || status == 304 || body == null || body.length == 0;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream stream = exchange.getResponseBody()) {
                stream.write(body);
            }
        }
    }

    /** Stops accepting requests, lets running ones finish (up to 1 s). */
    @Override
    public void close() {
        server.stop(1);
        workers.shutdownNow();
    }
}
