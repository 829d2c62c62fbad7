package dev.shortener.analytics.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The extension registration, against a stand-in of Lambda's runtime API. */
class LambdaExtensionTest {

    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final CountDownLatch nextCalled = new CountDownLatch(1);
    private HttpServer runtimeApi;
    private volatile boolean rejectEmptyEvents;

    @AfterEach
    void stop() {
        if (runtimeApi != null) {
            runtimeApi.stop(0);
        }
    }

    @Test
    void outsideLambda_doesNothing() throws IOException {
        assertEquals(Optional.empty(), LambdaExtension.registerIfInLambda(null));
        assertEquals(Optional.empty(), LambdaExtension.registerIfInLambda(" "));
    }

    @Test
    void inLambda_registersForNoEvents_thenWaitsOnNext() throws Exception {
        String api = startRuntimeApi();

        Optional<String> id = LambdaExtension.registerIfInLambda(api);

        assertEquals(Optional.of("ext-123"), id);
        assertTrue(nextCalled.await(5, TimeUnit.SECONDS), "init completes only once the extension calls next");
        assertEquals("POST /2020-01-01/extension/register name=click-flush {\"events\":[]}", requests.get(0));
        assertEquals("GET /2020-01-01/extension/event/next id=ext-123", requests.get(1));
    }

    @Test
    void inLambda_fallsBackToInvoke_whenNoEventsIsRefused() throws Exception {
        rejectEmptyEvents = true;
        String api = startRuntimeApi();

        assertEquals(Optional.of("ext-123"), LambdaExtension.registerIfInLambda(api));

        assertEquals("POST /2020-01-01/extension/register name=click-flush {\"events\":[\"INVOKE\"]}", requests.get(1));
    }

    private String startRuntimeApi() throws IOException {
        runtimeApi = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 10);
        runtimeApi.setExecutor(Executors.newCachedThreadPool());
        runtimeApi.createContext("/2020-01-01/extension/register", this::register);
        runtimeApi.createContext("/2020-01-01/extension/event/next", this::next);
        runtimeApi.start();
        return "127.0.0.1:" + runtimeApi.getAddress().getPort();
    }

    private void register(HttpExchange exchange) throws IOException {
        String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        requests.add("POST " + exchange.getRequestURI().getPath() + " name="
                + exchange.getRequestHeaders().getFirst("Lambda-Extension-Name") + " " + body);
        if (rejectEmptyEvents && body.contains("[]")) {
            exchange.sendResponseHeaders(400, -1);
        } else {
            exchange.getResponseHeaders().set("Lambda-Extension-Identifier", "ext-123");
            byte[] answer = "{\"functionName\":\"redirect\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
        }
        exchange.close();
    }

    /** Like Lambda with no events registered: the call stays open until the environment ends. */
    private void next(HttpExchange exchange) {
        requests.add("GET " + exchange.getRequestURI().getPath() + " id="
                + exchange.getRequestHeaders().getFirst("Lambda-Extension-Identifier"));
        nextCalled.countDown();
    }
}
