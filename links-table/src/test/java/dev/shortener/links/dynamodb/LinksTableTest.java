package dev.shortener.links.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The links table's handle: checked when made, and its batched read against dynalite. */
class LinksTableTest {

    @Test
    void aHandle_needsAClient_andATableName() {
        try (var client = DynamoDbClients.forEmulator(URI.create("http://127.0.0.1:9"))) {
            assertThrows(NullPointerException.class, () -> new LinksTable(null, "links"));
            assertThrows(IllegalArgumentException.class, () -> new LinksTable(client, null));
            assertThrows(IllegalArgumentException.class, () -> new LinksTable(client, " "));
        }
    }

    /** More keys than one BatchGetItem takes, some of them of no item: every item there is, each once. */
    @Test
    void batchGet_readsEveryExistingItem_acrossCallsOfAHundredKeys() {
        LinksTable table = LinksTableFixture.create().table();
        DynamoDbLinkStore store = new DynamoDbLinkStore(table);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 2 * LinksTable.KEYS_PER_BATCH + 30; i++) {
            String code = "batch" + i;
            keys.add(code);
            if (i % 3 != 0) {
                store.putIfAbsent(Link.create(code, "https://example.com/" + i, Instant.now(), null, "owner-" + i));
            }
        }

        var items =
                table.batchGet(keys, read -> read.projectionExpression(LinksTableSchema.PARTITION_KEY), retry -> {});

        Set<String> expected = keys.stream()
                .filter(code -> Integer.parseInt(code.substring(5)) % 3 != 0)
                .collect(Collectors.toSet());
        List<String> read = items.stream()
                .map(item -> item.get(LinksTableSchema.PARTITION_KEY).s())
                .toList();
        assertEquals(expected.size(), read.size(), "each item once");
        assertEquals(expected, Set.copyOf(read));
        assertEquals(Set.of(LinksTableSchema.PARTITION_KEY), items.get(0).keySet(), "the projection applied");
    }
}
