package dev.shortener.links.dynamodb;

import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

/**
 * The links table as every DynamoDB adapter reaches it: the client, built once per execution environment, and the
 * table's name, which always travel together. The wiring makes one and hands it to each adapter.
 *
 * <p>The single-item operations name the table themselves, so an adapter says only what it reads or writes; the
 * other operations (Query, BatchGetItem, Scan) go through {@link #dynamoDb()} with {@link #name()}.
 *
 * @param dynamoDb the client
 * @param name     the table's name
 */
public record LinksTable(DynamoDbClient dynamoDb, String name) {

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
}
