package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.CLICKS_UPDATED_AT;
import static dev.shortener.links.LinksTableSchema.CLICK_COUNT;
import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.DELETED_AT;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;

import dev.shortener.create.domain.link.LinkStats;
import dev.shortener.links.dynamodb.LinkItems;
import dev.shortener.links.dynamodb.LinksTable;
import java.util.Optional;

/**
 * Reads a link's counters straight from its item: {@code clicks_updated_at} is written by the click-count function
 * and is not part of {@code Link}, and one projected read is all the stats route needs.
 */
public final class DynamoDbLinkStats implements LinkStats.Source {

    private final TableItems items;

    public DynamoDbLinkStats(LinksTable table) {
        this.items = new TableItems(table);
    }

    @Override
    public Optional<LinkStats> find(String code) {
        if (code.indexOf('#') >= 0) {
            return Optional.empty(); // keys of other item kinds are never links
        }
        var item = items.read(code, PARTITION_KEY, CREATED_BY, CLICK_COUNT, CLICKS_UPDATED_AT, DELETED_AT);
        if (item.isEmpty() || item.containsKey(DELETED_AT) || !item.containsKey(CREATED_BY)) {
            return Optional.empty();
        }
        var clicks = item.get(CLICK_COUNT);
        return Optional.of(new LinkStats(
                code,
                item.get(CREATED_BY).s(),
                clicks == null ? 0 : Long.parseLong(clicks.n()),
                LinkItems.instant(item.get(CLICKS_UPDATED_AT))));
    }
}
