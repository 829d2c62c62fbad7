package dev.shortener.create.dynamodb;

import static dev.shortener.links.LinksTableSchema.CLICK_COUNT;
import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.DELETED_AT;
import static dev.shortener.links.LinksTableSchema.DESTINATION_HOST;
import static dev.shortener.links.LinksTableSchema.EXPIRES_AT;
import static dev.shortener.links.LinksTableSchema.OWNER_INDEX;
import static dev.shortener.links.LinksTableSchema.OWNER_KEY;
import static dev.shortener.links.LinksTableSchema.OWNER_SORT_KEY;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;
import static dev.shortener.links.LinksTableSchema.TAGS;
import static dev.shortener.links.dynamodb.LinkItems.epochSeconds;
import static dev.shortener.links.dynamodb.LinkItems.s;

import dev.shortener.create.domain.listing.LinkListing;
import dev.shortener.create.domain.listing.ListFilter;
import dev.shortener.create.domain.listing.ListPage;
import dev.shortener.create.domain.listing.ListQuery;
import dev.shortener.create.domain.listing.ListedLink;
import dev.shortener.links.Link;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.dynamodb.LinkItems;
import dev.shortener.links.dynamodb.LinksTable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Lists an owner's links with a Query on the owner index ({@code owner_pk} = the owner, {@code owner_sk} backwards:
 * newest first). A time range is part of the key condition ({@code BETWEEN} on the sort key), so it costs nothing
 * to skip; tag, status and prefix are a filter expression, which DynamoDB applies after reading, so a selective
 * filter reads more than it returns. That is bounded: at most {@link #MAX_QUERIES} Query calls of at most
 * {@link #FILTERED_BATCH} items each per page; a page cut short by the bound is returned with a cursor that goes on
 * from the last item read, so a client pages on and never loses a link.
 *
 * <p>Global secondary indexes are read eventually consistently only: a link created a moment ago may be missing
 * from a listing for a moment (typically well under a second).
 */
public final class DynamoDbLinkListing implements LinkListing {

    /** Items read per call when a filter may drop many of them: ~200 x 400 bytes, far below Query's 1 MB. */
    static final int FILTERED_BATCH = 200;
    /** Query calls per page at most: with a selective filter a page reads at most 1,000 items. */
    static final int MAX_QUERIES = 5;

    private static final String LOWEST = LinksTableSchema.ownerSortBound(0, false);
    private static final String HIGHEST = LinksTableSchema.ownerSortBound(999_999_999_999L, true);

    private final LinksTable table;

    public DynamoDbLinkListing(LinksTable table) {
        this.table = Objects.requireNonNull(table, "table");
    }

    @Override
    public ListPage page(ListQuery query, Instant now) {
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        String keyCondition = keyCondition(query, names, values);
        String filter = filterExpression(query.filter(), now, names, values);
        boolean selective = query.filter().tag() != null
                || query.filter().status() != null
                || query.filter().prefix() != null;

        List<ListedLink> links = new ArrayList<>();
        Map<String, AttributeValue> start = query.after() == null ? null : startKey(query.owner(), query.after());
        for (int call = 1; ; call++) {
            int wanted = query.limit() - links.size();
            // One more than wanted, so that a full page also tells whether anything follows.
            int batch = selective ? Math.max(FILTERED_BATCH, wanted + 1) : wanted + 1;
            QueryResponse response = table.dynamoDb().query(request(keyCondition, filter, names, values, batch, start));
            for (Map<String, AttributeValue> item : response.items()) {
                if (links.size() == query.limit()) {
                    return new ListPage(links, positionOf(links.get(links.size() - 1)));
                }
                links.add(listed(item, now));
            }
            boolean more = response.hasLastEvaluatedKey()
                    && !response.lastEvaluatedKey().isEmpty();
            if (!more) {
                return new ListPage(links, null);
            }
            start = response.lastEvaluatedKey();
            if (links.size() == query.limit() || call == MAX_QUERIES) {
                return new ListPage(
                        links, new ListQuery.Position(start.get(OWNER_SORT_KEY).s()));
            }
        }
    }

    private QueryRequest request(
            String keyCondition,
            String filter,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            int limit,
            Map<String, AttributeValue> start) {
        QueryRequest.Builder request = QueryRequest.builder()
                .tableName(table.name())
                .indexName(OWNER_INDEX)
                .keyConditionExpression(keyCondition)
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit);
        if (filter != null) {
            request.filterExpression(filter);
        }
        if (start != null) {
            request.exclusiveStartKey(start);
        }
        return request.build();
    }

    private static String keyCondition(ListQuery query, Map<String, String> names, Map<String, AttributeValue> values) {
        names.put("#owner", OWNER_KEY);
        names.put("#sort", OWNER_SORT_KEY);
        values.put(":owner", s(query.owner()));
        ListFilter filter = query.filter();
        String low = LOWEST;
        String high = HIGHEST;
        if (filter.createdAfter() != null) {
            // Stored times are whole seconds: "after T" is "at or after the next whole second".
            low = LinksTableSchema.ownerSortBound(filter.createdAfter().getEpochSecond() + 1, false);
        }
        if (filter.createdBefore() != null) {
            Instant before = filter.createdBefore();
            long lastSecond = before.getNano() == 0 ? before.getEpochSecond() - 1 : before.getEpochSecond();
            high = LinksTableSchema.ownerSortBound(lastSecond, true);
        }
        values.put(":low", s(low));
        values.put(":high", s(high));
        return "#owner = :owner AND #sort BETWEEN :low AND :high";
    }

    private static String filterExpression(
            ListFilter filter, Instant now, Map<String, String> names, Map<String, AttributeValue> values) {
        List<String> terms = new ArrayList<>();
        names.put("#deleted", DELETED_AT);
        ListFilter.Status status = filter.status();
        if (status == ListFilter.Status.DELETED) {
            terms.add("attribute_exists(#deleted)");
        } else {
            terms.add("attribute_not_exists(#deleted)");
        }
        if (status == ListFilter.Status.ACTIVE || status == ListFilter.Status.EXPIRED) {
            names.put("#expires", EXPIRES_AT);
            values.put(":now", epochSeconds(now));
            terms.add(
                    status == ListFilter.Status.ACTIVE
                            ? "(attribute_not_exists(#expires) OR #expires > :now)"
                            : "#expires <= :now");
        }
        if (filter.tag() != null) {
            names.put("#tags", TAGS);
            values.put(":tag", s(filter.tag()));
            terms.add("contains(#tags, :tag)");
        }
        if (filter.prefix() != null) {
            names.put("#code", PARTITION_KEY);
            names.put("#host", DESTINATION_HOST);
            values.put(":prefix", s(filter.prefix()));
            values.put(":hostPrefix", s(filter.prefix().toLowerCase(java.util.Locale.ROOT)));
            terms.add("(begins_with(#code, :prefix) OR begins_with(#host, :hostPrefix))");
        }
        return String.join(" AND ", terms);
    }

    /** Where to start: an index query's start key is the index key and the table key of the last item. */
    private static Map<String, AttributeValue> startKey(String owner, ListQuery.Position after) {
        return Map.of(
                OWNER_KEY, s(owner),
                OWNER_SORT_KEY, s(after.sortKey()),
                PARTITION_KEY, s(after.code()));
    }

    private static ListQuery.Position positionOf(ListedLink link) {
        return new ListQuery.Position(
                LinksTableSchema.ownerSortKey(link.createdAt().getEpochSecond(), link.code()));
    }

    private static ListedLink listed(Map<String, AttributeValue> item, Instant now) {
        String code = item.get(PARTITION_KEY).s();
        Instant createdAt = LinkItems.instant(item.get(CREATED_AT));
        long clicks = item.containsKey(CLICK_COUNT)
                ? Long.parseLong(item.get(CLICK_COUNT).n())
                : 0;
        if (item.containsKey(DELETED_AT)) {
            return new ListedLink(
                    code,
                    ListFilter.Status.DELETED,
                    null,
                    createdAt,
                    LinkItems.instant(item.get(DELETED_AT)),
                    LinkItems.tags(item),
                    clicks);
        }
        Link link = LinkItems.toLink(item);
        ListFilter.Status status = link.isExpiredAt(now) ? ListFilter.Status.EXPIRED : ListFilter.Status.ACTIVE;
        return new ListedLink(code, status, link, createdAt, null, link.tags(), clicks);
    }
}
