package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.http.StructuredLog.Level;
import dev.shortener.redirect.RedirectOutcome.Answer;
import dev.shortener.redirect.RedirectOutcome.Click;
import dev.shortener.redirect.cache.CircuitBreaker;
import dev.shortener.redirect.domain.CacheUse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The outcome-to-log-line mapping: the field names and levels the alarms and dashboards read. */
class RequestLogTest {

    private static final APIGatewayV2HTTPResponse FOUND =
            APIGatewayV2HTTPResponse.builder().withStatusCode(302).build();
    private static final APIGatewayV2HTTPResponse UNAVAILABLE =
            APIGatewayV2HTTPResponse.builder().withStatusCode(503).build();

    @Test
    void warmRedirect_isDebug_coldOneInfo() {
        RedirectOutcome hit = redirect(CacheUse.HIT, null, Click.RECORDED, null);

        assertEquals(Level.DEBUG, RequestLog.level(hit, false));
        assertEquals(Level.INFO, RequestLog.level(hit, true));
        assertEquals(
                Map.of(
                        "method", "GET",
                        "outcome", "hit",
                        "code", "abc1234",
                        "preview", false,
                        "cache", "hit",
                        "click", true,
                        "status", 302,
                        "breaker", "closed",
                        "latency_us", 42L),
                RequestLog.fields(hit, CircuitBreaker.State.CLOSED, 42));
    }

    @Test
    void redisFailure_isWarn_withItsError() {
        RedirectOutcome miss = redirect(CacheUse.FAILED, "JedisConnectionException", Click.RECORDED, null);

        assertEquals(Level.WARN, RequestLog.level(miss, false));
        Map<String, Object> fields = RequestLog.fields(miss, CircuitBreaker.State.OPEN, 1);
        assertEquals("miss", fields.get("outcome"));
        assertEquals("failed", fields.get("cache"));
        assertEquals("JedisConnectionException", fields.get("cache_error"));
        assertEquals("open", fields.get("breaker"));
    }

    @Test
    void refusedOrHeldUpClick_isWarn() {
        RedirectOutcome refused = redirect(CacheUse.HIT, null, Click.REFUSED, "java.lang.IllegalStateException");
        RedirectOutcome flushFailed =
                redirect(CacheUse.HIT, null, Click.RECORDED, null).withClickFlushError("java.lang.RuntimeException");

        assertEquals(Level.WARN, RequestLog.level(refused, false));
        assertEquals(
                false,
                RequestLog.fields(refused, CircuitBreaker.State.CLOSED, 1).get("click"));
        assertEquals(
                "java.lang.IllegalStateException",
                RequestLog.fields(refused, CircuitBreaker.State.CLOSED, 1).get("click_error"));
        assertEquals(Level.WARN, RequestLog.level(flushFailed, false));
        assertEquals(
                "java.lang.RuntimeException",
                RequestLog.fields(flushFailed, CircuitBreaker.State.CLOSED, 1).get("click_flush_error"));
    }

    @Test
    void unavailable_isWarn_namingTheTablesFailure() {
        RedirectOutcome outcome = new RedirectOutcome(
                UNAVAILABLE,
                "GET",
                Answer.UNAVAILABLE,
                "abc1234",
                false,
                null,
                CacheUse.MISS,
                null,
                "SdkClientException",
                Click.NONE,
                null,
                null,
                null);

        assertEquals(Level.WARN, RequestLog.level(outcome, false));
        Map<String, Object> fields = RequestLog.fields(outcome, CircuitBreaker.State.CLOSED, 1);
        assertEquals("unavailable", fields.get("outcome"));
        assertEquals("SdkClientException", fields.get("dynamodb_error"));
        assertFalse(fields.containsKey("click"));
    }

    @Test
    void unexpectedFailure_isError_withItsTypeAndStackTrace() {
        RedirectOutcome failed = RedirectOutcome.failed(
                null,
                new IllegalStateException("boom"),
                APIGatewayV2HTTPResponse.builder().withStatusCode(500).build());

        assertEquals(Level.ERROR, RequestLog.level(failed, true));
        Map<String, Object> fields = RequestLog.fields(failed, CircuitBreaker.State.CLOSED, 1);
        assertEquals("error", fields.get("outcome"));
        assertEquals("java.lang.IllegalStateException", fields.get("error_type"));
        assertEquals(500, fields.get("status"));
        assertFalse(fields.containsKey("method"), "the event could not be read");
    }

    @Test
    void aCachedUnknownCode_isNegative_aLookedUpOneNotFound() {
        assertEquals("negative", RequestLog.outcomeName(notFound(CacheUse.HIT)));
        assertEquals("not_found", RequestLog.outcomeName(notFound(CacheUse.MISS)));
        assertEquals("not_found", RequestLog.outcomeName(notFound(CacheUse.SKIPPED)));
    }

    private static RedirectOutcome redirect(CacheUse cache, String cacheError, Click click, String clickError) {
        return new RedirectOutcome(
                FOUND,
                "GET",
                Answer.REDIRECT,
                "abc1234",
                false,
                null,
                cache,
                cacheError,
                null,
                click,
                clickError,
                null,
                null);
    }

    private static RedirectOutcome notFound(CacheUse cache) {
        return new RedirectOutcome(
                APIGatewayV2HTTPResponse.builder().withStatusCode(404).build(),
                "GET",
                Answer.NOT_FOUND,
                "nosuch1",
                false,
                null,
                cache,
                null,
                null,
                Click.NONE,
                null,
                null,
                null);
    }
}
