package dev.shortener.create;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import dev.shortener.testsupport.SampleEvents;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * The committed sample events ({@code events/api-*.json}), read by {@link SampleEvents} into the type Lambda hands
 * the handler, then adjusted per test (a real key, another body). Reading the files keeps them valid.
 */
final class Events {

    static final String CREATE = "api-create-link.json";
    static final String CREATE_ALIAS_EXPIRY = "api-create-link-alias-expiry.json";
    static final String CREATE_BASE64 = "api-create-link-base64.json";
    static final String GET = "api-get-link.json";
    static final String UPDATE = "api-update-link.json";
    static final String DELETE = "api-delete-link.json";
    static final String STATS = "api-get-link-stats.json";
    static final String UNKNOWN_PATH = "api-unknown-path.json";
    static final String LIST = "api-list-links.json";
    static final String BULK = "api-bulk-create-links.json";
    static final String QR = "api-get-link-qr.json";
    static final String OPENAPI = "api-get-openapi.json";

    private Events() {}

    static APIGatewayV2HTTPEvent load(String name) {
        return SampleEvents.httpApiEvent(name);
    }

    /** The sample event {@code name}, sent with this API key (or none, for null). */
    static APIGatewayV2HTTPEvent keyed(String name, String apiKey) {
        return withKey(load(name), apiKey);
    }

    /** The sample event {@code name} for {@code code}, sent with this API key (or none, for null). */
    static APIGatewayV2HTTPEvent keyed(String name, String apiKey, String code) {
        return forCode(keyed(name, apiKey), code);
    }

    /** The event with this API key (or none, for null). */
    static APIGatewayV2HTTPEvent withKey(APIGatewayV2HTTPEvent event, String apiKey) {
        return withHeader(event, "x-api-key", apiKey);
    }

    /** Sets (or, for a null value, removes) a header. */
    static APIGatewayV2HTTPEvent withHeader(APIGatewayV2HTTPEvent event, String name, String value) {
        Map<String, String> headers = new HashMap<>(event.getHeaders() == null ? Map.of() : event.getHeaders());
        if (value == null) {
            headers.remove(name);
        } else {
            headers.put(name, value);
        }
        event.setHeaders(headers);
        return event;
    }

    static APIGatewayV2HTTPEvent withBody(APIGatewayV2HTTPEvent event, String body) {
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return event;
    }

    static APIGatewayV2HTTPEvent withBase64Body(APIGatewayV2HTTPEvent event, byte[] body) {
        event.setBody(Base64.getEncoder().encodeToString(body));
        event.setIsBase64Encoded(true);
        return event;
    }

    /** Points the event at another method and path (route key and path parameters follow). */
    static APIGatewayV2HTTPEvent at(APIGatewayV2HTTPEvent event, String method, String path) {
        event.setRawPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        event.getRequestContext().getHttp().setPath(path);
        return event;
    }

    /** The same event for another code. */
    static APIGatewayV2HTTPEvent forCode(APIGatewayV2HTTPEvent event, String code) {
        String path = event.getRawPath().replace("winter-sale", code);
        event.setPathParameters(Map.of("code", code));
        return at(event, event.getRequestContext().getHttp().getMethod(), path);
    }

    /** The event with this raw query string (the decoded parameters follow, as API Gateway sets them). */
    static APIGatewayV2HTTPEvent withQuery(APIGatewayV2HTTPEvent event, String rawQuery) {
        event.setRawQueryString(rawQuery);
        Map<String, String> parameters = new HashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                String[] parts = pair.split("=", 2);
                parameters.merge(
                        java.net.URLDecoder.decode(parts[0], java.nio.charset.StandardCharsets.UTF_8),
                        parts.length < 2
                                ? ""
                                : java.net.URLDecoder.decode(parts[1], java.nio.charset.StandardCharsets.UTF_8),
                        (a, b) -> a + "," + b);
            }
        }
        event.setQueryStringParameters(parameters.isEmpty() ? null : parameters);
        return event;
    }

    static APIGatewayV2HTTPEvent fromAddress(APIGatewayV2HTTPEvent event, String sourceIp) {
        event.getRequestContext().getHttp().setSourceIp(sourceIp);
        return event;
    }
}
