package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.RESERVATION_PREFIX;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.create.domain.link.CodeReservations;
import dev.shortener.links.dynamodb.LinkItems;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/** Code reservations as {@code reserved#<code>} items: no TTL attribute, so DynamoDB never deletes them. */
public final class DynamoDbCodeReservations implements CodeReservations {

    private final DynamoDbClient dynamoDb;
    private final String tableName;

    public DynamoDbCodeReservations(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = Objects.requireNonNull(dynamoDb, "dynamoDb");
        this.tableName = Objects.requireNonNull(tableName, "tableName");
    }

    @Override
    public boolean reserve(String code, String owner, Instant now) {
        try {
            dynamoDb.putItem(put -> put.tableName(tableName)
                    .item(Map.of(
                            PARTITION_KEY,
                            s(RESERVATION_PREFIX + code),
                            CREATED_BY,
                            s(owner),
                            CREATED_AT,
                            epochSeconds(now)))
                    .conditionExpression("attribute_not_exists(" + PARTITION_KEY + ")"));
            return true;
        } catch (ConditionalCheckFailedException reserved) {
            return false;
        }
    }

    @Override
    public void release(String code, String owner) {
        try {
            dynamoDb.deleteItem(delete -> delete.tableName(tableName)
                    .key(Map.of(PARTITION_KEY, s(RESERVATION_PREFIX + code)))
                    .conditionExpression(CREATED_BY + " = :owner")
                    .expressionAttributeValues(Map.of(":owner", s(owner))));
        } catch (ConditionalCheckFailedException notOurs) {
            // someone else's reservation (or none): leave it
        }
    }

    @Override
    public Optional<String> ownerOf(String code) {
        var item = dynamoDb.getItem(get -> get.tableName(tableName)
                        .key(Map.of(PARTITION_KEY, s(RESERVATION_PREFIX + code)))
                        .consistentRead(true))
                .item();
        return Optional.ofNullable(item == null ? null : LinkItems.string(item, CREATED_BY));
    }
}
