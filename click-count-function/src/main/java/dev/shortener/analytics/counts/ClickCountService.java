package dev.shortener.analytics.counts;

import dev.shortener.analytics.ClickLayout;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.Objects;

/** Counts one object of events and adds the counts to the links through the ledger. No AWS types. */
public final class ClickCountService {

    /** What happened to one object. */
    public record Outcome(ObjectRef object, ClickCountLedger.Result result, ObjectClickCounts counts) {}

    private final ClickObjectSource source;
    private final ClickCountLedger ledger;
    private final ClickCounter counter = new ClickCounter();

    public ClickCountService(ClickObjectSource source, ClickCountLedger ledger) {
        this.source = Objects.requireNonNull(source, "source");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
    }

    /** Null when the object is not an event object (an error-prefix object, say): nothing to count. */
    public Outcome process(ObjectRef object, Instant now, Instant leaseUntil) throws IOException {
        if (!ClickLayout.isEventObject(object.key())) {
            return null;
        }
        ObjectClickCounts counts;
        try (InputStream in = source.open(object)) {
            counts = counter.count(in);
        }
        return new Outcome(object, ledger.apply(object, counts.perCode(), now, leaseUntil), counts);
    }
}
