package dev.shortener.analytics.delivery;

import dev.shortener.analytics.event.ClickEventCodec;
import dev.shortener.http.Json;
import dev.shortener.http.StructuredLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The last resort for a click that can't be delivered: one ERROR line {@code click_undelivered} per click, with
 * the whole event as a JSON object under {@code event}. A CloudWatch Logs subscription filter on
 * {@code { $.message = "click_undelivered" }} can replay {@code event} into the stream; the event id makes a
 * replay of a click that did arrive after all a harmless duplicate.
 */
public final class UndeliveredLog {

    public static final String MESSAGE = "click_undelivered";

    /** Why a click is given up. */
    public enum Reason {
        retries_exhausted,
        buffer_full,
        shutdown_timeout,
        flush_timeout,
        rejected
    }

    private final StructuredLog log;

    public UndeliveredLog(StructuredLog log) {
        this.log = Objects.requireNonNull(log, "log");
    }

    public void write(Reason reason, String errorCode, int attempts, List<EncodedClick> clicks) {
        for (EncodedClick click : clicks) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("reason", reason.name());
            if (errorCode != null) {
                fields.put("error_code", errorCode);
            }
            fields.put("attempts", attempts);
            fields.put("event_id", click.eventId());
            // Written raw: the event's own bytes, not a re-serialisation that could drift from what was sent.
            fields.put("event", new Json.Raw(ClickEventCodec.toJson(click.line())));
            log.outsideInvocation(StructuredLog.Level.ERROR, MESSAGE, fields);
        }
    }
}
