package dev.shortener.links.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.testsupport.TestServers;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;

/** A table made before the owner index (a local runner's data folder) gets the index, and keeps its items. */
class LinksTableSetupTest {

    @Test
    void aTableWithoutTheOwnerIndex_getsIt_andKeepsItsData() {
        var dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        String table = TestServers.uniqueName("links");
        CreateTableRequest full = LinksTableSchema.createTableRequest(table);
        dynamoDb.createTable(CreateTableRequest.builder()
                .tableName(table)
                .keySchema(full.keySchema())
                .attributeDefinitions(full.attributeDefinitions().get(0))
                .billingMode(full.billingMode())
                .build());
        dynamoDb.putItem(put -> put.tableName(table).item(Map.of("pk", AttributeValue.fromS("old1234"))));

        LinksTableSetup.createIfMissing(dynamoDb, table);
        LinksTableSetup.createIfMissing(dynamoDb, table); // and again: nothing to do

        var described = dynamoDb.describeTable(d -> d.tableName(table)).table();
        assertEquals(1, described.globalSecondaryIndexes().size());
        assertEquals(
                LinksTableSchema.OWNER_INDEX,
                described.globalSecondaryIndexes().get(0).indexName());
        assertEquals(1, dynamoDb.scan(scan -> scan.tableName(table)).count());
        new DynamoDbLinkStore(new LinksTable(dynamoDb, table))
                .putIfAbsent(Link.create("new1234", "https://a.example/", Instant.now(), null, "owner-a"));
        var listed = dynamoDb.query(q -> q.tableName(table)
                .indexName(LinksTableSchema.OWNER_INDEX)
                .keyConditionExpression("owner_pk = :o")
                .expressionAttributeValues(Map.of(":o", AttributeValue.fromS("owner-a"))));
        assertEquals(1, listed.count());
    }
}
