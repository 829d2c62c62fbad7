package dev.shortener.create.domain.link;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * When a link may expire: an RFC 3339 instant with an offset, after now and at most the configured maximum
 * ahead. Expiry is kept to the second (it becomes the table's TTL attribute, in epoch seconds), so it is judged
 * after truncation: an instant half a second from now is not in the future once stored.
 */
public final class ExpiryPolicy {

    public static final String FIELD = "expiresAt";

    /** RFC 3339 date-time: seconds required, offset required; {@code T} and {@code Z} in either case. */
    private static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}[Tt]\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?([Zz]|[+-]\\d{2}:\\d{2})");

    private final Duration maxAhead;

    public ExpiryPolicy(Duration maxAhead) {
        if (maxAhead.isNegative() || maxAhead.isZero()) {
            throw new IllegalArgumentException("the maximum expiry must be positive: " + maxAhead);
        }
        this.maxAhead = maxAhead;
    }

    /** The instant in {@code text}, checked against {@code now}, to the second. */
    public Instant parse(String text, Instant now) {
        Instant expiresAt = parseInstant(text).truncatedTo(ChronoUnit.SECONDS);
        if (!expiresAt.isAfter(now)) {
            throw new Rejection(
                    Reason.EXPIRY_NOT_IN_FUTURE,
                    FIELD,
                    "expiresAt must be in the future; it is " + expiresAt + " and now is "
                            + now.truncatedTo(ChronoUnit.SECONDS) + ".");
        }
        if (expiresAt.isAfter(now.plus(maxAhead))) {
            throw new Rejection(
                    Reason.EXPIRY_TOO_FAR,
                    FIELD,
                    "expiresAt may be at most " + maxAhead.toDays()
                            + " days ahead; leave it out for a link that never expires.");
        }
        return expiresAt;
    }

    private static Instant parseInstant(String text) {
        if (text.length() <= 40 && RFC_3339.matcher(text).matches()) {
            try {
                return OffsetDateTime.parse(text.toUpperCase(Locale.ROOT)).toInstant();
            } catch (DateTimeParseException e) {
                // a well-shaped but impossible date (2026-02-30, 25:00): reported below
            }
        }
        throw new Rejection(
                Reason.INVALID_EXPIRY,
                FIELD,
                "expiresAt must be an RFC 3339 date-time with an offset," + " for example 2026-12-31T23:59:59Z.");
    }
}
