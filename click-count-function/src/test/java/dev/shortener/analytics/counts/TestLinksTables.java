package dev.shortener.analytics.counts;

import dev.shortener.links.Link;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.testsupport.TestServers;
import java.util.List;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The links tables the counting tests write into: each test's own, on the shared dynalite. */
public final class TestLinksTables {

    private TestLinksTables() {}

    /**
     * Creates a table named after {@code prefix} (and unique) holding {@code links}, as the create function wrote
     * them; returns its name.
     */
    public static String create(DynamoDbClient dynamoDb, String prefix, List<Link> links) {
        String table = TestServers.uniqueName(prefix);
        LinksTableSetup.createIfMissing(dynamoDb, table);
        var store = new DynamoDbLinkStore(dynamoDb, table);
        for (Link link : links) {
            if (!store.putIfAbsent(link)) {
                throw new IllegalStateException("code taken: " + link.code());
            }
        }
        return table;
    }
}
