package dev.shortener.create.admin;

import static dev.shortener.links.LinksTableSchema.CREATED_AT;
import static dev.shortener.links.LinksTableSchema.CREATED_BY;
import static dev.shortener.links.LinksTableSchema.DESTINATION_HOST;
import static dev.shortener.links.LinksTableSchema.ORIGINAL_URL;
import static dev.shortener.links.LinksTableSchema.OWNER_KEY;
import static dev.shortener.links.LinksTableSchema.OWNER_SORT_KEY;
import static dev.shortener.links.LinksTableSchema.PARTITION_KEY;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.LinkItems;
import dev.shortener.links.dynamodb.LinksTable;
import java.io.PrintStream;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Gives the link items written before the owner index existed its attributes ({@code owner_pk},
 * {@code owner_sk}, {@code dest_host}), so that {@code GET /api/links} lists them. Run once after deploying the
 * listing; running it again changes nothing. A one-off Scan of the table (the only Scan anywhere: the API never
 * scans), each update conditional on the item still lacking the index key, so a link created or changed meanwhile
 * is never overwritten.
 *
 * <pre>
 * AWS_REGION=eu-west-1 LINKS_TABLE=&lt;table&gt; java -cp &lt;create-function jar&gt; \
 *     dev.shortener.create.admin.BackfillOwnerIndex
 * </pre>
 */
public final class BackfillOwnerIndex {

    private BackfillOwnerIndex() {}

    public static void main(String[] args) {
        LinksTableSettings table;
        try {
            table = LinksTableSettings.fromEnvironment(Environment.system());
        } catch (ConfigException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        try (DynamoDbClient dynamoDb =
                DynamoDbClients.forFunction(DynamoDbTimeouts.MANAGEMENT, table.endpointOrNull())) {
            run(new LinksTable(dynamoDb, table.table()), System.out);
        }
    }

    /** @return how many link items were given the index's attributes */
    static int run(LinksTable table, PrintStream out) {
        int updated = 0;
        int seen = 0;
        var pages = table.dynamoDb()
                .scanPaginator(scan -> scan.tableName(table.name())
                        .filterExpression(
                                "attribute_exists(#by) AND attribute_exists(#at) AND attribute_not_exists(#owner)")
                        .expressionAttributeNames(Map.of("#by", CREATED_BY, "#at", CREATED_AT, "#owner", OWNER_KEY))
                        .consistentRead(true));
        for (Map<String, AttributeValue> item : pages.items()) {
            String code = item.get(PARTITION_KEY).s();
            if (code.indexOf('#') >= 0) {
                continue; // another kind of item
            }
            seen++;
            if (backfill(table, item)) {
                updated++;
            }
        }
        out.println("link items without the owner index's attributes: " + seen + "; given them: " + updated);
        return updated;
    }

    private static boolean backfill(LinksTable table, Map<String, AttributeValue> item) {
        String code = item.get(PARTITION_KEY).s();
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":owner", item.get(CREATED_BY));
        values.put(
                ":sort",
                LinkItems.s(LinksTableSchema.ownerSortKey(
                        LinkItems.instant(item.get(CREATED_AT)).getEpochSecond(), code)));
        String set = "SET #owner = :owner, #sort = :sort";
        Map<String, String> names = new HashMap<>(Map.of("#owner", OWNER_KEY, "#sort", OWNER_SORT_KEY));
        if (item.containsKey(ORIGINAL_URL)) { // tombstones have no destination any more
            values.put(
                    ":host", LinkItems.s(LinkItems.hostOf(item.get(ORIGINAL_URL).s())));
            names.put("#host", DESTINATION_HOST);
            set += ", #host = :host";
        }
        String expression = set;
        try {
            table.updateItem(update -> update.key(Map.of(PARTITION_KEY, item.get(PARTITION_KEY)))
                    .updateExpression(expression)
                    .conditionExpression("attribute_not_exists(#owner)")
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException alreadyThere) {
            return false;
        }
    }
}
