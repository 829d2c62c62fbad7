package dev.shortener.analytics.event;

import java.util.Objects;

/**
 * One click as it leaves the function: one JSON object per line (NDJSON), the row that Athena and DuckDB query.
 * Derived from a {@link dev.shortener.analytics.Click} by {@link ClickEvents}; it carries no raw IP address.
 *
 * <p>{@link ClickEventCodec} writes it with the Glue table's column names. A change that breaks readers
 * increments {@link #SCHEMA_VERSION}.
 *
 * @param v            schema version
 * @param eventId      unique per click (UUIDv7); resends carry the same id, so queries deduplicate by it
 * @param code         the short code
 * @param ts           when, ISO-8601 UTC with milliseconds ({@code 2026-05-01T12:34:56.789Z}); its first ten
 *                     characters are the click's UTC date
 * @param referrerHost the Referer's host only (no path or query, which can carry personal data)
 * @param userAgent    the User-Agent, truncated to {@link ClickEvents#MAX_USER_AGENT} characters
 * @param country      ISO 3166-1 alpha-2 from CloudFront-Viewer-Country
 * @param bot          a known crawler, link previewer or HTTP tool; flagged, never dropped
 * @param botReason    which rule matched (e.g. {@code Slackbot}, {@code curl}, {@code no_user_agent})
 * @param visitorId    keyed hash of IP and User-Agent under the day's salt: counts unique visitors per day,
 *                     can't be joined across days or reversed to an address
 * @param ipPrefix     the network, never the host: IPv4 /24 ({@code 203.0.113.0/24}), IPv6 /48
 * @param requestId    the invocation's request id
 * @param cacheHit     whether Redis answered the lookup
 */
public record ClickEvent(
        int v,
        String eventId,
        String code,
        String ts,
        String referrerHost,
        String userAgent,
        String country,
        boolean bot,
        String botReason,
        String visitorId,
        String ipPrefix,
        String requestId,
        boolean cacheHit) {

    public static final int SCHEMA_VERSION = 1;

    public ClickEvent {
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(ts, "ts");
    }

    /** The click's UTC date, {@code yyyy-MM-dd}. */
    public String day() {
        return ts.substring(0, 10);
    }
}
