package dev.shortener.create;

import dev.shortener.links.LinksTableSchema;
import dev.shortener.testsupport.TestServers;
import java.time.Duration;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.waiters.DynamoDbWaiter;

/**
 * Creates a test's own links table. Not {@code LinksTableSetup.createIfMissing}: the SDK's default waiter polls
 * every 20 s, and dynalite, though it creates tables at once, sometimes answers the first DescribeTable with
 * CREATING, so a test would stall for 20 s now and then. Polling every 20 ms removes the stall.
 */
public final class Tables {

    private Tables() {}

    /** A new links table under a name no other test uses; its name. */
    public static String createNew(DynamoDbClient dynamoDb) {
        String name = TestServers.uniqueName("links");
        create(dynamoDb, name);
        return name;
    }

    public static void create(DynamoDbClient dynamoDb, String name) {
        dynamoDb.createTable(LinksTableSchema.createTableRequest(name));
        try (DynamoDbWaiter waiter = DynamoDbWaiter.builder()
                .client(dynamoDb)
                .overrideConfiguration(
                        config -> config.backoffStrategyV2(BackoffStrategy.fixedDelay(Duration.ofMillis(20)))
                                .maxAttempts(500))
                .build()) {
            waiter.waitUntilTableExists(describe -> describe.tableName(name));
        }
    }
}
