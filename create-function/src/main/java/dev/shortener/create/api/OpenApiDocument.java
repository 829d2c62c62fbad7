package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.http.HttpResponses;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * {@code GET /api/openapi.json}: the API's OpenAPI 3.1 document, the committed file {@code openapi.json} served as
 * it is. It needs no API key: it describes the API and holds no data or secret, and code generators, API
 * explorers and people fetch it before they have a key (the per-address rate limit still applies). The contract
 * tests send every operation it documents through the handler and check both sides against it.
 */
final class OpenApiDocument {

    static final String RESOURCE = "/openapi.json";
    private static final String TEXT = read();

    private OpenApiDocument() {}

    static APIGatewayV2HTTPResponse response() {
        return HttpResponses.response(200, "application/json", TEXT, Map.of("Cache-Control", "public, max-age=300"));
    }

    private static String read() {
        try (InputStream in = OpenApiDocument.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
