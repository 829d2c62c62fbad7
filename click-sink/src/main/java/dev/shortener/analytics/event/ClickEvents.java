package dev.shortener.analytics.event;

import dev.shortener.analytics.Click;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Turns the raw facts of a click into the event that leaves the function. This is the one place the client IP
 * is read, and it keeps only the network prefix and the keyed visitor hash.
 */
public final class ClickEvents {

    /** Most browser User-Agents fit; the tail of longer ones is noise that costs ingestion bytes. */
    public static final int MAX_USER_AGENT = 256;

    static final int MAX_REQUEST_ID = 128;

    private static final DateTimeFormatter TS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final VisitorIds visitorIds;
    private final EventIds eventIds;

    public ClickEvents(VisitorIds visitorIds, EventIds eventIds) {
        this.visitorIds = Objects.requireNonNull(visitorIds, "visitorIds");
        this.eventIds = Objects.requireNonNull(eventIds, "eventIds");
    }

    public ClickEvents(byte[] visitorSecret) {
        this(new VisitorIds(visitorSecret), new EventIds());
    }

    public ClickEvent from(Click click) {
        Optional<ClientAddress> address = ClientAddress.parse(click.clientIp());
        Optional<String> botReason = BotDetector.classify(click.userAgent());
        var day = click.at().atOffset(ZoneOffset.UTC).toLocalDate();
        return new ClickEvent(
                ClickEvent.SCHEMA_VERSION,
                eventIds.next(click.at().toEpochMilli()).toString(),
                click.code(),
                TS.format(click.at()),
                Referrers.host(click.referer()),
                truncate(click.userAgent(), MAX_USER_AGENT),
                country(click.country()),
                botReason.isPresent(),
                botReason.orElse(null),
                address.map(a -> visitorIds.visitorId(a, click.userAgent(), day))
                        .orElse(null),
                address.map(ClientAddress::anonymisedPrefix).orElse(null),
                truncate(click.requestId(), MAX_REQUEST_ID),
                click.cacheHit());
    }

    /** Two ASCII letters (CloudFront also sends placeholders such as "XX" for unknown; kept as given). */
    static String country(String header) {
        if (header == null) {
            return null;
        }
        String c = header.trim().toUpperCase(Locale.ROOT);
        return c.length() == 2 && c.chars().allMatch(ch -> ch >= 'A' && ch <= 'Z') ? c : null;
    }

    /** Cuts at a code-point boundary, so the result is always valid UTF-16 (and UTF-8 once encoded). */
    static String truncate(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isLowSurrogate(s.charAt(max)) ? max - 1 : max;
        return s.substring(0, end);
    }
}
