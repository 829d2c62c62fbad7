package dev.shortener.redirect;

import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.links.LinkStore;
import dev.shortener.redirect.http.ForwardedQuery;
import dev.shortener.redirect.http.RedirectResponses;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The init-time warm-up. Each step is one that the first request would otherwise pay for:
 * <ul>
 *   <li>a Redis GET of a key that is never set: like a PING it opens a pooled connection (TCP, TLS with
 *       {@code rediss://}, AUTH), and it also loads the cache's read path;</li>
 *   <li>a DynamoDB GetItem of a key that is never a link ({@code ~} is no code character): it resolves the
 *       credentials, opens the HTTPS connection and loads the signer and marshallers of the very call a miss
 *       makes. (DescribeTable would need an extra permission and warm a call the redirect never makes.);</li>
 *   <li>every kind of response rendered once: Jackson's serializers for problems, the pages, IDN.</li>
 * </ul>
 * A failing dependency does not fail the init: requests handle outages (breaker, 503), and an init that fails
 * would only make Lambda retry it. Nothing here records a click or fills the cache.
 */
final class Warmup {

    static final String WARMUP_CODE = "~warmup";

    private final RedisLinkCache redis;
    private final LinkStore links;
    private final RedirectResponses responses;
    private final InstantSource clock;
    private final StructuredLog log;

    Warmup(RedisLinkCache redis, LinkStore links, RedirectResponses responses, InstantSource clock, StructuredLog log) {
        this.redis = redis;
        this.links = links;
        this.responses = responses;
        this.clock = clock;
        this.log = log;
    }

    void run() {
        Map<String, Object> fields = new LinkedHashMap<>();
        boolean ok = step(fields, "redis", () -> redis.get(WARMUP_CODE));
        ok &= step(fields, "dynamodb", () -> links.find(WARMUP_CODE, clock.instant()));
        ok &= step(fields, "responses", this::renderEveryResponse);
        log.outsideInvocation(ok ? StructuredLog.Level.INFO : StructuredLog.Level.WARN, "warmup", fields);
    }

    private void renderEveryResponse() {
        Instant now = clock.instant();
        String url = "https://b\u00fccher.example/warm?up=1";
        responses.redirect(url, now.plusSeconds(3600), now);
        responses.preview("warmup", url, null, now);
        for (boolean json : new boolean[] {true, false}) {
            responses.notFound("warmup", json);
            responses.notFound(null, json);
            responses.gone("warmup", json);
            responses.unavailable(json);
        }
        responses.rootPage();
        responses.rootRedirect(url);
        responses.robotsTxt();
        new ForwardedQuery(2048).apply(url, "utm_source=warmup&up=2");
        responses.methodNotAllowed();
        responses.internalError();
    }

    /** @return whether the step worked; its result (ok, or the failure's type) and duration go in the log line */
    private static boolean step(Map<String, Object> fields, String name, Runnable work) {
        long started = System.nanoTime();
        String result = "ok";
        try {
            work.run();
        } catch (RuntimeException e) {
            result = e.getClass().getSimpleName();
        }
        fields.put(name, result);
        fields.put(name + "_ms", (System.nanoTime() - started) / 1_000_000);
        return "ok".equals(result);
    }
}
