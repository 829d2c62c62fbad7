package dev.shortener.create.dynamodb;

import java.time.Instant;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The items the management API keeps in the links table besides links, and their attribute names. Their keys
 * carry a {@code #} prefix, which no code or alias can contain, so they never collide with a link.
 * The key prefixes and shared attribute names are in {@code LinksTableSchema}; helpers to build and read
 * attribute values are here.
 */
final class ManagementItems {

    private ManagementItems() {}

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
