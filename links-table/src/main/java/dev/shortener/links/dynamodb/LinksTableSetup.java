package dev.shortener.links.dynamodb;

import dev.shortener.links.LinksTableSchema;
import java.time.Duration;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CreateGlobalSecondaryIndexAction;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndexUpdate;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the links table where the template does not: on an emulator, for tests and the local runner. (In AWS
 * the template owns the table; no function creates tables.)
 */
public final class LinksTableSetup {

    /** The SDK's default waiter polls every 20 s; an emulator creates a table in milliseconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    private static final int MAX_POLLS = 1_500;

    private LinksTableSetup() {}

    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(LinksTableSchema.createTableRequest(tableName));
        } catch (ResourceInUseException exists) {
            addOwnerIndexIfMissing(dynamoDb, tableName); // created before: keep its data
        }
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(dynamoDb)
                .overrideConfiguration(wait -> wait.backoffStrategy(FixedDelayBackoffStrategy.create(POLL))
                        .maxAttempts(MAX_POLLS))
                .build()) {
            waiter.waitUntilTableExists(wait -> wait.tableName(tableName));
        }
    }

    /**
     * A table made before the owner index existed (a local runner's data folder) gets it added; its older links
     * appear in listings once {@code BackfillOwnerIndex} has given them the index's attributes.
     */
    private static void addOwnerIndexIfMissing(DynamoDbClient dynamoDb, String tableName) {
        var table = dynamoDb.describeTable(describe -> describe.tableName(tableName))
                .table();
        boolean present = table.hasGlobalSecondaryIndexes()
                && table.globalSecondaryIndexes().stream()
                        .anyMatch(index -> index.indexName().equals(LinksTableSchema.OWNER_INDEX));
        if (present) {
            return;
        }
        var index = LinksTableSchema.ownerIndex();
        var request = LinksTableSchema.createTableRequest(tableName);
        dynamoDb.updateTable(update -> update.tableName(tableName)
                .attributeDefinitions(request.attributeDefinitions())
                .globalSecondaryIndexUpdates(GlobalSecondaryIndexUpdate.builder()
                        .create(CreateGlobalSecondaryIndexAction.builder()
                                .indexName(index.indexName())
                                .keySchema(index.keySchema())
                                .projection(index.projection())
                                .build())
                        .build()));
    }
}
