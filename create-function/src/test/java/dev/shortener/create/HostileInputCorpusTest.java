package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every entry of {@code hostile-inputs.json} (hostile and malformed create requests: schemes, userinfo,
 * control characters, lengths, homographs, loops to the own domain, IP literals in every spelling, malformed JSON,
 * wrong types, huge bodies) through the handler, checks each answer's status, problem type and field, and then
 * that the table holds none of them: not a link, not a reservation, not an idempotency record, not even a worker
 * lease (nothing was minted).
 *
 * <p>An entry gives its request as one of: {@code url} (body {@code {"url": ...}}), {@code alias} or
 * {@code expiresAt} (with a valid URL), {@code json} (an object), {@code body} (raw text), {@code bodyBase64}
 * (raw bytes), or {@code repeat} ({@code url}: a URL of exactly {@code length} characters; {@code body}:
 * prefix, {@code length} copies of the character, suffix); optionally {@code contentType} ("" for none) and
 * {@code headers}.
 */
class HostileInputCorpusTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String VALID_URL = "https://example.com/ok";

    @TestFactory
    Stream<DynamicTest> everyHostileInput_isRefused_andLeavesNothingInTheTable() throws IOException {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("corpus-owner");
        List<JsonNode> corpus = new ArrayList<>();
        JSON.readTree(resource("/hostile-inputs.json")).forEach(corpus::add);
        assertTrue(corpus.size() >= 100, "the corpus holds at least 100 inputs: " + corpus.size());

        Stream<DynamicTest> cases = corpus.stream()
                .map(entry -> DynamicTest.dynamicTest(entry.get("name").asText(), () -> {
                    Answer answer = bed.send(request(entry, key));
                    answer.assertProblem(
                            entry.get("status").asInt(), entry.get("type").asText());
                    if (entry.has("field")) {
                        answer.assertField(entry.get("field").asText());
                    }
                }));
        DynamicTest afterwards = DynamicTest.dynamicTest(
                "afterwards the table holds none of them",
                () -> assertEquals(
                        List.of("apikey#"),
                        bed.items().keySet().stream()
                                .map(pk -> pk.substring(0, pk.indexOf('#') + 1))
                                .distinct()
                                .toList(),
                        () -> "items: " + bed.items().keySet()));
        return Stream.concat(cases, Stream.of(afterwards));
    }

    private static APIGatewayV2HTTPEvent request(JsonNode entry, String key) {
        APIGatewayV2HTTPEvent event = Events.keyed(Events.CREATE, key);
        if (entry.has("bodyBase64")) {
            Events.withBase64Body(
                    event, Base64.getDecoder().decode(entry.get("bodyBase64").asText()));
        } else {
            Events.withBody(event, body(entry));
        }
        if (entry.has("contentType")) {
            String type = entry.get("contentType").asText();
            Events.withHeader(event, "content-type", type.isEmpty() ? null : type);
        }
        if (entry.has("headers")) {
            entry.get("headers")
                    .properties()
                    .forEach(header -> Events.withHeader(
                            event, header.getKey(), header.getValue().asText()));
        }
        return event;
    }

    private static String body(JsonNode entry) {
        ObjectNode object = JSON.createObjectNode();
        if (entry.has("url")) {
            return object.put("url", entry.get("url").asText()).toString();
        }
        if (entry.has("alias")) {
            return object.put("url", VALID_URL)
                    .put("alias", entry.get("alias").asText())
                    .toString();
        }
        if (entry.has("expiresAt")) {
            return object.put("url", VALID_URL)
                    .put("expiresAt", entry.get("expiresAt").asText())
                    .toString();
        }
        if (entry.has("json")) {
            return entry.get("json").toString();
        }
        if (entry.has("body")) {
            return entry.get("body").asText();
        }
        JsonNode repeat = entry.get("repeat");
        String prefix = repeat.get("prefix").asText();
        String unit = repeat.get("char").asText();
        int length = repeat.get("length").asInt();
        if (repeat.get("field").asText().equals("url")) {
            return object.put("url", prefix + unit.repeat(length - prefix.length()))
                    .toString();
        }
        return prefix + unit.repeat(length) + repeat.path("suffix").asText("");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = HostileInputCorpusTest.class.getResourceAsStream(name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
