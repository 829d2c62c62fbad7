package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.RESERVATION_PREFIX;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.create.domain.link.CodeReservations;
import dev.shortener.links.dynamodb.LinkItems;
import dev.shortener.links.dynamodb.LinksTable;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Code reservations as {@code reserved#<code>} items: no TTL attribute, so DynamoDB never deletes them. */
public final class DynamoDbCodeReservations implements CodeReservations {

    private final TableItems items;

    public DynamoDbCodeReservations(LinksTable table) {
        this.items = new TableItems(table);
    }

    @Override
    public boolean reserve(String code, String owner, Instant now) {
        return items.putNew(Map.of(
                PARTITION_KEY, s(RESERVATION_PREFIX + code), CREATED_BY, s(owner), CREATED_AT, epochSeconds(now)));
    }

    @Override
    public void release(String code, String owner) {
        // false when it is someone else's reservation (or none): that one is left alone
        items.deleteIf(RESERVATION_PREFIX + code, CREATED_BY + " = :owner", Map.of(":owner", s(owner)));
    }

    @Override
    public Optional<String> ownerOf(String code) {
        return Optional.ofNullable(LinkItems.string(items.read(RESERVATION_PREFIX + code), CREATED_BY));
    }
}
