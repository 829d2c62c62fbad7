package dev.shortener.redirect.http;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The parts of an API Gateway (HTTP API, payload 2.0) event the redirect needs: method, code, whether the preview
 * ({@code /{code}+}) was asked for, the query string as sent, and headers looked up without regard to case (API
 * Gateway lower-cases them; the local runner and hand-written events may not). The bare domain ({@code /}) and
 * {@code /robots.txt} are told apart from codes here.
 */
public final class RedirectRequest {

    private static final String PREVIEW_SUFFIX = "+";
    private static final String ENCODED_PREVIEW_SUFFIX = "%2B";
    static final String ROBOTS_TXT = "robots.txt";

    private final String method;
    private final String code;
    private final boolean preview;
    private final Map<String, String> headers;
    private final String sourceIp;
    private final String rawQuery;

    private RedirectRequest(
            String method,
            String code,
            boolean preview,
            Map<String, String> headers,
            String sourceIp,
            String rawQuery) {
        this.method = method;
        this.code = code;
        this.preview = preview;
        this.headers = headers;
        this.sourceIp = sourceIp;
        this.rawQuery = rawQuery;
    }

    public static RedirectRequest from(APIGatewayV2HTTPEvent event) {
        var context = event.getRequestContext();
        var http = context == null ? null : context.getHttp();
        String method =
                http == null || http.getMethod() == null ? "" : http.getMethod().toUpperCase(Locale.ROOT);
        String rawCode = rawCode(event);
        boolean preview = false;
        if (rawCode.endsWith(PREVIEW_SUFFIX)) {
            rawCode = rawCode.substring(0, rawCode.length() - PREVIEW_SUFFIX.length());
            preview = true;
        } else if (rawCode.regionMatches(true, rawCode.length() - 3, ENCODED_PREVIEW_SUFFIX, 0, 3)) {
            rawCode = rawCode.substring(0, rawCode.length() - 3);
            preview = true;
        }
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        if (event.getHeaders() != null) {
            headers.putAll(event.getHeaders());
        }
        String rawQuery = event.getRawQueryString() == null ? "" : event.getRawQueryString();
        return new RedirectRequest(
                method, rawCode, preview, headers, http == null ? null : http.getSourceIp(), rawQuery);
    }

    /**
     * The path as received, less the stage prefix a named stage adds and the leading slash. The path, not the
     * {@code code} path parameter, because the preview's {@code +} must be seen exactly as sent.
     */
    private static String rawCode(APIGatewayV2HTTPEvent event) {
        String path = event.getRawPath();
        if (path == null) {
            Map<String, String> parameters = event.getPathParameters();
            String code = parameters == null ? null : parameters.get("code");
            return code == null ? "" : code;
        }
        var context = event.getRequestContext();
        String stage = context == null ? null : context.getStage();
        if (stage != null && !"$default".equals(stage) && path.startsWith("/" + stage + "/")) {
            path = path.substring(stage.length() + 1);
        }
        return path.startsWith("/") ? path.substring(1) : path;
    }

    /** Upper case; empty when the event has none. */
    public String method() {
        return method;
    }

    public boolean isGet() {
        return "GET".equals(method);
    }

    public boolean isHead() {
        return "HEAD".equals(method);
    }

    /** The code as sent, without the preview suffix; not yet validated. */
    public String code() {
        return code;
    }

    public boolean preview() {
        return preview;
    }

    /** {@code GET /}: the bare domain, typed without a code. */
    public boolean isRoot() {
        return code.isEmpty() && !preview;
    }

    public boolean isRobotsTxt() {
        return ROBOTS_TXT.equals(code) && !preview;
    }

    /**
     * The query string exactly as API Gateway received it ({@code rawQueryString}: escapes as sent, no {@code ?});
     * empty when there is none.
     */
    public String rawQuery() {
        return rawQuery;
    }

    /** @return the header's value, or null */
    public String header(String name) {
        return headers.get(name);
    }

    /** API Gateway's view of the caller: CloudFront's address when CloudFront is in front. */
    public String sourceIp() {
        return sourceIp;
    }

    public boolean prefersJson() {
        return AcceptHeader.prefersJson(header("accept"));
    }
}
