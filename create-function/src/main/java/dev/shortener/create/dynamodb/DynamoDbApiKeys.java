package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.API_KEY_PREFIX;
import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.KEY_ID;
import static dev.shortener.links.LinksTableSchema.OWNER_ID;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.REVOKED_AT;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.create.domain.auth.ApiKeys;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.links.dynamodb.LinksTable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** API keys as {@code apikey#<hash>} items of the links table. */
public final class DynamoDbApiKeys implements ApiKeys {

    private final TableItems items;

    public DynamoDbApiKeys(LinksTable table) {
        this.items = new TableItems(table);
    }

    /** A strongly consistent read: a key works from the moment the command that made it returns. */
    @Override
    public Optional<Caller> findByHash(String sha256Hex) {
        var item = items.read(API_KEY_PREFIX + sha256Hex);
        if (item.isEmpty() || item.containsKey(REVOKED_AT)) {
            return Optional.empty();
        }
        return Optional.of(new Caller(item.get(OWNER_ID).s(), item.get(KEY_ID).s()));
    }

    @Override
    public boolean add(String sha256Hex, Caller caller, Instant createdAt) {
        return items.putNew(Map.of(
                PARTITION_KEY, s(API_KEY_PREFIX + sha256Hex),
                OWNER_ID, s(caller.ownerId()),
                KEY_ID, s(caller.keyId()),
                CREATED_AT, epochSeconds(createdAt)));
    }
}
