package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.analytics.ClickSink;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.links.LinkStore;
import dev.shortener.redirect.cache.CircuitBreaker;
import dev.shortener.redirect.cache.GuardedLinkCache;
import dev.shortener.redirect.domain.CacheTimes;
import dev.shortener.redirect.domain.Resolver;
import dev.shortener.redirect.http.RedirectRequest;
import dev.shortener.redirect.http.RedirectResponses;
import dev.shortener.redirect.store.DynamoDbLinkSource;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET|HEAD /{code}} and {@code GET /{code}+} behind API Gateway (HTTP API, payload 2.0): a thin adapter
 * from the event to {@link Exchange} and back, with one structured log line per request and the click hand-off
 * bounded by its budget before Lambda freezes the environment.
 *
 * <p>Two constructors, as Powertools' examples have them: the no-arg one Lambda calls builds every client once
 * per execution environment from the environment and warms them; the other takes the clients, for tests and a
 * local runner.
 */
public final class RedirectHandler implements RequestHandler<APIGatewayV2HTTPEvent, APIGatewayV2HTTPResponse> {

    static final String SERVICE = "redirect";

    private final RedirectConfig config;
    private final GuardedLinkCache cache;
    private final Exchange exchange;
    private final Warmup warmup;
    private final ClickSink clicks;
    private final StructuredLog log;

    /** Lambda's constructor: reads {@link RedirectConfig} from the environment (failing fast), builds, warms. */
    public RedirectHandler() {
        this(Wiring.fromEnvironment());
    }

    private RedirectHandler(Wiring wiring) {
        this(
                wiring.config(),
                wiring.links(),
                wiring.cache(),
                wiring.clicks(),
                InstantSource.system(),
                new StructuredLog(SERVICE));
        warmUp();
    }

    public RedirectHandler(
            RedirectConfig config, LinkStore links, RedisLinkCache cache, ClickSink clicks, InstantSource clock) {
        this(config, links, cache, clicks, clock, new StructuredLog(SERVICE));
    }

    /** With the log of the caller's choosing: tests read the log lines. */
    RedirectHandler(
            RedirectConfig config,
            LinkStore links,
            RedisLinkCache cache,
            ClickSink clicks,
            InstantSource clock,
            StructuredLog log) {
        this.config = Objects.requireNonNull(config, "config");
        this.clicks = Objects.requireNonNull(clicks, "clicks");
        this.log = Objects.requireNonNull(log, "log");
        var times = new CacheTimes(
                config.linkCacheSeconds(),
                config.negativeCacheSeconds(),
                config.edgeCacheSeconds(),
                config.errorEdgeCacheSeconds());
        var breaker = new CircuitBreaker(config.breakerFailures(), config.breakerOpenFor(), clock);
        var source = new DynamoDbLinkSource(links);
        this.cache = new GuardedLinkCache(cache, breaker);
        var responses = new RedirectResponses(times);
        this.exchange =
                new Exchange(new Resolver(this.cache, source, times), responses, clicks, clock, config.originSecret());
        this.warmup = new Warmup(cache, source, responses, clock, log);
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
        Map<String, Object> fields = new LinkedHashMap<>();
        // A plain redirect is logged at DEBUG, which the template's ApplicationLogLevel (INFO) drops, so the line is
        // not even built: one line per redirect would cost more in log ingestion than the function itself. A cold
        // start is INFO, a degraded answer WARN, a failure ERROR; lowering the level to DEBUG shows every request.
        StructuredLog.Level level = cold ? StructuredLog.Level.INFO : StructuredLog.Level.DEBUG;
        APIGatewayV2HTTPResponse response;
        try {
            response = exchange.respond(RedirectRequest.from(event), requestId(event, context), fields);
        } catch (RuntimeException unexpected) {
            level = StructuredLog.Level.ERROR;
            fields.put("outcome", "error");
            fields.put("error_type", unexpected.getClass().getName());
            fields.put("stack_trace", Exchange.stackTrace(unexpected));
            response = exchange.internalError();
        }
        try {
            clicks.beforeFreeze(config.clickBudget());
        } catch (RuntimeException e) {
            level = level == StructuredLog.Level.ERROR ? level : StructuredLog.Level.WARN;
            fields.put("click_flush_error", e.getClass().getName());
        }
        // Degraded but answered: a 503, a Redis failure, a click the sink refused.
        boolean degraded = "unavailable".equals(fields.get("outcome"))
                || fields.containsKey("cache_error")
                || fields.containsKey("click_error");
        if (degraded && level.compareTo(StructuredLog.Level.WARN) < 0) {
            level = StructuredLog.Level.WARN;
        }
        fields.put("status", response.getStatusCode());
        fields.put("breaker", cache.breakerState().name().toLowerCase(Locale.ROOT));
        fields.put("latency_us", (System.nanoTime() - started) / 1_000);
        log.write(level, "request", context, cold, fields);
        return response;
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
