package dev.shortener.create;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.IntNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks requests and responses against the committed OpenAPI 3.1 document ({@code openapi.json}, the file the
 * handler serves). Schemas are validated by networknt's json-schema-validator in the JSON Schema 2020-12 dialect,
 * which is OpenAPI 3.1's: swagger-request-validator (2.44.1) validates with a draft-4 validator and reads 3.1's
 * type arrays ({@code ["string", "null"]}) and {@code const} wrongly, so it can't check a 3.1 document. What this
 * class adds is the OpenAPI part: finding the operation (a literal path before a templated one), its parameters,
 * its request body by media type, and its response by status and media type. Anything the document does not say
 * is an error: an undocumented status, media type, query parameter or member.
 */
final class OpenApiContract {

    static final String RESOURCE = "openapi.json";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory SCHEMAS = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
    private static final SchemaValidatorsConfig CONFIG =
            SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();

    final JsonNode document;
    private final Map<String, JsonSchema> compiled = new ConcurrentHashMap<>();

    OpenApiContract() {
        try (InputStream in = OpenApiContract.class.getResourceAsStream("/" + RESOURCE)) {
            document = JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A documented operation: its path template and method. */
    record Operation(String path, String method) {
        JsonNode in(JsonNode document) {
            return document.path("paths").path(path).path(method.toLowerCase(Locale.ROOT));
        }
    }

    /** Every operation the document lists under {@code /api}. */
    Set<Operation> apiOperations() {
        Set<Operation> operations = new TreeSet<>((a, b) -> (a.path + a.method).compareTo(b.path + b.method));
        document.path("paths").fields().forEachRemaining(path -> {
            if (path.getKey().startsWith("/api/")) {
                path.getValue().fieldNames().forEachRemaining(method -> {
                    if (!method.equals("parameters")) {
                        operations.add(new Operation(path.getKey(), method.toUpperCase(Locale.ROOT)));
                    }
                });
            }
        });
        return operations;
    }

    /** The operation a request is for, or null when the document has none for its path and method. */
    Operation operationOf(String method, String rawPath) {
        Operation templated = null;
        for (Iterator<String> paths = document.path("paths").fieldNames(); paths.hasNext(); ) {
            String template = paths.next();
            if (!document.path("paths").path(template).has(method.toLowerCase(Locale.ROOT))) {
                continue;
            }
            if (template.equals(rawPath)) {
                return new Operation(template, method);
            }
            if (templated == null
                    && rawPath.matches(template.replace("+", "\\+").replaceAll("\\{[^}]+}", "[^/]+"))) {
                templated = new Operation(template, method);
            }
        }
        return templated;
    }

    /** What is wrong with {@code event} as a request the document describes; empty when nothing is. */
    List<String> requestErrors(APIGatewayV2HTTPEvent event) {
        String method = event.getRequestContext().getHttp().getMethod();
        Operation operation = operationOf(method, event.getRawPath());
        if (operation == null) {
            return List.of("no operation " + method + " " + event.getRawPath());
        }
        List<String> errors = new ArrayList<>();
        JsonNode op = operation.in(document);
        List<JsonNode> parameters = new ArrayList<>();
        document.path("paths").path(operation.path()).path("parameters").forEach(parameters::add);
        op.path("parameters").forEach(parameters::add);
        Map<String, String> query = query(event.getRawQueryString());
        for (Map.Entry<String, String> given : query.entrySet()) {
            JsonNode parameter = parameters.stream()
                    .filter(p -> p.path("in").asText().equals("query")
                            && p.path("name").asText().equals(given.getKey()))
                    .findFirst()
                    .orElse(null);
            if (parameter == null) {
                errors.add("undocumented query parameter " + given.getKey());
                continue;
            }
            JsonNode value = parameter.path("schema").path("type").asText().equals("integer")
                            && given.getValue().matches("-?\\d{1,9}")
                    ? IntNode.valueOf(Integer.parseInt(given.getValue()))
                    : TextNode.valueOf(given.getValue());
            errors.addAll(validate(parameter.path("schema"), value, "query " + given.getKey()));
        }
        boolean secured = !op.has("security") || !op.path("security").isEmpty();
        Map<String, String> headers = event.getHeaders() == null ? Map.of() : event.getHeaders();
        if (secured && headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("x-api-key"))) {
            errors.add("no X-Api-Key, which the operation requires");
        }
        JsonNode body = op.path("requestBody");
        if (body.isMissingNode()) {
            if (event.getBody() != null && !event.getBody().isEmpty()) {
                errors.add("a body, which the operation does not take");
            }
            return errors;
        }
        String contentType = headers.entrySet().stream()
                .filter(h -> h.getKey().equalsIgnoreCase("content-type"))
                .map(h -> h.getValue().split(";")[0].strip().toLowerCase(Locale.ROOT))
                .findFirst()
                .orElse(null);
        JsonNode media = contentType == null ? null : body.path("content").get(contentType);
        if (media == null) {
            errors.add("request media type " + contentType + " not documented");
            return errors;
        }
        errors.addAll(
                validate(pointer(operation, "requestBody", "content", contentType, "schema"), parse(event), "body"));
        return errors;
    }

    /** What is wrong with {@code response} as the document's answer to {@code method path}; empty when nothing. */
    List<String> responseErrors(String method, String rawPath, APIGatewayV2HTTPResponse response) {
        Operation operation = operationOf(method, rawPath);
        if (operation == null) {
            return List.of("no operation " + method + " " + rawPath);
        }
        String status = Integer.toString(response.getStatusCode());
        JsonNode documented = operation.in(document).path("responses").get(status);
        if (documented == null) {
            return List.of(method + " " + operation.path() + " does not document status " + status);
        }
        String contentType =
                response.getHeaders() == null ? null : response.getHeaders().get("Content-Type");
        if (!documented.has("content")) {
            return response.getBody() == null || response.getBody().isEmpty()
                    ? List.of()
                    : List.of("status " + status + " has no documented body, but one was sent");
        }
        String mediaType = contentType == null ? null : contentType.split(";")[0].strip();
        if (mediaType == null || !documented.path("content").has(mediaType)) {
            return List.of("status " + status + " does not document media type " + mediaType);
        }
        JsonNode value;
        if (mediaType.endsWith("json")) {
            try {
                value = JSON.readTree(response.getBody());
            } catch (IOException e) {
                return List.of("the " + mediaType + " body is not JSON");
            }
        } else {
            value = TextNode.valueOf(response.getBody());
        }
        List<String> errors = new ArrayList<>();
        errors.addAll(
                validate(pointer(operation, "responses", status, "content", mediaType, "schema"), value, "response"));
        return errors;
    }

    private List<String> validate(String pointer, JsonNode value, String what) {
        JsonSchema schema = compiled.computeIfAbsent(
                pointer, p -> SCHEMAS.getSchema(SchemaLocation.of("classpath:" + RESOURCE + "#" + p), CONFIG));
        return schema.validate(value).stream()
                .map(message -> what + ": " + message.getMessage())
                .toList();
    }

    private List<String> validate(JsonNode schema, JsonNode value, String what) {
        return SCHEMAS.getSchema(schema, CONFIG).validate(value).stream()
                .map(message -> what + ": " + message.getMessage())
                .toList();
    }

    /** A JSON pointer into the document (RFC 6901: {@code ~} and {@code /} escaped). */
    private static String pointer(Operation operation, String... rest) {
        StringBuilder pointer = new StringBuilder("/paths/")
                .append(escape(operation.path()))
                .append('/')
                .append(operation.method().toLowerCase(Locale.ROOT));
        for (String part : rest) {
            pointer.append('/').append(escape(part));
        }
        return pointer.toString();
    }

    private static String escape(String part) {
        return part.replace("~", "~0").replace("/", "~1");
    }

    private static JsonNode parse(APIGatewayV2HTTPEvent event) {
        String body = event.getIsBase64Encoded()
                ? new String(java.util.Base64.getDecoder().decode(event.getBody()), StandardCharsets.UTF_8)
                : event.getBody();
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return TextNode.valueOf(body == null ? "" : body);
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new java.util.LinkedHashMap<>();
        if (raw != null && !raw.isEmpty()) {
            for (String pair : raw.split("&")) {
                String[] parts = pair.split("=", 2);
                query.put(
                        URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                        parts.length < 2 ? "" : URLDecoder.decode(parts[1], StandardCharsets.UTF_8));
            }
        }
        return query;
    }
}
