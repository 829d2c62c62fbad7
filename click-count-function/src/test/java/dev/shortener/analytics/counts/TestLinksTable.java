package dev.shortener.analytics.counts;

import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.testsupport.TestServers;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A links table of the test's own on the shared dynalite, holding the links the test starts with, and the client
 * that reaches it (closed with it).
 */
public record TestLinksTable(DynamoDbClient dynamoDb, String name) implements AutoCloseable {

    /** A table named after {@code prefix} (and unique) holding {@code links}, as the create function wrote them. */
    public static TestLinksTable holding(String prefix, List<Link> links) {
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        String name = TestServers.uniqueName(prefix);
        LinksTableSetup.createIfMissing(dynamoDb, name);
        var store = new DynamoDbLinkStore(dynamoDb, name);
        for (Link link : links) {
            if (!store.putIfAbsent(link)) {
                throw new IllegalStateException("code taken: " + link.code());
            }
        }
        return new TestLinksTable(dynamoDb, name);
    }

    @Override
    public void close() {
        dynamoDb.close();
    }
}
