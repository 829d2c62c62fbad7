package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.create.OpenApiContract.Operation;
import dev.shortener.create.api.Problems;
import dev.shortener.create.domain.Reason;
import dev.shortener.http.ProblemType;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The contract: every operation the OpenAPI document lists under {@code /api} is sent through the real handler
 * (on dynalite and redis-server), its request checked against the document where the test means it to be valid,
 * and every answer checked against the document, error answers included. A change to the handler that the
 * document does not follow (or the reverse) fails here.
 */
class OpenApiContractTest {

    private static final OpenApiContract CONTRACT = new OpenApiContract();

    private final Set<Operation> exercised = new HashSet<>();
    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    @Test
    void everyDocumentedOperation_answersAsTheDocumentSays() {
        // The document itself, without a key.
        Answer document = valid(Events.load(Events.OPENAPI)).assertStatus(200);
        assertEquals(CONTRACT.document, document.json(), "the handler serves the committed document");

        // Create: minted, alias with expiry and tags, and refusals.
        valid(withKey(Events.CREATE)).assertStatus(201);
        valid(body(
                        withKey(Events.CREATE),
                        "{\"url\":\"https://shop.example/sale/winter\",\"alias\":\"winter-sale\","
                                + "\"expiresAt\":\"2027-01-31T23:59:59Z\",\"tags\":[\"winter\"]}"))
                .assertStatus(201);
        valid(body(withKey(Events.CREATE), "{\"url\":\"https://other.example/\",\"alias\":\"winter-sale\"}"))
                .assertStatus(409);
        valid(body(withKey(Events.CREATE), "{\"url\":\"ftp://files.example/\"}"))
                .assertStatus(422);
        invalid(body(withKey(Events.CREATE), "{\"url\":\"https://a.example/\",\"extra\":1}"))
                .assertStatus(400);
        invalid(Events.load(Events.CREATE)).assertStatus(401);
        invalid(Events.withHeader(withKey(Events.CREATE), "content-type", "text/plain"))
                .assertStatus(415);
        invalid(body(withKey(Events.CREATE), "{\"url\":\"" + "a".repeat(20_000) + "\"}"))
                .assertStatus(413);

        // Read, change, stats, QR.
        valid(withKey(Events.GET)).assertStatus(200);
        valid(Events.forCode(withKey(Events.GET), "nope-123")).assertStatus(404);
        valid(withKey(Events.UPDATE)).assertStatus(200);
        valid(body(withKey(Events.UPDATE), "{\"tags\":[\"a\",\"b\"]}")).assertStatus(200);
        invalid(body(withKey(Events.UPDATE), "{}")).assertStatus(400);
        valid(withKey(Events.STATS)).assertStatus(200);
        valid(withKey(Events.QR)).assertStatus(200);
        valid(Events.withQuery(withKey(Events.QR), "format=svg&size=128")).assertStatus(200);
        invalid(Events.withQuery(withKey(Events.QR), "size=9")).assertStatus(400);

        // List: pages, filters, a bad cursor.
        Answer page = valid(Events.withQuery(withKey(Events.LIST), "limit=1")).assertStatus(200);
        valid(Events.withQuery(withKey(Events.LIST), "limit=1&cursor=" + page.text("next")))
                .assertStatus(200);
        valid(withKey(Events.LIST)).assertStatus(200);
        valid(Events.withQuery(withKey(Events.LIST), "status=deleted&q=win&createdAfter=2026-01-01T00:00:00Z"))
                .assertStatus(200);
        valid(Events.withQuery(withKey(Events.LIST), "cursor=forged")).assertStatus(400);
        invalid(Events.withQuery(withKey(Events.LIST), "limit=500")).assertStatus(400);

        // Bulk: mixed results, a replay, a request over the limit.
        valid(withKey(Events.BULK)).assertStatus(200);
        valid(withKey(Events.BULK)).assertStatus(200);
        StringBuilder tooMany = new StringBuilder("{\"links\":[");
        for (int i = 0; i <= 100; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"url\":\"https://example.com/\"}");
        }
        invalid(body(withKey(Events.BULK), tooMany.append("]}").toString())).assertStatus(422);

        // Delete, then the link is gone; the analytics route (its own branch answers it; here the 404 it documents).
        valid(withKey(Events.DELETE)).assertStatus(204);
        valid(withKey(Events.DELETE)).assertStatus(404);
        valid(Events.at(withKey(Events.GET), "GET", "/api/stats"));

        Set<String> missing = new TreeSet<>();
        CONTRACT.apiOperations().stream()
                .filter(operation -> !exercised.contains(operation))
                .forEach(operation -> missing.add(operation.method() + " " + operation.path()));
        assertEquals(Set.of(), missing, "documented operations no test sent");
    }

    @Test
    void theCheck_failsWhenTheHandlerAnswersWhatTheDocumentDoesNotSay() {
        bed.send(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key)).assertStatus(201);
        APIGatewayV2HTTPResponse real = bed.send(Events.keyed(Events.GET, key)).response();
        assertEquals(List.of(), CONTRACT.responseErrors("GET", "/api/links/winter-sale", real));

        APIGatewayV2HTTPResponse extraMember =
                copy(real, 200, real.getBody().replace("{\"code\"", "{\"owner\":\"x\",\"code\""));
        APIGatewayV2HTTPResponse missingMember = copy(real, 200, real.getBody().replaceAll(",\"clickCount\":\\d+", ""));
        APIGatewayV2HTTPResponse wrongType =
                copy(real, 200, real.getBody().replace("\"status\":\"active\"", "\"status\":1"));
        APIGatewayV2HTTPResponse undocumentedStatus = copy(real, 202, real.getBody());

        assertFalse(CONTRACT.responseErrors("GET", "/api/links/winter-sale", extraMember)
                .isEmpty());
        assertFalse(CONTRACT.responseErrors("GET", "/api/links/winter-sale", missingMember)
                .isEmpty());
        assertFalse(CONTRACT.responseErrors("GET", "/api/links/winter-sale", wrongType)
                .isEmpty());
        assertFalse(CONTRACT.responseErrors("GET", "/api/links/winter-sale", undocumentedStatus)
                .isEmpty());
        assertFalse(CONTRACT.requestErrors(Events.withQuery(Events.keyed(Events.LIST, key), "sort=asc"))
                .isEmpty());
    }

    @Test
    void everyProblemTypeTheApiAnswersWith_isInTheDocument() throws Exception {
        Set<String> documented = new HashSet<>();
        CONTRACT.document
                .path("components")
                .path("schemas")
                .path("Problem")
                .path("properties")
                .path("type")
                .path("enum")
                .forEach(type -> documented.add(type.asText()));
        List<String> answered = new ArrayList<>();
        for (Field field : Problems.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ProblemType.class) {
                answered.add(((ProblemType) field.get(null)).uri());
            }
        }
        for (Reason reason : Reason.values()) {
            answered.add(Problems.of(reason).uri());
        }

        assertTrue(answered.size() > 30);
        assertEquals(
                Set.of(),
                answered.stream()
                        .filter(type -> !documented.contains(type))
                        .collect(java.util.stream.Collectors.toSet()));
        assertEquals(new HashSet<>(answered), documented, "and the document lists no type the API never answers");
    }

    private APIGatewayV2HTTPEvent withKey(String event) {
        return Events.keyed(event, key);
    }

    private static APIGatewayV2HTTPEvent body(APIGatewayV2HTTPEvent event, String body) {
        return Events.withHeader(Events.withBody(event, body), "idempotency-key", null);
    }

    /** A request the document describes: checked, sent, and its answer checked. */
    private Answer valid(APIGatewayV2HTTPEvent event) {
        assertEquals(List.of(), CONTRACT.requestErrors(event), () -> "request " + event.getRawPath());
        return invalid(event);
    }

    /** A request the document does not describe (a refusal is the point): only its answer is checked. */
    private Answer invalid(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext().getHttp().getMethod();
        String path = event.getRawPath();
        Answer answer = bed.send(event);
        assertEquals(
                List.of(),
                CONTRACT.responseErrors(method, path, answer.response()),
                () -> method + " " + path + " answered " + answer.status() + " "
                        + answer.response().getBody());
        Operation operation = CONTRACT.operationOf(method, path);
        if (operation != null) {
            exercised.add(operation);
        }
        return answer;
    }

    private static APIGatewayV2HTTPResponse copy(APIGatewayV2HTTPResponse response, int status, String body) {
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(response.getHeaders())
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
