package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The parts of an API Gateway HTTP API (payload 2.0) event the management API reads, with the event's quirks
 * smoothed: header names lower-cased (API Gateway does it, a hand-written event may not), a base64 body decoded,
 * the stage prefix taken off the path when the API is not served from the {@code $default} stage.
 *
 * @param body the raw body bytes, or null when there is none
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> headers,
        byte[] body,
        String sourceIp,
        String requestId,
        Map<String, String> query) {

    /** A request without a query string. */
    public ApiRequest(
            String method, String path, Map<String, String> headers, byte[] body, String sourceIp, String requestId) {
        this(method, path, headers, body, sourceIp, requestId, Map.of());
    }

    public ApiRequest {
        query = query == null ? Map.of() : Map.copyOf(query);
    }

    public static ApiRequest from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        String method =
                http != null && http.getMethod() != null ? http.getMethod().toUpperCase(Locale.ROOT) : "";
        Map<String, String> headers = new HashMap<>();
        if (event.getHeaders() != null) {
            event.getHeaders().forEach((name, value) -> {
                if (name != null && value != null) {
                    headers.put(name.toLowerCase(Locale.ROOT), value);
                }
            });
        }
        return new ApiRequest(
                method,
                pathOf(event),
                Map.copyOf(headers),
                bodyOf(event),
                http == null ? null : http.getSourceIp(),
                context == null ? null : context.getRequestId(),
                queryOf(event));
    }

    /** A header's value, by case-insensitive name; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean hasBody() {
        return body != null && body.length > 0;
    }

    /** The query parameters as API Gateway decoded them (a repeated name's values joined by commas). */
    private static Map<String, String> queryOf(APIGatewayV2HTTPEvent event) {
        Map<String, String> query = new HashMap<>();
        if (event.getQueryStringParameters() != null) {
            event.getQueryStringParameters().forEach((name, value) -> {
                if (name != null && value != null) {
                    query.put(name, value);
                }
            });
        }
        return query;
    }

    private static String pathOf(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath() == null || event.getRawPath().isEmpty() ? "/" : event.getRawPath();
        var context = event.getRequestContext();
        String stage = context == null ? null : context.getStage();
        if (stage != null && !stage.equals("$default") && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        return path;
    }

    private static byte[] bodyOf(APIGatewayV2HTTPEvent event) {
        if (event.getBody() == null) {
            return null;
        }
        if (!event.getIsBase64Encoded()) {
            return event.getBody().getBytes(StandardCharsets.UTF_8);
        }
        try {
            return Base64.getMimeDecoder().decode(event.getBody());
        } catch (IllegalArgumentException e) {
            throw ApiProblem.of(Problems.MALFORMED_JSON, "The request body could not be decoded.");
        }
    }
}
