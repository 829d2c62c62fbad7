package dev.shortener.links.dynamodb;

import dev.shortener.links.LinksTableSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.retry.backoff.FixedDelayBackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates the links table where the template does not: on an emulator, for tests and the local runner. (In AWS
 * the template owns the table; no function creates tables.)
 */
public final class LinksTableSetup {

    /** The SDK's default waiter polls every 20 s; an emulator creates a table in milliseconds. */
    private static final Duration POLL = Duration.ofMillis(20);

    private static final int MAX_POLLS = 1_500;
    private static final String MIGRATION_SUFFIX = "-owner-index-migration";

    private LinksTableSetup() {}

    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        String migration = tableName + MIGRATION_SUFFIX;
        try {
            create(dynamoDb, tableName);
            if (exists(dynamoDb, migration)) { // an earlier start stopped half way through adding the index
                copyItems(dynamoDb, migration, tableName);
                dynamoDb.deleteTable(delete -> delete.tableName(migration));
            }
        } catch (ResourceInUseException exists) {
            addOwnerIndexIfMissing(dynamoDb, tableName, migration); // created before: keep its data
        }
    }

    /**
     * A table made before the owner index existed (a local runner's data folder) is rebuilt with it: dynalite
     * accepts an UpdateTable that creates a global secondary index but ignores it, so the items are copied to a
     * new table, the old one is made again with the index, and they are copied back (a start interrupted half way
     * finishes the copy on the next start). Its older links appear in listings once {@code BackfillOwnerIndex}
     * has given them the index's attributes.
     */
    private static void addOwnerIndexIfMissing(DynamoDbClient dynamoDb, String tableName, String migration) {
        var table = dynamoDb.describeTable(describe -> describe.tableName(tableName))
                .table();
        boolean present = table.hasGlobalSecondaryIndexes()
                && table.globalSecondaryIndexes().stream()
                        .anyMatch(index -> index.indexName().equals(LinksTableSchema.OWNER_INDEX));
        if (present) {
            return;
        }
        try {
            create(dynamoDb, migration);
        } catch (ResourceInUseException exists) {
            // left by an interrupted start: copying again overwrites with the same items
        }
        copyItems(dynamoDb, tableName, migration);
        dynamoDb.deleteTable(delete -> delete.tableName(tableName));
        try (DynamoDbWaiter waiter = waiter(dynamoDb)) {
            waiter.waitUntilTableNotExists(wait -> wait.tableName(tableName));
        }
        create(dynamoDb, tableName);
        copyItems(dynamoDb, migration, tableName);
        dynamoDb.deleteTable(delete -> delete.tableName(migration));
    }

    private static void create(DynamoDbClient dynamoDb, String tableName) {
        dynamoDb.createTable(LinksTableSchema.createTableRequest(tableName));
        try (DynamoDbWaiter waiter = waiter(dynamoDb)) {
            waiter.waitUntilTableExists(wait -> wait.tableName(tableName));
        }
    }

    private static boolean exists(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.describeTable(describe -> describe.tableName(tableName));
            return true;
        } catch (ResourceNotFoundException missing) {
            return false;
        }
    }

    private static void copyItems(DynamoDbClient dynamoDb, String from, String to) {
        List<WriteRequest> batch = new ArrayList<>();
        for (Map<String, AttributeValue> item : dynamoDb.scanPaginator(
                        scan -> scan.tableName(from).consistentRead(true))
                .items()) {
            batch.add(WriteRequest.builder().putRequest(put -> put.item(item)).build());
            if (batch.size() == 25) {
                write(dynamoDb, to, batch);
                batch = new ArrayList<>();
            }
        }
        if (!batch.isEmpty()) {
            write(dynamoDb, to, batch);
        }
    }

    private static void write(DynamoDbClient dynamoDb, String table, List<WriteRequest> batch) {
        Map<String, List<WriteRequest>> pending = Map.of(table, batch);
        while (!pending.isEmpty()) {
            var response = dynamoDb.batchWriteItem(
                    BatchWriteItemRequest.builder().requestItems(pending).build());
            pending = response.hasUnprocessedItems() ? response.unprocessedItems() : Map.of();
        }
    }

    private static DynamoDbWaiter waiter(DynamoDbClient dynamoDb) {
        return DynamoDbWaiter.builder()
                .client(dynamoDb)
                .overrideConfiguration(wait -> wait.backoffStrategy(FixedDelayBackoffStrategy.create(POLL))
                        .maxAttempts(MAX_POLLS))
                .build();
    }
}
