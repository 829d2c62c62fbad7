package dev.shortener.create.api;

import dev.shortener.create.domain.listing.ListFilter;
import dev.shortener.create.domain.listing.ListQuery;
import dev.shortener.http.Problem;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Objects;

/**
 * Listing cursors: opaque to clients, and tamper-proof. A cursor is {@code base64url(payload) "." base64url(mac)};
 * the payload holds a version, an expiry and the position in the owner's index; the MAC (HMAC-SHA256) covers the
 * payload <em>and</em> the owner and the filters it was issued for, which the cursor does not carry. So a cursor
 * altered in any byte, forged, used by another owner (another owner's index position would need that owner's
 * MAC), replayed with other filters, or older than {@link #LIFETIME}, is refused with 400 {@code invalid-cursor}.
 */
final class ListCursors {

    /** Long enough to page through any listing at a person's pace, short enough that a leaked cursor goes stale. */
    static final Duration LIFETIME = Duration.ofHours(1);

    private static final String VERSION = "v1";
    private static final int MAX_LENGTH = 512;
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final CursorKey key;

    ListCursors(CursorKey key) {
        this.key = Objects.requireNonNull(key, "key");
    }

    String issue(ListQuery.Position position, String owner, ListFilter filter, Instant now) {
        String payload = VERSION + "|" + now.plus(LIFETIME).getEpochSecond() + "|" + position.sortKey();
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + ENCODER.encodeToString(key.sign(signed(payload, owner, filter)));
    }

    /** @throws ApiProblem 400 {@code invalid-cursor} for anything but a cursor issued to this owner for this filter */
    ListQuery.Position read(String cursor, String owner, ListFilter filter, Instant now) {
        int dot = cursor.indexOf('.');
        if (cursor.length() > MAX_LENGTH || dot <= 0) {
            throw invalid("This cursor is not one the API issued.");
        }
        String payload;
        byte[] mac;
        try {
            payload = new String(DECODER.decode(cursor.substring(0, dot)), StandardCharsets.UTF_8);
            mac = DECODER.decode(cursor.substring(dot + 1));
        } catch (IllegalArgumentException e) {
            throw invalid("This cursor is not one the API issued.");
        }
        if (!key.verify(signed(payload, owner, filter), mac)) {
            throw invalid("This cursor was not issued for this API key's owner and these filters,"
                    + " or it was altered. Send the same filters as for the page it came with.");
        }
        String[] parts = payload.split("\\|", 3);
        if (parts.length != 3 || !parts[0].equals(VERSION)) {
            throw invalid("This cursor is not one the API issued.");
        }
        if (Long.parseLong(parts[1]) <= now.getEpochSecond()) {
            throw invalid("This cursor has expired (cursors last " + LIFETIME.toMinutes()
                    + " minutes); start the listing again without one.");
        }
        return new ListQuery.Position(parts[2]);
    }

    private static String signed(String payload, String owner, ListFilter filter) {
        return payload + "\n" + owner.length() + ":" + owner + "\n" + filter.canonical();
    }

    private static ApiProblem invalid(String detail) {
        return new ApiProblem(Problem.of(Problems.INVALID_CURSOR, detail).with("parameter", "cursor"), Map.of());
    }
}
