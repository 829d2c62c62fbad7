package dev.shortener.links.dynamodb;

import dev.shortener.localservers.TestServers;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** A fresh links table of its own on the test DynamoDB endpoint (dynalite unless DYNAMODB_ENDPOINT is set). */
final class LinksTableFixture {

    final DynamoDbClient dynamoDb;
    final String tableName;

    private LinksTableFixture(DynamoDbClient dynamoDb, String tableName) {
        this.dynamoDb = dynamoDb;
        this.tableName = tableName;
    }

    static LinksTableFixture create() {
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        String tableName = TestServers.uniqueName("links");
        LinksTableSetup.createIfMissing(dynamoDb, tableName);
        return new LinksTableFixture(dynamoDb, tableName);
    }

    DynamoDbLinkStore linkStore() {
        return new DynamoDbLinkStore(dynamoDb, tableName);
    }

    DynamoDbWorkerLeases workerLeases() {
        return new DynamoDbWorkerLeases(dynamoDb, tableName);
    }
}
