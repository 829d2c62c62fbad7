package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.analytics.ClickSink;
import dev.shortener.redirect.domain.Resolution;
import dev.shortener.redirect.domain.Resolver;
import dev.shortener.redirect.domain.ShortCodes;
import dev.shortener.redirect.http.Clicks;
import dev.shortener.redirect.http.ForwardedQuery;
import dev.shortener.redirect.http.RedirectRequest;
import dev.shortener.redirect.http.RedirectResponses;
import java.time.Instant;
import java.time.InstantSource;

/**
 * One request, from the parsed event to the response: method and code checks (before any lookup), resolution,
 * the response for its outcome, and the click of a followed redirect; what happened comes back as a
 * {@link RedirectOutcome}.
 */
final class Exchange {

    private final Resolver resolver;
    private final RedirectResponses responses;
    private final ClickSink clicks;
    private final InstantSource clock;
    private final ForwardedQuery forwardedQuery;
    private final String rootRedirectUrl;

    /** @param rootRedirectUrl where {@code GET /} redirects, or null for the page */
    Exchange(
            Resolver resolver,
            RedirectResponses responses,
            ClickSink clicks,
            InstantSource clock,
            ForwardedQuery forwardedQuery,
            String rootRedirectUrl) {
        this.resolver = resolver;
        this.responses = responses;
        this.clicks = clicks;
        this.clock = clock;
        this.forwardedQuery = forwardedQuery;
        this.rootRedirectUrl = rootRedirectUrl;
    }

    RedirectOutcome respond(RedirectRequest request, String requestId) {
        if (!request.isGet() && !request.isHead()) {
            return RedirectOutcome.rejected(
                    request, RedirectOutcome.Answer.METHOD_NOT_ALLOWED, responses.methodNotAllowed());
        }
        if (request.isRoot()) {
            return rootRedirectUrl == null
                    ? RedirectOutcome.site(
                            request, RedirectOutcome.Answer.ROOT_PAGE, bodyFor(request, responses.rootPage()))
                    : RedirectOutcome.site(
                            request,
                            RedirectOutcome.Answer.ROOT_REDIRECT,
                            bodyFor(request, responses.rootRedirect(rootRedirectUrl)));
        }
        if (request.isRobotsTxt()) {
            return RedirectOutcome.site(
                    request, RedirectOutcome.Answer.ROBOTS_TXT, bodyFor(request, responses.robotsTxt()));
        }
        String code = request.code();
        if (!ShortCodes.isValid(code)) {
            return RedirectOutcome.rejected(
                    request,
                    RedirectOutcome.Answer.INVALID_CODE,
                    bodyFor(request, responses.notFound(null, request.prefersJson())));
        }
        Instant now = clock.instant();
        Resolution resolution = resolver.resolve(code, now);
        // Only a followed link forwards: the preview shows the destination as stored.
        ForwardedQuery.Forwarded forwarded =
                resolution.status() == Resolution.Status.ACTIVE && resolution.forwardQuery() && !request.preview()
                        ? forwardedQuery.apply(resolution.url(), request.rawQuery())
                        : null;
        APIGatewayV2HTTPResponse response = switch (resolution.status()) {
            case ACTIVE ->
                request.preview()
                        ? responses.preview(code, resolution.url(), resolution.expiresAt(), now)
                        : responses.redirect(
                                forwarded == null ? resolution.url() : forwarded.url(), resolution.expiresAt(), now);
            // Accept is read only for an error: a redirect is the same for every client.
            case NOT_FOUND -> responses.notFound(code, request.prefersJson());
            case GONE -> responses.gone(code, request.prefersJson());
            case UNAVAILABLE -> responses.unavailable(request.prefersJson());
        };
        RedirectOutcome.Click click = RedirectOutcome.Click.NONE;
        String clickError = null;
        // A click is a person (or bot) following the link: not HEAD (link checkers), not the preview, no error.
        if (resolution.status() == Resolution.Status.ACTIVE && request.isGet() && !request.preview()) {
            // Only appends to the sink's buffer; a sink that throws anyway must not cost the person their redirect.
            try {
                clicks.record(Clicks.of(
                        request, code, now, requestId, resolution.cache().answered()));
                click = RedirectOutcome.Click.RECORDED;
            } catch (RuntimeException e) {
                click = RedirectOutcome.Click.REFUSED;
                clickError = e.getClass().getName();
            }
        }
        return RedirectOutcome.resolved(
                request,
                resolution,
                forwarded == null ? null : forwarded.result(),
                bodyFor(request, response),
                click,
                clickError);
    }

    APIGatewayV2HTTPResponse internalError() {
        return responses.internalError();
    }

    private static APIGatewayV2HTTPResponse bodyFor(RedirectRequest request, APIGatewayV2HTTPResponse response) {
        return request.isHead() ? RedirectResponses.withoutBody(response) : response;
    }
}
