package dev.shortener.create.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.create.Tables;
import dev.shortener.create.domain.listing.ListFilter;
import dev.shortener.create.domain.listing.ListQuery;
import dev.shortener.create.dynamodb.DynamoDbLinkListing;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Links written before the owner index: not listed, then listed once backfilled; a second run changes nothing. */
class BackfillOwnerIndexTest {

    @Test
    void oldLinks_areListedAfterTheBackfill_andOtherItemsAreLeftAlone() {
        var dynamoDb = DynamoDbClients.forEmulator(TestServers.dynamoDbEndpoint());
        String table = Tables.createNew(dynamoDb);
        // As the create function wrote them before the index: no owner_pk, owner_sk or dest_host.
        put(
                dynamoDb,
                table,
                Map.of(
                        "pk",
                        s("old1234"),
                        "original_url",
                        s("https://Old.example/a"),
                        "created_at",
                        n(1_790_000_000),
                        "created_by",
                        s("owner-a"),
                        "click_count",
                        n(3)));
        put(
                dynamoDb,
                table,
                Map.of(
                        "pk",
                        s("gone123"),
                        "created_at",
                        n(1_790_000_100),
                        "created_by",
                        s("owner-a"),
                        "deleted_at",
                        n(1_790_000_200)));
        put(dynamoDb, table, Map.of("pk", s("apikey#abc"), "owner_id", s("owner-a"), "created_at", n(1)));
        var linksTable = new LinksTable(dynamoDb, table);
        var listing = new DynamoDbLinkListing(linksTable);
        var query = new ListQuery("owner-a", ListFilter.NONE, 10, null);
        Instant now = Instant.parse("2026-12-01T00:00:00Z");
        assertTrue(listing.page(query, now).links().isEmpty(), "not listed before the backfill");

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int first = BackfillOwnerIndex.run(linksTable, new PrintStream(out, true, StandardCharsets.UTF_8));
        int second = BackfillOwnerIndex.run(linksTable, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertEquals(2, first);
        assertEquals(0, second);
        var page = listing.page(query, now);
        assertEquals(1, page.links().size(), "the live one (the tombstone only with status=deleted)");
        assertEquals("old1234", page.links().get(0).code());
        assertEquals(3, page.links().get(0).clickCount());
        var deleted = listing.page(
                new ListQuery("owner-a", new ListFilter(null, ListFilter.Status.DELETED, null, null, null), 10, null),
                now);
        assertEquals("gone123", deleted.links().get(0).code());
        var host =
                listing.page(new ListQuery("owner-a", new ListFilter(null, null, "old.ex", null, null), 10, null), now);
        assertEquals(1, host.links().size());
        var apiKey = dynamoDb.getItem(get -> get.tableName(table).key(Map.of("pk", s("apikey#abc"))))
                .item();
        assertFalse(apiKey.containsKey(LinksTableSchema.OWNER_KEY));
    }

    private static void put(
            software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb,
            String table,
            Map<String, AttributeValue> item) {
        dynamoDb.putItem(put -> put.tableName(table).item(item));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
