package dev.shortener.links.dynamodb;

import dev.shortener.links.LinksTableSchema;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The links table as every DynamoDB adapter reaches it: the client, built once per execution environment, and the
 * table's name, which always travel together. The wiring makes one and hands it to each adapter.
 *
 * <p>The single-item operations name the table themselves, so an adapter says only what it reads or writes; the
 * reads of many items by key are {@link #batchGet}; the other operations (Query, Scan) go through {@link #dynamoDb()}
 * with {@link #name()}.
 *
 * @param dynamoDb the client
 * @param name     the table's name
 */
public record LinksTable(DynamoDbClient dynamoDb, String name) {

    /** BatchGetItem's limit of keys per call. */
    public static final int KEYS_PER_BATCH = 100;

    public LinksTable {
        Objects.requireNonNull(dynamoDb, "dynamoDb");
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("the links table needs a name, got: " + name);
        }
    }

    public GetItemResponse getItem(Consumer<GetItemRequest.Builder> request) {
        return dynamoDb.getItem(get -> request.accept(get.tableName(name)));
    }

    public PutItemResponse putItem(Consumer<PutItemRequest.Builder> request) {
        return dynamoDb.putItem(put -> request.accept(put.tableName(name)));
    }

    public UpdateItemResponse updateItem(Consumer<UpdateItemRequest.Builder> request) {
        return dynamoDb.updateItem(update -> request.accept(update.tableName(name)));
    }

    public DeleteItemResponse deleteItem(Consumer<DeleteItemRequest.Builder> request) {
        return dynamoDb.deleteItem(delete -> request.accept(delete.tableName(name)));
    }

    /**
     * The items under {@code partitionKeys} (those that exist), read with one BatchGetItem per
     * {@value #KEYS_PER_BATCH} keys, its limit. The keys a call hands back unprocessed (throttling) are asked for
     * again, after {@code backOff} has been called with the retry's number (1, 2, ...).
     *
     * @param read what to read of each item (a projection, say); the keys are set here
     */
    public List<Map<String, AttributeValue>> batchGet(
            List<String> partitionKeys, Consumer<KeysAndAttributes.Builder> read, IntConsumer backOff) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0; from < partitionKeys.size(); from += KEYS_PER_BATCH) {
            KeysAndAttributes.Builder keys = KeysAndAttributes.builder()
                    .keys(partitionKeys.subList(from, Math.min(partitionKeys.size(), from + KEYS_PER_BATCH)).stream()
                            .map(key -> Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS(key)))
                            .toList());
            read.accept(keys);
            Map<String, KeysAndAttributes> request = Map.of(name, keys.build());
            for (int retry = 1; ; retry++) {
                Map<String, KeysAndAttributes> ask = request;
                var answer = dynamoDb.batchGetItem(get -> get.requestItems(ask));
                items.addAll(answer.responses().getOrDefault(name, List.of()));
                if (!answer.hasUnprocessedKeys() || answer.unprocessedKeys().isEmpty()) {
                    break;
                }
                request = answer.unprocessedKeys();
                backOff.accept(retry);
            }
        }
        return items;
    }
}
