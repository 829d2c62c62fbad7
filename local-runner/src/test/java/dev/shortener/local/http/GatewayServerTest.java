package dev.shortener.local.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.local.RunnerException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local API Gateway, with handlers that record the event they get: no servers, no AWS types beyond the events. */
class GatewayServerTest {

    private final AtomicReference<APIGatewayV2HTTPEvent> apiEvent = new AtomicReference<>();
    private final AtomicReference<APIGatewayV2HTTPEvent> redirectEvent = new AtomicReference<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private GatewayServer server;

    @BeforeEach
    void start() {
        server = GatewayServer.bind(0);
        server.start(
                recording(
                        apiEvent,
                        APIGatewayV2HTTPResponse.builder()
                                .withStatusCode(201)
                                .withHeaders(Map.of("Content-Type", "application/json", "Location", "/api/links/abc"))
                                .withCookies(List.of("a=1; Path=/", "b=2"))
                                .withBody("{\"ok\":true}")
                                .build()),
                recording(
                        redirectEvent,
                        APIGatewayV2HTTPResponse.builder()
                                .withStatusCode(302)
                                .withHeaders(Map.of("Location", "https://example.com/x"))
                                .withIsBase64Encoded(true)
                                .withBody(Base64.getEncoder().encodeToString(new byte[] {1, 2, 3}))
                                .build()));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void apiRequest_becomesAPayload2Event_forTheCreateHandler() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(url("/api/links?x=1&x=2&y=a%20b"))
                        .header("X-Api-Key", "shk_test")
                        .header("Content-Type", "application/json")
                        .header("Cookie", "c1=v1; c2=v2")
                        .header("User-Agent", "ua/1")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"https://example.com/\"}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        APIGatewayV2HTTPEvent event = apiEvent.get();
        assertEquals("2.0", event.getVersion());
        assertEquals("ANY /api/{proxy+}", event.getRouteKey());
        assertEquals("ANY /api/{proxy+}", event.getRequestContext().getRouteKey());
        assertEquals("/api/links", event.getRawPath());
        assertEquals("x=1&x=2&y=a%20b", event.getRawQueryString());
        assertEquals(Map.of("x", "1,2", "y", "a b"), event.getQueryStringParameters());
        assertEquals("links", event.getPathParameters().get("proxy"));
        assertEquals("shk_test", event.getHeaders().get("x-api-key"));
        assertTrue(event.getHeaders().keySet().stream().allMatch(name -> name.equals(name.toLowerCase(Locale.ROOT))));
        assertFalse(event.getHeaders().containsKey("cookie"));
        assertEquals(List.of("c1=v1", "c2=v2"), event.getCookies());
        var context = event.getRequestContext();
        assertEquals("POST", context.getHttp().getMethod());
        assertEquals("/api/links", context.getHttp().getPath());
        assertEquals("HTTP/1.1", context.getHttp().getProtocol());
        assertEquals("127.0.0.1", context.getHttp().getSourceIp());
        assertEquals("ua/1", context.getHttp().getUserAgent());
        assertEquals("$default", context.getStage());
        assertTrue(context.getRequestId().endsWith("="), context.getRequestId());
        assertEquals("{\"url\":\"https://example.com/\"}", event.getBody());
        assertFalse(event.getIsBase64Encoded());

        assertEquals(201, response.statusCode());
        assertEquals("{\"ok\":true}", response.body());
        assertEquals("/api/links/abc", response.headers().firstValue("location").orElseThrow());
        assertEquals(List.of("a=1; Path=/", "b=2"), response.headers().allValues("set-cookie"));
        assertNull(redirectEvent.get());
    }

    @Test
    void binaryBody_isSentBase64() throws Exception {
        byte[] bytes = {(byte) 0xff, 0, (byte) 0xfe};
        http.send(
                HttpRequest.newBuilder(url("/api/links"))
                        .header("Content-Type", "application/octet-stream")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertTrue(apiEvent.get().getIsBase64Encoded());
        assertEquals(Base64.getEncoder().encodeToString(bytes), apiEvent.get().getBody());
    }

    @Test
    void codeAndPreview_goToTheRedirectHandler_asFunctionUrlEvents() throws Exception {
        HttpResponse<byte[]> response =
                http.send(HttpRequest.newBuilder(url("/aB3dE5f+")).build(), HttpResponse.BodyHandlers.ofByteArray());

        APIGatewayV2HTTPEvent event = redirectEvent.get();
        assertEquals("$default", event.getRouteKey(), "a function URL event, as CloudFront's calls are");
        assertEquals("/aB3dE5f+", event.getRawPath(), "the preview's + as sent");
        assertNull(event.getPathParameters(), "function URLs send no path parameters");
        assertEquals("", event.getRawQueryString());
        assertNull(event.getBody());
        assertEquals(302, response.statusCode());
        assertEquals(
                "https://example.com/x",
                response.headers().firstValue("location").orElseThrow());
        assertEquals(3, response.body().length, "a base64 body is decoded");
    }

    @Test
    void theRootAndRobotsTxt_goToTheRedirectHandler_withTheQueryAsSent() throws Exception {
        http.send(HttpRequest.newBuilder(url("/?utm_source=a%20b&x")).build(), HttpResponse.BodyHandlers.ofString());
        APIGatewayV2HTTPEvent root = redirectEvent.get();
        http.send(HttpRequest.newBuilder(url("/robots.txt")).build(), HttpResponse.BodyHandlers.ofString());
        APIGatewayV2HTTPEvent robots = redirectEvent.get();

        assertEquals("$default", root.getRouteKey());
        assertEquals("/", root.getRawPath());
        assertEquals("utm_source=a%20b&x", root.getRawQueryString());
        assertNull(root.getPathParameters());
        assertEquals("$default", robots.getRouteKey());
        assertEquals("/robots.txt", robots.getRawPath());
    }

    @Test
    void head_reachesTheRedirectHandlerAsHead_andGetsNoBody() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(url("/aB3dE5f"))
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals("HEAD", redirectEvent.get().getRequestContext().getHttp().getMethod());
        assertEquals("$default", redirectEvent.get().getRouteKey());
        assertEquals(302, response.statusCode());
        assertEquals("", response.body());
    }

    @Test
    void handlerFailure_isA500_likeApiGateway() throws Exception {
        server.close();
        server = GatewayServer.bind(0);
        RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> failing = (event, context) -> {
            throw new IllegalStateException("boom");
        };
        server.start(failing, failing);

        HttpResponse<String> response =
                http.send(HttpRequest.newBuilder(url("/x")).build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(500, response.statusCode());
        assertEquals("{\"message\":\"Internal Server Error\"}", response.body());
    }

    @Test
    void busyPort_failsNamingThePortAndHowToPickAnother() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            RunnerException e = org.junit.jupiter.api.Assertions.assertThrows(
                    RunnerException.class, () -> GatewayServer.bind(taken.getLocalPort()));
            assertTrue(e.getMessage().contains("Port " + taken.getLocalPort() + " on 127.0.0.1 is already in use"));
            assertTrue(e.getMessage().contains("--port " + (taken.getLocalPort() + 1)));
        }
    }

    private URI url(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> recording(
            AtomicReference<APIGatewayV2HTTPEvent> into, APIGatewayV2HTTPResponse response) {
        return (event, context) -> {
            into.set(event);
            assertEquals(event.getRequestContext().getRequestId(), context.getAwsRequestId());
            return response;
        };
    }

    static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
