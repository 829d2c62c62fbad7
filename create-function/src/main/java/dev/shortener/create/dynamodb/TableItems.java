package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.links.dynamodb.LinksTable;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The item operations that API keys, code reservations, idempotency records and link counters make alike on the
 * links table, by partition key: a strongly consistent read, and writes that apply only while a condition holds,
 * a failed condition being an answer ({@code false} or null), not an error.
 */
final class TableItems {

    private static final String IS_NEW = "attribute_not_exists(" + PARTITION_KEY + ")";

    private final LinksTable table;

    TableItems(LinksTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    /**
     * A strongly consistent read, so that what was just written is seen (a new API key, a reservation, a record
     * another request claimed).
     *
     * @param attributes the attributes to read; all of them when none are named
     * @return the item under {@code partitionKey}; empty when there is none
     */
    Map<String, AttributeValue> read(String partitionKey, String... attributes) {
        var item = table.getItem(get -> {
                    get.key(key(partitionKey)).consistentRead(true);
                    if (attributes.length > 0) {
                        get.projectionExpression(String.join(",", attributes));
                    }
                })
                .item();
        return item == null ? Map.of() : item;
    }

    /** Writes {@code item} unless an item is already under its key; false when one was. */
    boolean putNew(Map<String, AttributeValue> item) {
        return putIf(item, IS_NEW, Map.of());
    }

    /**
     * Writes {@code item} over whatever is under its key, if {@code condition} holds of that (or, there being
     * nothing, of no item); false when it did not.
     */
    boolean putIf(Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        try {
            table.putItem(put -> {
                put.item(item).conditionExpression(condition);
                if (!values.isEmpty()) { // DynamoDB refuses an empty map of expression values
                    put.expressionAttributeValues(values);
                }
            });
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    /** Applies {@code update} to the item under {@code partitionKey} if {@code condition} holds of it; false when not. */
    boolean updateIf(String partitionKey, String update, String condition, Map<String, AttributeValue> values) {
        return update(partitionKey, update, condition, values, ReturnValue.NONE) != null;
    }

    /**
     * As {@link #updateIf}, answering with the item as updated: the same single write, since returning it
     * consumes no read capacity (the UpdateItem reference on {@code ReturnValues}).
     *
     * @return the updated item, or null when the condition did not hold
     */
    Map<String, AttributeValue> updateAndReadIf(
            String partitionKey, String update, String condition, Map<String, AttributeValue> values) {
        return update(partitionKey, update, condition, values, ReturnValue.ALL_NEW);
    }

    private Map<String, AttributeValue> update(
            String partitionKey,
            String update,
            String condition,
            Map<String, AttributeValue> values,
            ReturnValue returned) {
        try {
            return table.updateItem(change -> change.key(key(partitionKey))
                            .updateExpression(update)
                            .conditionExpression(condition)
                            .expressionAttributeValues(values)
                            .returnValues(returned))
                    .attributes();
        } catch (ConditionalCheckFailedException failed) {
            return null;
        }
    }

    /** Deletes the item under {@code partitionKey} if {@code condition} holds of it; false when it did not. */
    boolean deleteIf(String partitionKey, String condition, Map<String, AttributeValue> values) {
        try {
            table.deleteItem(delete ->
                    delete.key(key(partitionKey)).conditionExpression(condition).expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException failed) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String partitionKey) {
        return Map.of(PARTITION_KEY, s(partitionKey));
    }
}
