package dev.shortener.links.dynamodb;

import static dev.shortener.links.LinksTableSchema.CLICK_COUNT;
import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.DELETED_AT;
import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.FORWARD_QUERY;
import static dev.shortener.links.LinksTableSchema.ORIGINAL_URL;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;

import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Maps links to and from DynamoDB items, and the attribute values every item of the links table is made of: the
 * one helper for them, used by the create function's items as well. Times are epoch seconds (numbers), as the TTL
 * attribute must be; no item was ever written with another format, so none is read.
 */
public final class LinkItems {

    private LinkItems() {}

    static Map<String, AttributeValue> key(String code) {
        return Map.of(PARTITION_KEY, s(code));
    }

    static Map<String, AttributeValue> toItem(Link link) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put(PARTITION_KEY, s(link.code()));
        item.put(ORIGINAL_URL, s(link.url()));
        item.put(CREATED_AT, epochSeconds(link.createdAt()));
        item.put(CREATED_BY, s(link.createdBy()));
        item.put(CLICK_COUNT, n(link.clickCount()));
        if (link.expires()) {
            item.put(EXPIRES_AT, epochSeconds(link.expiresAt()));
        }
        if (link.forwardQuery()) {
            item.put(FORWARD_QUERY, AttributeValue.fromBool(true));
        }
        return item;
    }

    static Link toLink(Map<String, AttributeValue> item) {
        return new Link(
                item.get(PARTITION_KEY).s(),
                item.get(ORIGINAL_URL).s(),
                instant(item.get(CREATED_AT)),
                item.containsKey(EXPIRES_AT) ? instant(item.get(EXPIRES_AT)) : null,
                item.get(CREATED_BY).s(),
                item.containsKey(CLICK_COUNT)
                        ? Long.parseLong(item.get(CLICK_COUNT).n())
                        : 0,
                forwardsQuery(item));
    }

    /** Absent (every link written before the attribute existed) reads as false: those never forwarded. */
    static boolean forwardsQuery(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(FORWARD_QUERY);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    static LinkLookup toLookup(Map<String, AttributeValue> item, Instant now) {
        if (item == null || item.isEmpty()) {
            return LinkLookup.notFound();
        }
        if (item.containsKey(DELETED_AT)) {
            return LinkLookup.deleted();
        }
        Link link = toLink(item);
        return link.isExpiredAt(now) ? LinkLookup.expired(link) : LinkLookup.active(link);
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    public static AttributeValue epochSeconds(Instant instant) {
        return n(instant.getEpochSecond());
    }

    /** The instant an epoch-seconds attribute holds; null when the attribute is absent. */
    public static Instant instant(AttributeValue epochSeconds) {
        return epochSeconds == null ? null : Instant.ofEpochSecond(Long.parseLong(epochSeconds.n()));
    }

    /** A string attribute of {@code item}; null when absent. */
    public static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }
}
