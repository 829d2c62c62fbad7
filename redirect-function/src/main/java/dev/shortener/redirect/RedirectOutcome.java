package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.redirect.domain.CacheUse;
import dev.shortener.redirect.domain.Resolution;
import dev.shortener.redirect.http.ForwardedQuery;
import dev.shortener.redirect.http.RedirectRequest;
import java.util.Objects;

/**
 * What one request came to: the response, and what happened on the way, as {@link RequestLog} turns it into the
 * log line (and its level, which the alarms read). Holds no IP address and no destination: URLs can carry tokens.
 *
 * @param response        what the caller gets
 * @param method          the request's method, or null when the event could not be read
 * @param answer          what the request was answered with
 * @param code            the code looked up, or null when none was (a bad method, an invalid code)
 * @param preview         whether the request asked for the preview ({@code /{code}+})
 * @param query           what became of the visitor's query string, for a redirect of a link that forwards it;
 *                        else null (never the query itself, which may carry tokens)
 * @param cache           what the cache contributed, or null when the code was not looked up
 * @param cacheError      the type of the Redis failure, or null
 * @param storeError      the type of the DynamoDB failure, for {@link Answer#UNAVAILABLE} only
 * @param click           whether the request was a click, and whether the sink took it
 * @param clickError      the type of the sink's failure, for {@link Click#REFUSED} only
 * @param clickFlushError the type of the failure handing clicks off before the freeze, or null
 * @param error           the unexpected failure, for {@link Answer#ERROR} only
 */
record RedirectOutcome(
        APIGatewayV2HTTPResponse response,
        String method,
        Answer answer,
        String code,
        boolean preview,
        ForwardedQuery.Result query,
        CacheUse cache,
        String cacheError,
        String storeError,
        Click click,
        String clickError,
        String clickFlushError,
        RuntimeException error) {

    enum Answer {
        /** 302 to the destination. */
        REDIRECT,
        /** 200, the page showing where the link goes. */
        PREVIEW,
        /** 404: no such code (or a cached "no such code"). */
        NOT_FOUND,
        /** 410: expired or deleted. */
        GONE,
        /** 503: not cached, and DynamoDB could not answer. */
        UNAVAILABLE,
        /** 302 from the bare domain to {@code ROOT_REDIRECT_URL}. */
        ROOT_REDIRECT,
        /** 200, the page of the bare domain. */
        ROOT_PAGE,
        /** 200, robots.txt. */
        ROBOTS_TXT,
        /** 405, before any lookup. */
        METHOD_NOT_ALLOWED,
        /** 404 for a code that can't be a link, before any lookup. */
        INVALID_CODE,
        /** 500: a failure nobody planned for. */
        ERROR
    }

    enum Click {
        /** HEAD, the preview, an error: nobody followed the link. */
        NONE,
        RECORDED,
        /** The sink threw: the person still got their redirect. */
        REFUSED
    }

    RedirectOutcome {
        Objects.requireNonNull(response, "response");
        Objects.requireNonNull(answer, "answer");
        Objects.requireNonNull(click, "click");
        if ((answer == Answer.ERROR) != (error != null)) {
            throw new IllegalArgumentException("an error goes with ERROR, and only with it");
        }
    }

    /** Answered before any lookup: a method other than GET or HEAD, or a code that can't be a link. */
    static RedirectOutcome rejected(RedirectRequest request, Answer answer, APIGatewayV2HTTPResponse response) {
        if (answer != Answer.METHOD_NOT_ALLOWED && answer != Answer.INVALID_CODE) {
            throw new IllegalArgumentException("not a rejection: " + answer);
        }
        return withoutLookup(request, answer, response);
    }

    /** A path that is no code: the bare domain or robots.txt, answered without a lookup. */
    static RedirectOutcome site(RedirectRequest request, Answer answer, APIGatewayV2HTTPResponse response) {
        if (answer != Answer.ROOT_REDIRECT && answer != Answer.ROOT_PAGE && answer != Answer.ROBOTS_TXT) {
            throw new IllegalArgumentException("not a page of the site: " + answer);
        }
        return withoutLookup(request, answer, response);
    }

    private static RedirectOutcome withoutLookup(
            RedirectRequest request, Answer answer, APIGatewayV2HTTPResponse response) {
        return new RedirectOutcome(
                response, request.method(), answer, null, false, null, null, null, null, Click.NONE, null, null, null);
    }

    /** @param query what became of the visitor's query, or null when the answer is no redirect that forwards */
    static RedirectOutcome resolved(
            RedirectRequest request,
            Resolution resolution,
            ForwardedQuery.Result query,
            APIGatewayV2HTTPResponse response,
            Click click,
            String clickError) {
        Answer answer = switch (resolution.status()) {
            case ACTIVE -> request.preview() ? Answer.PREVIEW : Answer.REDIRECT;
            case NOT_FOUND -> Answer.NOT_FOUND;
            case GONE -> Answer.GONE;
            case UNAVAILABLE -> Answer.UNAVAILABLE;
        };
        return new RedirectOutcome(
                response,
                request.method(),
                answer,
                request.code(),
                request.preview(),
                query,
                resolution.cache(),
                resolution.cacheError(),
                resolution.sourceError(),
                click,
                clickError,
                null,
                null);
    }

    /** @param request the request as far as it was read, or null when the event itself could not be */
    static RedirectOutcome failed(RedirectRequest request, RuntimeException error, APIGatewayV2HTTPResponse response) {
        return new RedirectOutcome(
                response,
                request == null ? null : request.method(),
                Answer.ERROR,
                null,
                false,
                null,
                null,
                null,
                null,
                Click.NONE,
                null,
                null,
                error);
    }

    /** This outcome, with the clicks' hand-off before the freeze having failed with {@code errorType}. */
    RedirectOutcome withClickFlushError(String errorType) {
        return new RedirectOutcome(
                response,
                method,
                answer,
                code,
                preview,
                query,
                cache,
                cacheError,
                storeError,
                click,
                clickError,
                errorType,
                error);
    }

    int status() {
        return response.getStatusCode();
    }

    /** Answered, but worse than it should have been: a 503, a Redis failure, a click lost or held up. */
    boolean degraded() {
        return answer == Answer.UNAVAILABLE || cacheError != null || clickError != null || clickFlushError != null;
    }
}
