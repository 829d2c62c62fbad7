package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * GET / with {@code RootRedirectUrl} set is answered by the viewer-request function itself: a parameter change
 * republishes a CloudFront function at once, where the redirect function's live alias would need a new version
 * (and its version description has no room for a URL). Run on Node.js through {@link CloudFrontFunctionHarness}.
 */
class RootRedirectAtTheEdgeTest {

    private static final CloudFrontFunctionHarness NODE = new CloudFrontFunctionHarness("node");
    private static final String ROOT = "https://www.example.com/welcome?from=short#top";

    @Test
    void theBareDomainRedirectsToRootRedirectUrl_atTheEdge() {
        String code = AcceptNormalisationTest.functionCode(Map.of("RootRedirectUrl", ROOT));

        JsonNode answer =
                NODE.viewerRequests(code, List.of("text/html"), null, "/").get(0);

        assertEquals(302, answer.path("statusCode").asInt());
        assertEquals(ROOT, answer.path("headers").path("location").path("value").asText());
        assertEquals(
                "private, max-age=0",
                answer.path("headers").path("cache-control").path("value").asText());
    }

    @Test
    void shortCodesStillGoOnToTheOrigin_withTheRootRedirectSet() {
        String code = AcceptNormalisationTest.functionCode(Map.of("RootRedirectUrl", ROOT));

        JsonNode request = NODE.viewerRequests(code, List.of("text/html"), null, "/aB3dE5f")
                .get(0);

        assertFalse(request.has("statusCode"));
        assertEquals("/aB3dE5f", request.path("uri").asText());
    }

    @Test
    void withoutRootRedirectUrl_theBareDomainGoesOnToTheRedirectFunctionsPage() {
        String code = AcceptNormalisationTest.functionCode(Map.of());

        JsonNode request =
                NODE.viewerRequests(code, List.of("text/html"), null, "/").get(0);

        assertFalse(request.has("statusCode"));
        assertEquals("/", request.path("uri").asText());
    }

    @Test
    void theParameterAdmitsNothingThatCouldBreakOutOfTheStringLiteral() {
        Pattern allowed = Pattern.compile(Template.load()
                .section("Parameters")
                .path("RootRedirectUrl")
                .path("AllowedPattern")
                .asText());

        assertTrue(allowed.matcher("").matches());
        assertTrue(allowed.matcher(ROOT).matches());
        for (String hostile : List.of(
                "https://example.com/';alert(1);'",
                "https://example.com/\";x",
                "https://example.com/\\u0027",
                "https://example.com/<script>",
                "https://example.com/ a",
                "javascript:alert(1)")) {
            assertFalse(allowed.matcher(hostile).matches(), hostile);
        }
    }
}
