package dev.shortener.links.dynamodb;

import dev.shortener.links.LinksTableSchema;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;

/**
 * Creates the links table where the template does not: on an emulator, for tests and the local runner. (In AWS
 * the template owns the table; no function creates tables.)
 */
public final class LinksTableSetup {

    private LinksTableSetup() {
    }

    public static void createIfMissing(DynamoDbClient dynamoDb, String tableName) {
        try {
            dynamoDb.createTable(LinksTableSchema.createTableRequest(tableName));
        } catch (ResourceInUseException exists) {
            // created before: keep its data
        }
        dynamoDb.waiter().waitUntilTableExists(wait -> wait.tableName(tableName));
    }
}
