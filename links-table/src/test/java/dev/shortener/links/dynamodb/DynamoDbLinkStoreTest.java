package dev.shortener.links.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkLookup.Status;
import dev.shortener.links.LinksTableSchema;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The link store against a real DynamoDB protocol server (dynalite), each test with its own table. */
class DynamoDbLinkStoreTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    private static final String OWNER = "key-owner-1";

    private LinksTableFixture table;
    private DynamoDbLinkStore store;

    /** The table under test; the LocalStack suite runs the same tests against LocalStack. */
    LinksTableFixture newTable() {
        return LinksTableFixture.create();
    }

    @BeforeEach
    void createTable() {
        table = newTable();
        store = table.linkStore();
    }

    @Test
    void putIfAbsent_storesANewLink_andFindReadsItBack() {
        Link link = Link.create("aB3dE5f", "https://example.com/a?b=c", NOW, NOW.plus(Duration.ofDays(7)), OWNER);

        assertTrue(store.putIfAbsent(link));

        LinkLookup found = store.find("aB3dE5f", NOW);
        assertEquals(Status.ACTIVE, found.status());
        assertEquals(link, found.link());
    }

    @Test
    void putIfAbsent_onATakenCode_returnsFalse_andLeavesTheFirstLinkUntouched() {
        Link first = Link.create("clash01", "https://first.example/", NOW, null, OWNER);
        Link second = Link.create("clash01", "https://second.example/", NOW.plusSeconds(5), null, "someone-else");
        store.putIfAbsent(first);

        boolean stored = store.putIfAbsent(second);

        assertFalse(stored);
        assertEquals(first, store.find("clash01", NOW).link());
    }

    @Test
    void find_readsAnExpiredLinkAsExpired_whileTheItemIsStillInTheTable() {
        Instant expiry = NOW.plusSeconds(60);
        store.putIfAbsent(Link.create("soonGone", "https://example.com/", NOW, expiry, OWNER));

        LinkLookup justBefore = store.find("soonGone", expiry.minusSeconds(1));
        LinkLookup atExpiry = store.find("soonGone", expiry);
        LinkLookup dayAfter = store.find("soonGone", expiry.plus(Duration.ofDays(1)));

        assertEquals(Status.ACTIVE, justBefore.status());
        assertEquals(Status.EXPIRED, atExpiry.status());
        assertEquals(Status.EXPIRED, dayAfter.status());
        assertTrue(
                table.dynamoDb
                        .getItem(get -> get.tableName(table.tableName).key(LinkItems.key("soonGone")))
                        .hasItem(),
                "DynamoDB still holds the item: expiry is judged at read time");
    }

    @Test
    void find_ofAnUnknownCode_isNotFound() {
        assertEquals(Status.NOT_FOUND, store.find("nothing", NOW).status());
    }

    @Test
    void find_neverReturnsItemsOfOtherKinds() {
        table.workerLeases().acquire(4, NOW, NOW.plusSeconds(60));

        for (int worker = 0; worker < 4; worker++) {
            assertEquals(
                    Status.NOT_FOUND,
                    store.find(LinksTableSchema.workerKey(worker), NOW).status());
        }
    }

    @Test
    void delete_leavesATombstone_thatReadsAsDeleted_andKeepsTheCodeTakenForever() {
        store.putIfAbsent(Link.create("byebye1", "https://example.com/", NOW, NOW.plusSeconds(3600), OWNER));

        assertTrue(store.delete("byebye1", OWNER, NOW));

        assertEquals(Status.DELETED, store.find("byebye1", NOW).status());
        assertFalse(store.putIfAbsent(Link.create("byebye1", "https://hijack.example/", NOW, null, "attacker")));
        Map<String, AttributeValue> tombstone = table.dynamoDb
                .getItem(get -> get.tableName(table.tableName).key(LinkItems.key("byebye1")))
                .item();
        assertFalse(tombstone.containsKey(LinksTableSchema.ORIGINAL_URL), "the destination is dropped");
        assertFalse(tombstone.containsKey(LinksTableSchema.EXPIRES_AT), "no TTL: DynamoDB must never free the code");
    }

    @Test
    void delete_byAnotherOwner_orOfAnUnknownOrDeletedCode_changesNothing() {
        store.putIfAbsent(Link.create("mine001", "https://example.com/", NOW, null, OWNER));

        assertFalse(store.delete("mine001", "another-owner", NOW));
        assertFalse(store.delete("unknown", OWNER, NOW));
        assertEquals(Status.ACTIVE, store.find("mine001", NOW).status());
        assertTrue(store.delete("mine001", OWNER, NOW));
        assertFalse(store.delete("mine001", OWNER, NOW), "deleting twice");
    }

    @Test
    void update_changesDestinationAndExpiry_forTheOwnerOnly() {
        store.putIfAbsent(Link.create("edit001", "https://old.example/", NOW, null, OWNER));
        Instant newExpiry = NOW.plus(Duration.ofDays(2));

        var byStranger = store.update("edit001", "another-owner", LinkChange.destination("https://evil.example/"), NOW);
        var newUrl = store.update("edit001", OWNER, LinkChange.destination("https://new.example/"), NOW);
        var withExpiry = store.update("edit001", OWNER, LinkChange.expiry(newExpiry), NOW);

        assertTrue(byStranger.isEmpty());
        assertEquals("https://new.example/", newUrl.orElseThrow().url());
        assertEquals(newExpiry, withExpiry.orElseThrow().expiresAt());
        assertEquals("https://new.example/", withExpiry.orElseThrow().url());
        assertEquals(withExpiry.orElseThrow(), store.find("edit001", NOW).link());
    }

    @Test
    void update_canRemoveAnExpiry_andRevivesAnExpiredLink() {
        store.putIfAbsent(Link.create("revive1", "https://example.com/", NOW, NOW.plusSeconds(10), OWNER));
        Instant later = NOW.plusSeconds(20);
        assertEquals(Status.EXPIRED, store.find("revive1", later).status());

        Link revived =
                store.update("revive1", OWNER, LinkChange.noExpiry(), later).orElseThrow();

        assertNull(revived.expiresAt());
        assertEquals(Status.ACTIVE, store.find("revive1", later).status());
    }

    @Test
    void update_ofADeletedOrUnknownLink_isEmpty() {
        store.putIfAbsent(Link.create("gone001", "https://example.com/", NOW, null, OWNER));
        store.delete("gone001", OWNER, NOW);

        assertTrue(store.update("gone001", OWNER, LinkChange.destination("https://x.example/"), NOW)
                .isEmpty());
        assertTrue(store.update("unknown", OWNER, LinkChange.destination("https://x.example/"), NOW)
                .isEmpty());
        assertEquals(Status.DELETED, store.find("gone001", NOW).status());
    }

    @Test
    void forwardQuery_isStoredAsABoolean_andReadBack() {
        Link forwarding = Link.create("fwd0001", "https://example.com/?a=1", NOW, null, OWNER)
                .withForwardQuery(true);

        store.putIfAbsent(forwarding);

        assertTrue(store.find("fwd0001", NOW).link().forwardQuery());
        var item = table.dynamoDb
                .getItem(get -> get.tableName(table.tableName).key(LinkItems.key("fwd0001")))
                .item();
        assertEquals(AttributeValue.fromBool(true), item.get(LinksTableSchema.FORWARD_QUERY));
    }

    /** Items written before the attribute existed have none: those links never forwarded, and still don't. */
    @Test
    void aLinkWithoutTheForwardQueryAttribute_readsAsNotForwarding() {
        store.putIfAbsent(Link.create("old0001", "https://example.com/", NOW, null, OWNER));

        var item = table.dynamoDb
                .getItem(get -> get.tableName(table.tableName).key(LinkItems.key("old0001")))
                .item();

        assertFalse(item.containsKey(LinksTableSchema.FORWARD_QUERY), "no attribute written for the default");
        assertFalse(store.find("old0001", NOW).link().forwardQuery());
    }

    @Test
    void update_turnsForwardQueryOnAndOff_andLeavesItAloneOtherwise() {
        store.putIfAbsent(Link.create("fwd0002", "https://example.com/", NOW, null, OWNER));

        Link on =
                store.update("fwd0002", OWNER, LinkChange.forwarding(true), NOW).orElseThrow();
        Link moved = store.update("fwd0002", OWNER, LinkChange.destination("https://new.example/"), NOW)
                .orElseThrow();
        Link off = store.update(
                        "fwd0002",
                        OWNER,
                        LinkChange.destination("https://newer.example/").withForwardQuery(false),
                        NOW)
                .orElseThrow();

        assertTrue(on.forwardQuery());
        assertTrue(moved.forwardQuery(), "a change of destination keeps forwarding as it was");
        assertFalse(off.forwardQuery());
        assertEquals("https://newer.example/", off.url());
        assertEquals(off, store.find("fwd0002", NOW).link());
    }
}
