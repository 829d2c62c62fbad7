package dev.shortener.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.Context;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StructuredLogTest {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void writesOneJsonLinePerEvent_withRequestIdColdStartAndFields() throws Exception {
        var buffer = new ByteArrayOutputStream();
        var log = new StructuredLog("redirect", new PrintStream(buffer, true, StandardCharsets.UTF_8));

        boolean first = log.startInvocation();
        log.info("redirected", context("req-1"), first, Map.of("outcome", "hit"));
        boolean second = log.startInvocation();
        log.info("redirected", context("req-2"), second, Map.of("outcome", "miss"));

        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(2, lines.length);
        JsonNode line = JSON.readTree(lines[0]);
        assertEquals("INFO", line.get("level").asText());
        assertEquals("redirected", line.get("message").asText());
        assertEquals("redirect", line.get("service").asText());
        assertEquals("req-1", line.get("function_request_id").asText());
        assertTrue(line.get("cold_start").asBoolean());
        assertEquals("hit", line.get("outcome").asText());
        assertFalse(JSON.readTree(lines[1]).get("cold_start").asBoolean());
    }

    @Test
    void linesBelowTheMinimumLevel_areNotWritten_asLambdaWouldDropThem() {
        var buffer = new ByteArrayOutputStream();
        var log = new StructuredLog(
                "redirect", new PrintStream(buffer, true, StandardCharsets.UTF_8), StructuredLog.Level.INFO);

        log.write(StructuredLog.Level.DEBUG, "request", context("req-1"), false, Map.of());
        log.write(StructuredLog.Level.WARN, "request", context("req-2"), false, Map.of());

        String[] lines = buffer.toString(StandardCharsets.UTF_8).split("\n");
        assertEquals(1, lines.length);
        assertTrue(lines[0].contains("req-2"));
    }

    @Test
    void theMinimumFollowsLambdasLogLevelVariable() {
        assertEquals(StructuredLog.Level.DEBUG, StructuredLog.Level.fromLambda(null));
        assertEquals(StructuredLog.Level.DEBUG, StructuredLog.Level.fromLambda("TRACE"));
        assertEquals(StructuredLog.Level.INFO, StructuredLog.Level.fromLambda("info"));
        assertEquals(StructuredLog.Level.WARN, StructuredLog.Level.fromLambda("WARN"));
        assertEquals(StructuredLog.Level.ERROR, StructuredLog.Level.fromLambda("FATAL"));
    }

    /** A Context that knows only its request id (the only part the log reads). */
    static Context context(String requestId) {
        return (Context) Proxy.newProxyInstance(
                Context.class.getClassLoader(),
                new Class<?>[] {Context.class},
                (proxy, method, args) -> "getAwsRequestId".equals(method.getName()) ? requestId : null);
    }
}
