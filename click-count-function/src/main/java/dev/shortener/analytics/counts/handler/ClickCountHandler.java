package dev.shortener.analytics.counts.handler;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import dev.shortener.analytics.counts.ClickCountLedger;
import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.config.Environment;
import dev.shortener.http.StructuredLog;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The click-count function: triggered when Firehose writes an event object to S3, it counts the clicks by people
 * per code and adds them to the links' {@code click_count}, and every click to the links' and owners' day stats
 * items, once per object however often the notification comes. An object another invocation is still counting fails this invocation, so Lambda retries it later.
 */
public final class ClickCountHandler implements RequestStreamHandler {

    /** How long after this invocation's own deadline another one may take over its object. */
    static final Duration LEASE_MARGIN = Duration.ofSeconds(10);

    private final ClickCountService service;
    private final StructuredLog log;
    private final InstantSource time;

    /** Lambda's constructor: real clients from the environment. */
    public ClickCountHandler() {
        this(ClickCountWiring.fromEnvironment(Environment.system()));
    }

    /** Tests' constructor: the service over the ports they chose, their log and time. */
    public ClickCountHandler(ClickCountWiring wiring) {
        Objects.requireNonNull(wiring, "wiring");
        this.service = wiring.service();
        this.log = wiring.log();
        this.time = wiring.time();
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        boolean cold = log.startInvocation();
        List<ObjectRef> objects = S3Notifications.objectsCreated(input);
        Instant now = time.instant();
        Instant leaseUntil =
                now.plusMillis(Math.max(context.getRemainingTimeInMillis(), 0)).plus(LEASE_MARGIN);
        int busy = 0;
        for (ObjectRef object : objects) {
            ClickCountService.Outcome outcome = service.process(object, now, leaseUntil);
            if (outcome == null) {
                log.info("click_object_ignored", context, cold, Map.of("key", object.key()));
                continue;
            }
            busy += outcome.result() == ClickCountLedger.Result.BUSY ? 1 : 0;
            log.info(
                    "click_counts_" + outcome.result().name().toLowerCase(Locale.ROOT), context, cold, fields(outcome));
        }
        if (busy > 0) {
            throw new ObjectBusyException(busy + " object(s) are being counted by another invocation; retry later");
        }
        output.write(("{\"objects\":" + objects.size() + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Map<String, Object> fields(ClickCountService.Outcome outcome) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("key", outcome.object().key());
        fields.put("etag", outcome.object().etag());
        fields.put("clicks", outcome.counts().clicks());
        fields.put("bots", outcome.counts().bots());
        fields.put("codes", outcome.counts().perCode().size());
        fields.put("link_days", outcome.counts().perLinkDay().size());
        fields.put("duplicates", outcome.counts().duplicates());
        fields.put("malformed", outcome.counts().malformed());
        return fields;
    }

    /** Thrown so that Lambda retries the event (asynchronous invocations are retried twice, with backoff). */
    public static final class ObjectBusyException extends RuntimeException {
        ObjectBusyException(String message) {
            super(message);
        }
    }
}
