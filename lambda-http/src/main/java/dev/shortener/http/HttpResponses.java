package dev.shortener.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import java.util.HashMap;
import java.util.Map;

/** Builds API Gateway (HTTP API, payload 2.0) responses. */
public final class HttpResponses {

    private HttpResponses() {}

    public static APIGatewayV2HTTPResponse problem(Problem problem) {
        return response(problem.status(), Problem.MEDIA_TYPE, problem.toJson(), Map.of("Cache-Control", "no-store"));
    }

    /** @param json the body, already serialised (the create function writes its bodies with its own mapper) */
    public static APIGatewayV2HTTPResponse json(int status, String json) {
        return response(status, "application/json", json, Map.of("Cache-Control", "no-store"));
    }

    public static APIGatewayV2HTTPResponse html(int status, String page, Map<String, String> headers) {
        return response(status, "text/html; charset=utf-8", page, headers);
    }

    /**
     * @param contentType may be null for a response without a body
     * @param body        may be null
     */
    public static APIGatewayV2HTTPResponse response(
            int status, String contentType, String body, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        if (contentType != null) {
            all.put("Content-Type", contentType);
        }
        all.putIfAbsent("X-Content-Type-Options", "nosniff");
        return APIGatewayV2HTTPResponse.builder()
                .withStatusCode(status)
                .withHeaders(all)
                .withBody(body)
                .withIsBase64Encoded(false)
                .build();
    }
}
