package dev.shortener.links.dynamodb;

import dev.shortener.testsupport.TestServers;
import java.net.URI;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A fresh links table of its own on a DynamoDB endpoint: by default the shared test endpoint (dynalite unless
 * DYNAMODB_ENDPOINT is set).
 */
final class LinksTableFixture {

    final DynamoDbClient dynamoDb;
    final String tableName;

    private LinksTableFixture(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    static LinksTableFixture create() {
        return create(TestServers.dynamoDbEndpoint());
    }

    static LinksTableFixture create(URI endpoint) {
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(endpoint);
        String tableName = TestServers.uniqueName("links");
        LinksTableSetup.createIfMissing(dynamoDb, tableName);
        return new LinksTableFixture(dynamoDb, tableName);
    }

    LinksTable table() {
        return new LinksTable(dynamoDb, tableName);
    }

    DynamoDbLinkStore linkStore() {
        return new DynamoDbLinkStore(table());
    }

    DynamoDbWorkerLeases workerLeases() {
        return new DynamoDbWorkerLeases(table());
    }
}
