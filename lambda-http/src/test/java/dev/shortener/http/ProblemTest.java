package dev.shortener.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

class ProblemTest {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final ProblemType INVALID_URL = ProblemType.named("invalid-url", "Invalid URL", 400);

    @Test
    void serialises_asRfc9457_withExtensionMembers_andWithoutNulls() throws Exception {
        Problem problem = Problem.of(INVALID_URL, "Only http and https URLs can be shortened.")
                .with("field", "url");

        JsonNode json = JSON.readTree(problem.toJson());

        assertEquals(
                "tag:url-shortener,2026:problem/invalid-url", json.get("type").asText());
        assertEquals("Invalid URL", json.get("title").asText());
        assertEquals(400, json.get("status").asInt());
        assertEquals(
                "Only http and https URLs can be shortened.", json.get("detail").asText());
        assertEquals("url", json.get("field").asText());
        assertFalse(json.has("instance"));
        assertFalse(json.has("extensions"));
    }

    @Test
    void response_hasTheProblemMediaType_andIsNeverCached() {
        var response = HttpResponses.problem(Problem.of(ProblemType.NOT_FOUND, "No link has this code."));

        assertEquals(404, response.getStatusCode());
        assertEquals("application/problem+json", response.getHeaders().get("Content-Type"));
        assertEquals("no-store", response.getHeaders().get("Cache-Control"));
    }

    @Test
    void onlyErrorStatusesMakeProblems() {
        assertThrows(IllegalArgumentException.class, () -> new Problem("about:blank", "OK", 200, null, null, null));
    }
}
