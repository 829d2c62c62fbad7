package dev.shortener.create.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

/**
 * Reads a request body as one JSON object, refusing in this order: a body that is not JSON (415), one over
 * {@link #MAX_BYTES} (413), and one that is not a single well-formed JSON object in UTF-8 (400). Strict on purpose:
 * a repeated member or trailing data would leave room to read the request two ways.
 */
final class JsonBodies {

    /** Far more than any valid request needs (a URL is at most 8 KiB), small enough to parse cheaply. */
    static final int MAX_BYTES = 16 * 1024;

    static final Set<String> JSON = Set.of("application/json");
    /** PATCH bodies are merge patches (RFC 7396): {@code "expiresAt": null} removes the expiry. */
    static final Set<String> JSON_OR_MERGE_PATCH = Set.of("application/json", "application/merge-patch+json");

    private static final ObjectReader READER = ApiJson.MAPPER
            .reader()
            .with(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private JsonBodies() {}

    static ObjectNode readObject(ApiRequest request, Set<String> mediaTypes) {
        return readObject(request, mediaTypes, MAX_BYTES);
    }

    /** As {@link #readObject(ApiRequest, Set)} with another size limit (a bulk request's). */
    static ObjectNode readObject(ApiRequest request, Set<String> mediaTypes, int maxBytes) {
        requireMediaType(request.header("content-type"), mediaTypes);
        if (!request.hasBody()) {
            throw ApiProblem.of(Problems.MALFORMED_JSON, "The request needs a JSON object as its body.");
        }
        if (request.body().length > maxBytes) {
            throw ApiProblem.of(
                    Problems.PAYLOAD_TOO_LARGE,
                    "The body is " + request.body().length + " bytes; the limit is " + maxBytes + " bytes.");
        }
        JsonNode node;
        try {
            node = READER.readTree(utf8(request.body()));
        } catch (JsonProcessingException e) {
            var at = e.getLocation();
            throw ApiProblem.of(
                    Problems.MALFORMED_JSON,
                    "The body is not valid JSON"
                            + (at == null ? "" : " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")")
                            + "; it must be one JSON object, each member named once.");
        }
        if (node == null || !node.isObject()) {
            throw ApiProblem.of(
                    Problems.MALFORMED_JSON,
                    "The body must be a JSON object, such as {\"url\": \"https://example.com/\"}.");
        }
        return (ObjectNode) node;
    }

    private static void requireMediaType(String contentType, Set<String> accepted) {
        String shown = String.join(" or ", accepted.stream().sorted().toList());
        if (contentType == null || contentType.isBlank()) {
            throw ApiProblem.of(Problems.UNSUPPORTED_MEDIA_TYPE, "Send the body with Content-Type: " + shown + ".");
        }
        String[] parts = contentType.split(";");
        String type = parts[0].strip().toLowerCase(Locale.ROOT);
        for (int i = 1; i < parts.length; i++) {
            String[] parameter = parts[i].strip().split("=", 2);
            if (parameter[0].strip().equalsIgnoreCase("charset")
                    && (parameter.length < 2
                            || !parameter[1].strip().replace("\"", "").equalsIgnoreCase("utf-8"))) {
                throw ApiProblem.of(Problems.UNSUPPORTED_MEDIA_TYPE, "JSON bodies must be UTF-8.");
            }
        }
        if (!accepted.contains(type)) {
            throw ApiProblem.of(
                    Problems.UNSUPPORTED_MEDIA_TYPE,
                    "Send the body with Content-Type: " + shown + ", not " + Problems.shorten(type) + ".");
        }
    }

    private static String utf8(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            throw ApiProblem.of(Problems.MALFORMED_JSON, "The body is not valid UTF-8.");
        }
    }
}
