package dev.shortener.create.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the management API keeps in the links table besides links, and their attribute names. Their keys
 * carry a {@code #} prefix, which no code or alias can contain, so they never collide with a link.
 *
 * <p>These names belong with {@code LinksTableSchema} in the links-table module (the template and the other
 * functions should see them too); they live here until that module is extended.
 */
final class ManagementItems {

    /** {@code apikey#<sha-256 hex of the key>}: a key's owner. */
    static final String API_KEY_PREFIX = "apikey#";
    static final String OWNER_ID = "owner_id";
    static final String KEY_ID = "key_id";
    /** Set to revoke a key without losing the record of it. */
    static final String REVOKED_AT = "revoked_at";

    /** {@code reserved#<code>}: a permanent claim on a code whose link item may be deleted by TTL. No TTL itself. */
    static final String RESERVATION_PREFIX = "reserved#";

    /** {@code idem#<key id>#<sha-256 hex of the Idempotency-Key>}: an idempotency record, with a TTL. */
    static final String IDEMPOTENCY_PREFIX = "idem#";

    /** Written by the click-count function beside {@code click_count}: epoch seconds of the last count update. */
    static final String CLICKS_UPDATED_AT = "clicks_updated_at";

    private ManagementItems() {
    }

    static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue seconds(Instant instant) {
        return n(instant.getEpochSecond());
    }

    static Instant instant(AttributeValue value) {
        if (value == null) {
            return null;
        }
        return value.n() != null ? Instant.ofEpochSecond(Long.parseLong(value.n())) : Instant.parse(value.s());
    }

    static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
