package dev.shortener.analytics.counts;

import dev.shortener.analytics.counts.handler.ClickCountHandler;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.testsupport.SampleEvents;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** The committed sample S3 notification, and the handler invoked with one as Lambda invokes it (bytes in, out). */
public final class S3Notifications {

    private S3Notifications() {}

    /** {@code events/clickcount-s3-object-created.json}, as S3 sends it. */
    public static String sample() {
        return SampleEvents.json("clickcount-s3-object-created.json");
    }

    /** What the handler writes back for {@code event}. */
    public static String invoke(ClickCountHandler handler, String event) throws IOException {
        var out = new ByteArrayOutputStream();
        handler.handleRequest(
                new ByteArrayInputStream(event.getBytes(StandardCharsets.UTF_8)),
                out,
                InvocationContext.fresh("click-count"));
        return out.toString(StandardCharsets.UTF_8);
    }
}
