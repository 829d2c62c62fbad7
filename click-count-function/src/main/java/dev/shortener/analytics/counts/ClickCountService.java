package dev.shortener.analytics.counts;

import dev.shortener.analytics.ClickLayout;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Objects;
import java.util.Set;

/** Counts one object of events and adds the counts to the links and their day stats through the ledger. */
public final class ClickCountService {

    /**
     * How far back a resent event may sit in an earlier object. The sink resends a batch whose answer was lost
     * after at most a few seconds of backoff (5 s cap, a handful of attempts), so the copy lands in the same
     * Firehose buffer or the next; ten minutes is two buffers of the template's 300 s, with margin.
     */
    public static final Duration RESEND_WINDOW = Duration.ofMinutes(10);

    /** What happened to one object. */
    public record Outcome(ObjectRef object, ClickCountLedger.Result result, ObjectClickCounts counts) {}

    private final ClickObjectSource source;
    private final ClickCountLedger ledger;
    private final ClickCounter counter;

    public ClickCountService(ClickObjectSource source, ClickCountLedger ledger, ClickCounter counter) {
        this.source = Objects.requireNonNull(source, "source");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.counter = Objects.requireNonNull(counter, "counter");
    }

    /** Null when the object is not an event object (an error-prefix object, say): nothing to count. */
    public Outcome process(ObjectRef object, Instant now, Instant leaseUntil) throws IOException {
        if (!ClickLayout.isEventObject(object.key())) {
            return null;
        }
        Set<String> countedBefore = new HashSet<>();
        for (ObjectRef earlier : source.writtenJustBefore(object)) {
            try (InputStream in = source.open(earlier)) {
                eventIds(in, countedBefore);
            }
        }
        ObjectClickCounts counts;
        try (InputStream in = source.open(object)) {
            counts = counter.count(in, countedBefore);
        }
        return new Outcome(object, ledger.apply(object, counts, now, leaseUntil), counts);
    }

    /**
     * The event ids of an object, found without parsing the JSON: the codec writes {@code "event_id":"..."}
     * near each line's start, and an id is a UUID (no escapes).
     */
    static void eventIds(InputStream ndjson, Set<String> into) throws IOException {
        String marker = "\"event_id\":\"";
        var reader = new BufferedReader(new InputStreamReader(ndjson, StandardCharsets.UTF_8), 64 * 1024);
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            int start = line.indexOf(marker);
            if (start >= 0) {
                int from = start + marker.length();
                int end = line.indexOf('"', from);
                if (end > from) {
                    into.add(line.substring(from, end));
                }
            }
        }
    }
}
