package dev.shortener.analytics.counts;

import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.testsupport.TestServers;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A links table of the test's own on the shared dynalite, holding the links the test starts with, and the client
 * that reaches it (closed with it).
 */
public record TestLinksTable(LinksTable table) implements AutoCloseable {

    /** A table named after {@code prefix} (and unique) holding {@code links}, as the create function wrote them. */
    public static TestLinksTable holding(String prefix, List<Link> links) {
        DynamoDbClient dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        String name = TestServers.uniqueName(prefix);
        LinksTableSetup.createIfMissing(dynamoDb, name);
        var table = new LinksTable(dynamoDb, name);
        var store = new DynamoDbLinkStore(table);
        for (Link link : links) {
            if (!store.putIfAbsent(link)) {
                throw new IllegalStateException("code taken: " + link.code());
            }
        }
        return new TestLinksTable(table);
    }

    public DynamoDbClient dynamoDb() {
        return table.dynamoDb();
    }

    public String name() {
        return table.name();
    }

    @Override
    public void close() {
        table.dynamoDb().close();
    }
}
