package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.redirect.http.RedirectRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The CloudFront function in template.yaml (NormaliseAcceptFunction) against the redirect function's own reading
 * of Accept. The function replaces Accept, which is in the short-code cache key, with one of two values; the
 * redirect function then only ever sees those two. So each value the function picks must get the answer (HTML
 * page or problem+json) that the viewer's own header would have got, and each must map to itself.
 *
 * <p>The Java side goes through {@link RedirectRequest#prefersJson()}, the public path the handler takes to the
 * package-private {@code AcceptHeader}: no visibility changes. The JavaScript side runs on Node.js as CloudFront
 * calls it ({@link CloudFrontFunctionHarness}).
 */
class AcceptNormalisationTest {

    private static final String JSON_TYPE = "application/problem+json";
    private static final String HTML_TYPE = "text/html";

    /** Accept headers as viewers send them (null: none), from real clients to junk. */
    private static final List<String> CORPUS = Arrays.asList(
            // Browsers navigating: all get the page.
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/apng,*/*;q=0.8,"
                    + "application/signed-exchange;v=b3;q=0.7", // Chrome, Edge, Opera, Brave, Samsung Internet
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,image/png,image/svg+xml,"
                    + "*/*;q=0.8", // Firefox 128+
            "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8", // Firefox 92-127
            "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8", // Safari, Googlebot
            "text/html, application/xhtml+xml, image/jxr, */*", // Internet Explorer 11, old Edge
            "text/html, application/xml;q=0.9, application/xhtml+xml, image/png, image/webp, image/jpeg, image/gif,"
                    + " image/x-xbitmap, */*;q=0.1", // Opera (Presto)
            // Tools and libraries.
            "*/*", // curl, wget, fetch() and undici, Python requests, Go's http.Get sends none
            "application/json, text/plain, */*", // axios
            "application/json, */*;q=0.5", // HTTPie
            "text/html, image/gif, image/jpeg, *; q=.2, */*; q=.2", // Java's HttpURLConnection
            "application/json",
            "application/problem+json",
            "application/problem+json, application/json;q=0.9, */*;q=0.1",
            "text/html",
            "text/*",
            "image/*",
            "application/xml",
            "text/plain",
            // Missing, empty, blank.
            null,
            "",
            " ",
            "\t",
            ",",
            ";",
            ";q=1",
            ", ,",
            // Specificity: exact > type/* > */*; a tie in q goes to the more specific range, and named types tie.
            "application/*",
            "application/*, text/html;q=0.9",
            "application/*, text/*",
            "application/json, text/*",
            "text/*, application/*;q=0.9",
            "application/json, text/html",
            "text/html, application/json",
            "*/*, application/json",
            "*/*;q=0.9, application/*;q=0.9",
            "application/json;q=0.5, */*;q=0.5",
            "text/html;q=0.5, */*",
            // problem+json against json.
            "application/json;q=0.4, application/problem+json;q=0.6, text/html;q=0.5",
            "application/problem+json;q=0.4, application/json;q=0.6, text/html;q=0.5",
            "application/problem+json;q=0.5, text/html;q=0.5",
            "application/problem+json, text/html",
            "application/problem+json;q=0.9, application/json, text/html;q=0.95",
            "application/problem+xml, text/html;q=0.1",
            // q = 0 refuses a type.
            "application/json;q=0",
            "application/json;q=0, */*",
            "text/html;q=0, */*",
            "text/html;q=0, application/json;q=0",
            "application/json, text/html;q=0",
            "*/*;q=0",
            "application/*;q=0, */*",
            "application/json;q=0.000, text/html;q=0.001",
            // q-value edge cases.
            "application/json;q=1.0, text/html;q=0.999",
            "application/json;q=1.000, text/html",
            "text/html;q=1.5, application/json;q=0.5",
            "text/html;q=-1, application/json;q=0.1",
            "text/html;q=abc, application/json;q=0.001",
            "application/json;q=, text/html",
            "application/json;q= 0.5, text/html;q=0.4",
            "application/json; Q=0.5, text/html; q=0.4",
            "application/json;level=1;q=0.2, text/html;q=0.3",
            "application/json;q=0.5;q=0.1, text/html;q=0.3",
            "application/json;q=.5, text/html;q=0.4",
            "application/json;q=1., text/html;q=0.9",
            "application/json;q=+0.5, text/html;q=0.4",
            "application/json;q=-0, text/html;q=0",
            "application/json;q=1e0, text/html;q=0.9",
            "application/json;q=5e-1, text/html;q=0.4",
            "application/json;q=0.5f, text/html;q=0.4",
            "application/json;q=0.5D, text/html;q=0.4",
            "application/json;q=0x1p-1, text/html;q=0.4",
            "application/json;q=0X.8P0, text/html;q=0.5",
            "application/json;q=0x1.8p-1d, text/html;q=0.7",
            "application/json;q=-0x1p-1, text/html;q=0",
            "application/json;q=0xp-1, text/html;q=0",
            "application/json;q=0x1, text/html;q=0",
            "application/json;q=0b1, text/html;q=0",
            "application/json;q=NaN, text/html;q=0",
            "application/json;q=Infinity, text/html;q=0",
            "application/json;q=1e400, text/html;q=0",
            "application/json;q=1e-400, text/html;q=0",
            "application/json;q=0.1_0, text/html;q=0",
            "application/json;q = 0.9, text/html;q=0.5",
            "application/json;q=0.30000000000000004, text/html;q=0.3",
            "application/json;q=0.10000000000000001, text/html;q=0.1",
            "application/json;q=0.3, application/json;q=0.9, text/html;q=0.5",
            "application/json;charset=utf-8, text/html;q=0.9",
            // Case and whitespace.
            "APPLICATION/JSON",
            "Application/Problem+JSON, Text/HTML;Q=0.1",
            "TEXT/HTML, APPLICATION/JSON",
            "  application/json  ,  text/html ; q=0.5 ",
            "application/json\t;\tq=0.9,\ttext/html;q=0.8",
            "\u0001application/json", // Java's trim takes control characters
            "\u00a0application/json", // ...but not a no-break space (JavaScript's trim would)
            "application/json\u3000",
            "text / html, application/json;q=0.1",
            // Junk.
            "garbage",
            "/",
            "*/",
            "/*",
            "application/",
            "application/json/extra",
            "text/html application/json",
            "application/jsonp, application/json5, application/vnd.api+json, application/x-json",
            "\u00e9/\u00e9, application/\u212ason",
            "application/json;;;q=0.5;;, text/html;q=0.4",
            ",,,application/json,,,",
            // Very long.
            "image/x-junk;q=0.1,".repeat(500) + "application/json",
            "text/html;q=0.2," + "application/x-junk,".repeat(400) + "application/*;q=0.3",
            "application/json;" + "p=v;".repeat(1000) + "q=0.1, text/html;q=0.2");

    private static final CloudFrontFunctionHarness NODE = new CloudFrontFunctionHarness("node");

    private static String functionCode;

    @BeforeAll
    static void load() {
        functionCode = functionCode(Map.of());
        assertFalse(functionCode.isBlank(), "NormaliseAcceptFunction has no FunctionCode");
    }

    /** The function's code as CloudFormation writes it for these parameters (their defaults otherwise). */
    static String functionCode(Map<String, String> parameters) {
        Template template = Template.load();
        return new TemplateValues(template, parameters)
                .string(template.properties(TemplateTrapsTest.NORMALISE_ACCEPT).path("FunctionCode"));
    }

    @Test
    void canonicalAcceptGetsTheAnswerTheViewersOwnWouldHave_forEveryHeaderInTheCorpus() {
        List<JsonNode> requests = NODE.viewerRequests(functionCode, CORPUS);

        List<String> problems = new ArrayList<>();
        int json = 0;
        for (int i = 0; i < CORPUS.size(); i++) {
            String original = CORPUS.get(i);
            String canonical = canonicalAccept(requests.get(i), original);
            boolean expected = prefersJson(original);
            json += expected ? 1 : 0;
            if (!canonical.equals(expected ? JSON_TYPE : HTML_TYPE) || prefersJson(canonical) != expected) {
                problems.add(abbreviate(original) + " -> " + canonical + ", but the redirect function answers it with "
                        + (expected ? "problem+json" : "the page"));
            }
        }

        assertEquals(List.of(), problems);
        System.out.printf(
                "%d Accept headers: %d get problem+json, %d the page%n", CORPUS.size(), json, CORPUS.size() - json);
        assertTrue(json > 10 && CORPUS.size() - json > 10, "the corpus must exercise both answers");
    }

    @Test
    void canonicalValuesMapToThemselves() {
        List<JsonNode> requests = NODE.viewerRequests(functionCode, List.of(JSON_TYPE, HTML_TYPE));

        assertEquals(JSON_TYPE, canonicalAccept(requests.get(0), JSON_TYPE));
        assertEquals(HTML_TYPE, canonicalAccept(requests.get(1), HTML_TYPE));
        assertTrue(prefersJson(JSON_TYPE));
        assertFalse(prefersJson(HTML_TYPE));
    }

    /**
     * A header sent several times reaches the redirect function through API Gateway joined with commas, so the
     * function judges the values joined; it leaves a single value (a changed {@code value} alone would keep the
     * other copies).
     */
    @Test
    void acceptSentSeveralTimes_isJudgedJoinedAndLeftAsOneValue() {
        List<List<String>> repeated = List.of(
                List.of("application/json", "text/html;q=0.5"),
                List.of("text/html", "application/json"),
                List.of("text/html;q=0.1", "application/*"),
                List.of("*/*", "application/json"));

        List<JsonNode> requests = NODE.viewerRequests(functionCode, repeated);

        for (int i = 0; i < repeated.size(); i++) {
            String joined = String.join(",", repeated.get(i));
            JsonNode accept = requests.get(i).path("headers").path("accept");
            String expected = prefersJson(joined) ? JSON_TYPE : HTML_TYPE;
            assertEquals(expected, accept.path("value").asText(), joined);
            assertEquals(1, accept.path("multiValue").size(), joined + ": " + accept);
            assertEquals(
                    expected, accept.path("multiValue").get(0).path("value").asText(), joined);
        }
    }

    /**
     * The short-code cache key holds the query string and forwarding links pass it on to their destination: the
     * function must hand CloudFront the query, escapes and repeated names included, exactly as the viewer sent it.
     */
    @Test
    void theQueryStringIsLeftExactlyAsSent_forTheCacheKeyAndTheOrigin() throws Exception {
        JsonNode querystring = new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree("{\"utm_source\":{\"value\":\"news%20letter\"},"
                        + "\"ref\":{\"value\":\"%E2%9C%93\"},"
                        + "\"a\":{\"value\":\"1\",\"multiValue\":[{\"value\":\"1\"},{\"value\":\"2\"}]},"
                        + "\"flag\":{\"value\":\"\"}}");

        List<JsonNode> requests =
                NODE.viewerRequests(functionCode, List.of("text/html", "application/json"), querystring);

        for (JsonNode request : requests) {
            assertEquals(querystring, request.path("querystring"));
            assertEquals("/aB3dE5f", request.path("uri").asText());
        }
    }

    @Test
    void harnessFailsSayingSo_whenNodeIsMissing() {
        CloudFrontFunctionHarness missing = new CloudFrontFunctionHarness("node-not-installed-here");

        AssertionError error =
                assertThrows(AssertionError.class, () -> missing.viewerRequests(functionCode, List.of("*/*")));

        assertTrue(error.getMessage().contains("Node.js"), error.getMessage());
    }

    /** The Accept the function left on the request, after checking it changed nothing else. */
    private static String canonicalAccept(JsonNode request, String original) {
        String where = "for Accept " + abbreviate(original);
        assertEquals("GET", request.path("method").asText(), where);
        assertEquals("/aB3dE5f", request.path("uri").asText(), where);
        assertEquals(
                "d111111abcdef8.cloudfront.net",
                request.path("headers").path("host").path("value").asText(),
                where);
        assertEquals(
                "harness",
                request.path("headers").path("user-agent").path("value").asText(),
                where);
        JsonNode accept = request.path("headers").path("accept");
        assertTrue(accept.path("multiValue").isMissingNode(), where + ": multiValue only when it came with one");
        return accept.path("value").asText(null);
    }

    /** The redirect function's decision, through the path its handler takes. */
    private static boolean prefersJson(String accept) {
        APIGatewayV2HTTPEvent event = new APIGatewayV2HTTPEvent();
        event.setRawPath("/aB3dE5f");
        if (accept != null) {
            event.setHeaders(Map.of("accept", accept));
        }
        return RedirectRequest.from(event).prefersJson();
    }

    private static String abbreviate(String accept) {
        if (accept == null) {
            return "(none)";
        }
        StringBuilder escaped = new StringBuilder("\"");
        accept.chars()
                .forEach(c ->
                        escaped.append(c >= 0x20 && c < 0x7f ? String.valueOf((char) c) : String.format("\\u%04x", c)));
        String quoted = escaped.append('"').toString();
        return quoted.length() > 120 ? quoted.substring(0, 100) + "...\" (" + accept.length() + " characters)" : quoted;
    }
}
