package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.analytics.ClickSink;
import dev.shortener.http.OriginSecret;
import dev.shortener.redirect.domain.Resolution;
import dev.shortener.redirect.domain.Resolver;
import dev.shortener.redirect.domain.ShortCodes;
import dev.shortener.redirect.http.Clicks;
import dev.shortener.redirect.http.RedirectRequest;
import dev.shortener.redirect.http.RedirectResponses;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;
import java.util.Map;

/**
 * One request, from the parsed event to the response: method and code checks (before any lookup), resolution,
 * the response for its outcome, and the click of a followed redirect. Fills {@code fields} for the log line, with
 * no IP address and no destination (URLs can carry tokens).
 */
final class Exchange {

    private final Resolver resolver;
    private final RedirectResponses responses;
    private final ClickSink clicks;
    private final InstantSource clock;
    private final OriginSecret originSecret;

    Exchange(
            Resolver resolver,
            RedirectResponses responses,
            ClickSink clicks,
            InstantSource clock,
            OriginSecret originSecret) {
        this.resolver = resolver;
        this.responses = responses;
        this.clicks = clicks;
        this.clock = clock;
        this.originSecret = originSecret;
    }

    APIGatewayV2HTTPResponse respond(RedirectRequest request, String requestId, Map<String, Object> fields) {
        fields.put("method", request.method());
        if (!request.isGet() && !request.isHead()) {
            fields.put("outcome", "method_not_allowed");
            return responses.methodNotAllowed();
        }
        String code = request.code();
        if (!ShortCodes.isValid(code)) {
            fields.put("outcome", "invalid_code");
            return bodyFor(request, responses.notFound(null, request.prefersJson()));
        }
        fields.put("code", code);
        fields.put("preview", request.preview());
        Instant now = clock.instant();
        Resolution resolution = resolver.resolve(code, now);
        fields.put("outcome", resolution.outcome());
        fields.put("cache", resolution.cache().name().toLowerCase(Locale.ROOT));
        putIfPresent(fields, "cache_error", resolution.cacheError());
        putIfPresent(fields, "dynamodb_error", resolution.sourceError());
        APIGatewayV2HTTPResponse response = switch (resolution.status()) {
            case ACTIVE ->
                request.preview()
                        ? responses.preview(code, resolution.url(), resolution.expiresAt(), now)
                        : responses.redirect(resolution.url(), resolution.expiresAt(), now);
            // Accept is read only for an error: a redirect is the same for every client.
            case NOT_FOUND -> responses.notFound(code, request.prefersJson());
            case GONE -> responses.gone(code, request.prefersJson());
            case UNAVAILABLE -> responses.unavailable(request.prefersJson());
        };
        // A click is a person (or bot) following the link: not HEAD (link checkers), not the preview, no error.
        if (resolution.status() == Resolution.Status.ACTIVE && request.isGet() && !request.preview()) {
            recordClick(request, code, now, requestId, resolution.cache().answered(), fields);
        }
        return bodyFor(request, response);
    }

    APIGatewayV2HTTPResponse internalError() {
        return responses.internalError();
    }

    /** Only appends to the sink's buffer; a sink that throws anyway must not cost the person their redirect. */
    private void recordClick(
            RedirectRequest request,
            String code,
            Instant now,
            String requestId,
            boolean cacheHit,
            Map<String, Object> fields) {
        try {
            clicks.record(Clicks.of(request, code, now, requestId, cacheHit, originSecret));
            fields.put("click", true);
        } catch (RuntimeException e) {
            fields.put("click", false);
            fields.put("click_error", e.getClass().getName());
        }
    }

    private static APIGatewayV2HTTPResponse bodyFor(RedirectRequest request, APIGatewayV2HTTPResponse response) {
        return request.isHead() ? RedirectResponses.withoutBody(response) : response;
    }

    private static void putIfPresent(Map<String, Object> fields, String name, String value) {
        if (value != null) {
            fields.put(name, value);
        }
    }

    static String stackTrace(Throwable error) {
        StringWriter text = new StringWriter();
        error.printStackTrace(new PrintWriter(text));
        return text.toString();
    }
}
