package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.analytics.ClickSink;
import dev.shortener.config.Environment;
import dev.shortener.redirect.cache.CircuitBreaker;
import dev.shortener.redirect.cache.GuardedLinkCache;
import dev.shortener.redirect.http.RedirectRequest;
import java.time.Duration;

/**
 * {@code GET|HEAD /{code}} and {@code GET /{code}+} behind API Gateway (HTTP API, payload 2.0): a thin adapter
 * from the event to {@link Exchange} and back, with one structured log line per request and the click hand-off:
 * in Lambda the sink's extension delivers clicks after the response, so {@code beforeFreeze} returns at once;
 * without an extension it waits within its budget before Lambda freezes the environment.
 *
 * <p>Two constructors, as Powertools' examples have them: the no-arg one Lambda calls builds every client once
 * per execution environment from the environment and warms them; the other takes a {@link RedirectWiring}, for
 * tests, the local runner and the benchmarks.
 */
public final class RedirectHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    private final Duration clickBudget;
    private final GuardedLinkCache cache;
    private final Exchange exchange;
    private final Warmup warmup;
    private final ClickSink clicks;
    private final RequestLog log;

    /** Lambda's constructor: reads {@link RedirectConfig} from the environment (failing fast), builds, warms. */
    public RedirectHandler() {
        this(RedirectWiring.fromEnvironment(Environment.system()));
        warmUp();
    }

    public RedirectHandler(RedirectWiring wiring) {
        this.clickBudget = wiring.config().clickBudget();
        this.cache = wiring.cache();
        this.exchange = wiring.exchange();
        this.warmup = wiring.warmup();
        this.clicks = wiring.clicks();
        this.log = wiring.log();
    }

    /**
     * Does at init what the first request would otherwise pay for: a Redis connection (TCP, TLS, AUTH), a
     * DynamoDB round trip (credentials, signer, endpoint, HTTPS connection, marshallers), Jackson and the
     * response classes. With provisioned concurrency, init runs before any request is routed here.
     */
    public void warmUp() {
        warmup.run();
    }

    @Override
    public APIGatewayV2HTTPResponse handleRequest(APIGatewayV2HTTPEvent event, Context context) {
        long started = System.nanoTime();
        boolean cold = log.startInvocation();
        RedirectRequest request = null;
        RedirectOutcome outcome;
        try {
            request = RedirectRequest.from(event);
            outcome = exchange.respond(request, requestId(event, context));
        } catch (RuntimeException unexpected) {
            outcome = RedirectOutcome.failed(request, unexpected, exchange.internalError());
        }
        try {
            clicks.beforeFreeze(clickBudget);
        } catch (RuntimeException e) {
            outcome = outcome.withClickFlushError(e.getClass().getName());
        }
        log.write(context, cold, outcome, cache.breakerState(), (System.nanoTime() - started) / 1_000);
        return outcome.response();
    }

    /** Lambda's request id, the one every log line of the invocation carries; API Gateway's when run without. */
    private static String requestId(APIGatewayV2HTTPEvent event, Context context) {
        if (context != null && context.getAwsRequestId() != null) {
            return context.getAwsRequestId();
        }
        return event.getRequestContext() == null
                ? null
                : event.getRequestContext().getRequestId();
    }

    /** The breaker's state: for tests and the local runner. */
    CircuitBreaker.State redisBreakerState() {
        return cache.breakerState();
    }

    /** Calls that reached (or tried to reach) Redis: for tests, to see that an open breaker stops them. */
    long redisAttempts() {
        return cache.attempts();
    }
}
