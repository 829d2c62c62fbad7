package dev.shortener.local.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent.RequestContext;
import com.sun.net.httpserver.HttpExchange;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Turns a request into a payload 2.0 event: lower-cased headers with repeated values joined by commas, cookies
 * split out, the raw path and query string, and a body that is base64 unless it is text. {@code /api/...} gets
 * the management HTTP API's event (route key {@code ANY /api/{proxy+}}, the {@code proxy} path parameter); every
 * other path the redirect function's URL event, as CloudFront calls it in the cloud (route key {@code $default},
 * no path parameters).
 */
public final class GatewayEvents {

    public static final String API_ROUTE = "ANY /api/{proxy+}";
    private static final DateTimeFormatter GATEWAY_TIME = DateTimeFormatter.ofPattern(
                    "dd/MMM/yyyy:HH:mm:ss Z", Locale.ENGLISH)
            .withZone(ZoneOffset.UTC);

    private GatewayEvents() {}

    /** True for the management API's paths, which go to the create function. */
    public static boolean isApi(String rawPath) {
        return rawPath.equals("/api") || rawPath.startsWith("/api/");
    }

    public static APIGatewayV2HTTPEvent from(HttpExchange exchange, byte[] body, Instant now) {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        Map<String, String> headers = new LinkedHashMap<>();
        List<String> cookies = new ArrayList<>();
        exchange.getRequestHeaders().forEach((name, values) -> {
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("cookie")) {
                for (String value : values) {
                    for (String cookie : value.split(";")) {
                        if (!cookie.isBlank()) {
                            cookies.add(cookie.strip());
                        }
                    }
                }
            } else {
                headers.merge(lower, String.join(",", values), (a, b) -> a + "," + b);
            }
        });
        String routeKey;
        Map<String, String> pathParameters = new LinkedHashMap<>();
        if (isApi(rawPath)) {
            routeKey = API_ROUTE;
            pathParameters.put("proxy", decode(rawPath.length() > 5 ? rawPath.substring(5) : ""));
        } else {
            // Everything else is the redirect function's URL, as CloudFront calls it: a function URL event has
            // route key $default and no path parameters (the handler reads rawPath).
            routeKey = "$default";
        }
        String requestId = requestId();
        var http = RequestContext.Http.builder()
                .withMethod(method)
                .withPath(rawPath)
                .withProtocol(exchange.getProtocol())
                .withSourceIp(exchange.getRemoteAddress().getAddress().getHostAddress())
                .withUserAgent(headers.get("user-agent"))
                .build();
        String host = headers.getOrDefault("host", "localhost");
        var context = RequestContext.builder()
                .withAccountId("000000000000")
                .withApiId("local")
                .withDomainName(host)
                .withDomainPrefix(host.split("[.:]", 2)[0])
                .withHttp(http)
                .withRequestId(requestId)
                .withRouteKey(routeKey)
                .withStage("$default")
                .withTime(GATEWAY_TIME.format(now))
                .withTimeEpoch(now.toEpochMilli())
                .build();
        Body encoded = Body.of(body, headers.get("content-type"));
        return APIGatewayV2HTTPEvent.builder()
                .withVersion("2.0")
                .withRouteKey(routeKey)
                .withRawPath(rawPath)
                .withRawQueryString(rawQuery == null ? "" : rawQuery)
                .withCookies(cookies.isEmpty() ? null : cookies)
                .withHeaders(headers)
                .withQueryStringParameters(queryParameters(rawQuery))
                .withPathParameters(pathParameters.isEmpty() ? null : pathParameters)
                .withRequestContext(context)
                .withBody(encoded.text())
                .withIsBase64Encoded(encoded.base64())
                .build();
    }

    /** Decoded query parameters, repeated names joined by commas; null when there is no query. */
    static Map<String, String> queryParameters(String rawQuery) {
        if (rawQuery == null || rawQuery.isEmpty()) {
            return null;
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = decode(eq < 0 ? pair : pair.substring(0, eq));
            String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
            parameters.merge(name, value, (a, b) -> a + "," + b);
        }
        return parameters;
    }

    private static String decode(String raw) {
        try {
            return URLDecoder.decode(raw.replace("+", "%2B"), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return raw;
        }
    }

    /** API Gateway's request ids look like {@code Cw3XhjH2joEEMkA=}: 10 random bytes, base64. */
    private static String requestId() {
        byte[] bytes = new byte[10];
        ThreadLocalRandom.current().nextBytes(bytes);
        return Base64.getEncoder().encodeToString(bytes);
    }

    /** The body as API Gateway passes it: null when empty, text when it is text, base64 otherwise. */
    record Body(String text, boolean base64) {

        static Body of(byte[] bytes, String contentType) {
            if (bytes == null || bytes.length == 0) {
                return new Body(null, false);
            }
            if (isText(contentType)) {
                try {
                    String text = StandardCharsets.UTF_8
                            .newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(bytes))
                            .toString();
                    return new Body(text, false);
                } catch (CharacterCodingException e) {
                    // not UTF-8 after all: base64 below
                }
            }
            return new Body(Base64.getEncoder().encodeToString(bytes), true);
        }

        private static boolean isText(String contentType) {
            if (contentType == null) {
                return false;
            }
            String type = contentType.toLowerCase(Locale.ROOT);
            return type.startsWith("text/")
                    || type.contains("json")
                    || type.contains("xml")
                    || type.startsWith("application/x-www-form-urlencoded")
                    || type.startsWith("application/javascript");
        }
    }
}
