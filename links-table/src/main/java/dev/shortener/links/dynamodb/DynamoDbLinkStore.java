package dev.shortener.links.dynamodb;

import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.DELETED_AT;
import static dev.shortener.links.LinksTableSchema.DESTINATION_HOST;
import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.FORWARD_QUERY;
import static dev.shortener.links.LinksTableSchema.ORIGINAL_URL;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.TAGS;
import static dev.shortener.links.LinksTableSchema.UPDATED_AT;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.key;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.links.LinkStoreUnavailableException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/** The link store on the DynamoDB links table. Every write is conditional: nothing is ever overwritten blindly. */
public final class DynamoDbLinkStore implements LinkStore {

    private static final String OWNED_LIVE_LINK = "attribute_exists(" + PARTITION_KEY + ")"
            + " AND attribute_not_exists(" + DELETED_AT + ") AND " + CREATED_BY + " = :owner";

    private final LinksTable table;

    public DynamoDbLinkStore(LinksTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public boolean putIfAbsent(Link link) {
        try {
            table.putItem(put -> put.item(LinkItems.toItem(link))
                    .conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * Strongly consistent: right after an update invalidates the cache, the redirect path's miss must read the new
     * destination, not a stale replica it would then cache for hours.
     */
    @Override
    public LinkLookup find(String code, Instant now) {
        if (code.indexOf('#') >= 0) {
            return LinkLookup.notFound(); // keys of other item kinds are never links
        }
        try {
            var item = table.getItem(get -> get.key(key(code)).consistentRead(true))
                    .item();
            return LinkItems.toLookup(item, now);
        } catch (SdkException e) {
            throw new LinkStoreUnavailableException(e);
        }
    }

    @Override
    public Optional<Link> update(String code, String owner, LinkChange change, Instant now) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", s(owner));
        values.put(":now", epochSeconds(now));
        StringBuilder set = new StringBuilder("SET " + UPDATED_AT + " = :now");
        if (change.url() != null) {
            set.append(", ").append(ORIGINAL_URL).append(" = :url");
            values.put(":url", s(change.url()));
        }
        if (change.url() != null) {
            set.append(", ").append(DESTINATION_HOST).append(" = :host");
            values.put(":host", s(LinkItems.hostOf(change.url())));
        }
        if (change.expiresAt() != null) {
            set.append(", ").append(EXPIRES_AT).append(" = :expires");
            values.put(":expires", epochSeconds(change.expiresAt()));
        }
        if (change.forwardQuery() != null) {
            set.append(", ").append(FORWARD_QUERY).append(" = :forward");
            values.put(":forward", AttributeValue.fromBool(change.forwardQuery()));
        }
        List<String> removed = new ArrayList<>();
        if (change.removeExpiry()) {
            removed.add(EXPIRES_AT);
        }
        if (change.tags() != null && !change.tags().isEmpty()) {
            set.append(", ").append(TAGS).append(" = :tags");
            values.put(":tags", AttributeValue.fromSs(List.copyOf(change.tags())));
        } else if (change.tags() != null) {
            removed.add(TAGS); // an empty set can't be stored: no tags is no attribute
        }
        String expression = removed.isEmpty() ? set.toString() : set + " REMOVE " + String.join(", ", removed);
        try {
            var updated = table.updateItem(update -> update.key(key(code))
                    .updateExpression(expression)
                    .conditionExpression(OWNED_LIVE_LINK)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(LinkItems.toLink(updated.attributes()));
        } catch (ConditionalCheckFailedException noSuchLink) {
            return Optional.empty();
        }
    }

    /** The tombstone keeps no destination and no TTL attribute, so DynamoDB never removes it and frees the code. */
    @Override
    public boolean delete(String code, String owner, Instant now) {
        try {
            table.updateItem(update -> update.key(key(code))
                    .updateExpression("SET " + DELETED_AT + " = :now, " + UPDATED_AT + " = :now" + " REMOVE "
                            + ORIGINAL_URL + ", " + EXPIRES_AT + ", " + DESTINATION_HOST)
                    .conditionExpression(OWNED_LIVE_LINK)
                    .expressionAttributeValues(Map.of(":owner", s(owner), ":now", epochSeconds(now))));
            return true;
        } catch (ConditionalCheckFailedException noSuchLink) {
            return false;
        }
    }
}
