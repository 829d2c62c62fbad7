package dev.shortener.links.dynamodb;

import static dev.shortener.links.LinksTableSchema.CLICK_COUNT;
import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.DELETED_AT;
import static dev.shortener.links.LinksTableSchema.DESTINATION_HOST;
import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.FORWARD_QUERY;
import static dev.shortener.links.LinksTableSchema.ORIGINAL_URL;
import static dev.shortener.links.LinksTableSchema.OWNER_KEY;
import static dev.shortener.links.LinksTableSchema.OWNER_SORT_KEY;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.TAGS;

import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinksTableSchema;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
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

    /** The item of a new link, with the owner index's attributes. */
    public static Map<String, AttributeValue> toItem(Link link) {
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
        if (!link.tags().isEmpty()) {
            item.put(TAGS, AttributeValue.fromSs(List.copyOf(link.tags())));
        }
        item.put(DESTINATION_HOST, s(hostOf(link.url())));
        item.put(OWNER_KEY, s(link.createdBy()));
        item.put(
                OWNER_SORT_KEY, s(LinksTableSchema.ownerSortKey(link.createdAt().getEpochSecond(), link.code())));
        return item;
    }

    /** The link an item holds; the item must be a link that is not a tombstone. */
    public static Link toLink(Map<String, AttributeValue> item) {
        return new Link(
                item.get(PARTITION_KEY).s(),
                item.get(ORIGINAL_URL).s(),
                instant(item.get(CREATED_AT)),
                item.containsKey(EXPIRES_AT) ? instant(item.get(EXPIRES_AT)) : null,
                item.get(CREATED_BY).s(),
                item.containsKey(CLICK_COUNT)
                        ? Long.parseLong(item.get(CLICK_COUNT).n())
                        : 0,
                forwardsQuery(item),
                tags(item));
    }

    /** Absent (every link written before the attribute existed) reads as false: those never forwarded. */
    static boolean forwardsQuery(Map<String, AttributeValue> item) {
        AttributeValue value = item.get(FORWARD_QUERY);
        return value != null && Boolean.TRUE.equals(value.bool());
    }

    /** A link item's tags; empty when it has none. */
    public static SortedSet<String> tags(Map<String, AttributeValue> item) {
        AttributeValue tags = item.get(TAGS);
        return tags == null || !tags.hasSs() ? new TreeSet<>() : new TreeSet<>(tags.ss());
    }

    /**
     * The host of a normalised http(s) URL, lower case: what a listing's {@code q} matches the start of. Read by
     * hand rather than with {@code URI}, which gives no host for names with underscores.
     */
    public static String hostOf(String url) {
        int start = url.indexOf("://");
        start = start < 0 ? 0 : start + 3;
        int end = start;
        while (end < url.length() && "/?#:".indexOf(url.charAt(end)) < 0) {
            end++;
        }
        String host = url.substring(start, end);
        int at = host.lastIndexOf('@');
        return (at < 0 ? host : host.substring(at + 1)).toLowerCase(Locale.ROOT);
    }

    static LinkLookup toLookup(Map<String, AttributeValue> item, Instant now) {
        if (item == null || item.isEmpty()) {
            return LinkLookup.notFound();
        }
        if (item.containsKey(DELETED_AT)) {
            return LinkLookup.deleted();
        }
        return LinkLookup.of(toLink(item), now);
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
