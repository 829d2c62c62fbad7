package dev.shortener.analytics.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.TestClicks;
import dev.shortener.analytics.event.ClickEventCodec;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Glue table (JSON for the template, DDL for Athena), the event's fields and the queries agree. That the JSON
 * is a valid CloudFormation {@code TableInput} is the deployment module's test (AnalyticsWiringTest), which holds
 * the resource schemas.
 */
class GlueTableTest {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void columns_matchTheEventFields_inBothDefinitions() throws IOException {
        JsonNode table = tableJson();
        Map<String, String> json = new LinkedHashMap<>();
        table.at("/StorageDescriptor/Columns")
                .forEach(c -> json.put(c.get("Name").asText(), c.get("Type").asText()));
        Map<String, String> ddl = new LinkedHashMap<>();
        Matcher column =
                Pattern.compile("(?m)^\\s{4}(\\w+) (int|string|boolean),?$").matcher(resource("glue/clicks_table.sql"));
        while (column.find()) {
            ddl.put(column.group(1), column.group(2));
        }
        List<String> eventFields = new ArrayList<>();
        JsonNode event = JSON.readTree(ClickEventCodec.toLine(TestClicks.events()
                .from(new dev.shortener.analytics.Click(
                        "c", Instant.now(), "192.0.2.1", "curl/8", "https://t.co/", "US", "r", true))));
        event.fieldNames().forEachRemaining(eventFields::add);

        assertEquals(ClicksColumns.ATHENA, json);
        assertEquals(ClicksColumns.ATHENA, ddl);
        assertEquals(List.copyOf(ClicksColumns.ATHENA.keySet()), eventFields, "every field is a column, in order");
    }

    @Test
    void partitionProjection_followsTheFirehosePrefix() throws IOException {
        JsonNode table = tableJson();
        JsonNode parameters = table.get("Parameters");
        assertEquals("dt", table.at("/PartitionKeys/0/Name").asText());
        assertEquals("true", parameters.get("projection.enabled").asText());
        assertEquals("date", parameters.get("projection.dt.type").asText());
        assertEquals("yyyy-MM-dd", parameters.get("projection.dt.format").asText());
        assertEquals(
                ClickLayout.PROJECTION_START + ",NOW",
                parameters.get("projection.dt.range").asText());
        String prefix = ClickLayout.FIREHOSE_PREFIX.replace("!{timestamp:yyyy-MM-dd}", "${dt}");
        assertEquals(
                "s3://{{bucket}}/" + prefix,
                parameters.get("storage.location.template").asText());
        assertEquals(
                "s3://{{bucket}}/" + ClickLayout.EVENTS_PREFIX,
                table.at("/StorageDescriptor/Location").asText());
        assertTrue(
                !ClickLayout.FIREHOSE_ERROR_PREFIX.startsWith(ClickLayout.EVENTS_PREFIX),
                "failed output never lands where Athena reads events");
        assertTrue(resource("glue/clicks_table.sql")
                .contains("'storage.location.template' = 's3://{{bucket}}/" + prefix + "'"));
    }

    @Test
    void everyNamedQuery_readsTheTablePlaceholder_andTakesTheDateRange() {
        for (NamedQuery query : NamedQuery.values()) {
            String sql = query.sql();
            assertTrue(sql.contains("FROM " + NamedQuery.TABLE_PLACEHOLDER), query.fileName());
            assertTrue(sql.contains("dt BETWEEN ? AND ?"), query.fileName() + " prunes partitions");
            assertTrue(sql.contains("SELECT DISTINCT event_id"), query.fileName() + " deduplicates by event id");
        }
    }

    private static JsonNode tableJson() throws IOException {
        return JSON.readTree(resource("glue/clicks_table.json"));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = GlueTableTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
