package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** A handler response, with the assertions tests make over and over. */
record Answer(APIGatewayV2HTTPResponse response) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static final String PROBLEM_PREFIX = "tag:url-shortener,2026:problem/";

    int status() {
        return response.getStatusCode();
    }

    String header(String name) {
        return response.getHeaders() == null ? null : response.getHeaders().get(name);
    }

    JsonNode json() {
        try {
            return JSON.readTree(response.getBody());
        } catch (JsonProcessingException e) {
            throw new AssertionError("not JSON: " + response.getBody(), e);
        }
    }

    String text(String member) {
        JsonNode value = json().get(member);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * Asserts a problem+json answer of this status and type: every RFC 9457 member present, the status repeated
     * in the body, a detail for people, nothing that looks like a Java exception.
     */
    Answer assertProblem(int status, String type) {
        assertEquals(status, status(), () -> "status; body " + response.getBody());
        assertEquals("application/problem+json", header("Content-Type"));
        assertEquals("no-store", header("Cache-Control"));
        JsonNode body = json();
        assertEquals(PROBLEM_PREFIX + type, body.path("type").asText(), () -> "type; body " + response.getBody());
        assertFalse(body.path("title").asText().isBlank(), "title");
        assertEquals(status, body.path("status").asInt(), "status member");
        assertFalse(body.path("detail").asText().isBlank(), "detail");
        assertNoInternals();
        return this;
    }

    Answer assertField(String field) {
        assertEquals(field, text("field"), () -> "field; body " + response.getBody());
        return this;
    }

    /** The query parameter a problem names. */
    Answer assertParameter(String parameter) {
        assertEquals(parameter, text("parameter"), () -> "parameter; body " + response.getBody());
        return this;
    }

    /** No stack trace, no exception class, no library message. */
    void assertNoInternals() {
        String body = String.valueOf(response.getBody());
        for (String marker :
                new String[] {"Exception", "\tat ", "java.", "software.amazon", "redis.clients", "Caused by"}) {
            assertFalse(body.contains(marker), () -> "internals (" + marker + ") in " + body);
        }
    }

    Answer assertStatus(int expected) {
        assertEquals(expected, status(), () -> "status; body " + response.getBody());
        return this;
    }

    String code() {
        String code = text("code");
        assertNotNull(code, () -> "no code in " + response.getBody());
        assertTrue(!code.isEmpty());
        return code;
    }
}
