package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.ClickSinks;
import dev.shortener.analytics.event.ClickEvent;
import dev.shortener.analytics.event.ClickEventCodec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The template against click-sink's layout: the named queries are its .sql files, the Glue table is its table
 * definition and the click event's fields, and Firehose writes where the table and the click-count function
 * read.
 */
class AnalyticsWiringTest {

    static final Path QUERIES = Path.of("click-sink/src/main/resources/queries");
    static final Path TABLE_DEFINITION = Path.of("click-sink/src/main/resources/glue/clicks_table.json");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Template template = Template.load();
    private final TemplateValues values = new TemplateValues(template, Map.of());

    /**
     * Each .sql file is a named query whose QueryString is the file with {@code {{clicks}}} replaced by the
     * table, qualified by the stack's database. On a mismatch the resources to paste are printed.
     */
    @Test
    void namedQueriesAreTheSqlFiles() throws IOException {
        String database = template.single("AWS::Glue::Database");
        String table = template.properties(template.single("AWS::Glue::Table"))
                .path("TableInput")
                .path("Name")
                .asText();
        Map<String, String> expected = new TreeMap<>();
        try (Stream<Path> files = Files.list(Repository.root().resolve(QUERIES))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".sql")).toList()) {
                String name = file.getFileName().toString().replace(".sql", "");
                expected.put(
                        name,
                        Files.readString(file).replace("{{clicks}}", "\"${" + database + "}\".\"" + table + "\""));
            }
        }
        assertFalse(expected.isEmpty(), "no .sql files in " + QUERIES);
        Map<String, String> actual = new TreeMap<>();
        for (String query : template.ofType("AWS::Athena::NamedQuery")) {
            JsonNode properties = template.properties(query);
            actual.put(properties.path("Name").asText(), Intrinsics.subTemplate(properties.path("QueryString")));
            assertEquals(database, properties.path("Database").path("Ref").asText(), query + ".Database");
            assertEquals(
                    template.single("AWS::Athena::WorkGroup"),
                    properties.path("WorkGroup").path("Ref").asText(),
                    query + ".WorkGroup");
        }
        if (!expected.equals(actual)) {
            System.out.println("template.yaml's named queries differ from " + QUERIES + "; the resources to paste:\n"
                    + namedQueryResources(expected));
        }
        assertEquals(expected.keySet(), actual.keySet(), "named queries vs. .sql files");
        expected.forEach((name, sql) -> assertEquals(sql, actual.get(name), "QueryString of " + name));
    }

    /** The template's TableInput is click-sink's table definition, bucket and all. */
    @Test
    void glueTableIsTheAnalyticsTableDefinition() throws IOException {
        JsonNode definition =
                JSON.readTree(Repository.root().resolve(TABLE_DEFINITION).toFile());
        JsonNode tableInput =
                template.properties(template.single("AWS::Glue::Table")).path("TableInput");
        String bucket = "ClickBucket";
        assertEquals(definition, withSubsAsPlaceholders(tableInput, Map.of(bucket, "{{bucket}}")));
        assertEquals(
                template.single("AWS::Glue::Database"),
                template.properties(template.single("AWS::Glue::Table"))
                        .path("DatabaseName")
                        .path("Ref")
                        .asText());
    }

    /**
     * The analytics module's table definition, which Athena's DDL and the template both follow, is a valid
     * {@code TableInput} of {@code AWS::Glue::Table} by itself, placeholders and all.
     */
    @Test
    void glueTableDefinitionIsAValidTableInput() throws IOException {
        JsonNode definition =
                JSON.readTree(Repository.root().resolve(TABLE_DEFINITION).toFile());
        JsonNode resource = JSON.createObjectNode()
                .put("Type", "AWS::Glue::Table")
                .set(
                        "Properties",
                        JSON.createObjectNode()
                                .put("CatalogId", "123456789012")
                                .put("DatabaseName", "clicks")
                                .set("TableInput", definition));

        assertEquals(List.of(), TemplateSchemas.load().validateResource("glue/clicks_table.json", resource));
    }

    @Test
    void glueColumnsAreTheClickEventsFieldsInOrder() throws IOException {
        List<String> columns = new ArrayList<>();
        template.properties(template.single("AWS::Glue::Table"))
                .path("TableInput")
                .path("StorageDescriptor")
                .path("Columns")
                .forEach(c -> columns.add(c.path("Name").asText()));
        // An event with every field set, as the function writes it: its members, in order, are the columns.
        ClickEvent full = new ClickEvent(
                ClickEvent.SCHEMA_VERSION,
                "0192f0e0-0000-7000-8000-000000000000",
                "aB3dE5f",
                "2026-11-27T12:00:00.000Z",
                "news.example",
                "curl/8.5",
                "DE",
                true,
                "curl",
                "visitor",
                "203.0.113.0/24",
                "request-1",
                true);
        List<String> fields = new ArrayList<>();
        JSON.readTree(ClickEventCodec.toLine(full)).fieldNames().forEachRemaining(fields::add);
        assertEquals(fields, columns);
        JsonNode partitionKeys = template.properties(template.single("AWS::Glue::Table"))
                .path("TableInput")
                .path("PartitionKeys");
        assertEquals(1, partitionKeys.size());
        assertEquals(
                ClickLayout.PARTITION_KEY, partitionKeys.get(0).path("Name").asText());
    }

    @Test
    void firehoseWritesWhereTheTableAndTheClickCountFunctionRead() {
        JsonNode s3 = template.properties(template.single("AWS::KinesisFirehose::DeliveryStream"))
                .path("ExtendedS3DestinationConfiguration");
        assertEquals(ClickLayout.FIREHOSE_PREFIX, s3.path("Prefix").asText());
        assertEquals(
                ClickLayout.FIREHOSE_ERROR_PREFIX, s3.path("ErrorOutputPrefix").asText());
        assertFalse(
                ClickLayout.FIREHOSE_ERROR_PREFIX.startsWith(ClickLayout.EVENTS_PREFIX),
                "errors must stay out of the table");

        JsonNode parameters = template.properties(template.single("AWS::Glue::Table"))
                .path("TableInput")
                .path("Parameters");
        String location = values.string(parameters.path("storage.location.template"));
        assertTrue(
                location.endsWith("/" + ClickLayout.EVENTS_PREFIX + ClickLayout.PARTITION_KEY + "=${"
                        + ClickLayout.PARTITION_KEY + "}/"),
                location);
        assertTrue(parameters
                .path("projection." + ClickLayout.PARTITION_KEY + ".range")
                .asText()
                .startsWith(ClickLayout.PROJECTION_START + ","));

        // The records' encoding decides who compresses: never both, never neither.
        String encoding = template.environment("RedirectFunction")
                .get(ClickSinks.RECORD_ENCODING)
                .asText();
        if (encoding.equals("gzip")) {
            assertEquals("UNCOMPRESSED", s3.path("CompressionFormat").asText(), "records are GZIP already");
            assertEquals(
                    ClickLayout.FIREHOSE_FILE_EXTENSION,
                    s3.path("FileExtension").asText(),
                    "Athena picks the codec by extension");
        } else {
            assertEquals("GZIP", s3.path("CompressionFormat").asText());
        }

        JsonNode event = template.properties("ClickCountFunction")
                .path("Events")
                .elements()
                .next();
        assertEquals("S3", event.path("Type").asText());
        JsonNode rules = event.path("Properties").path("Filter").path("S3Key").path("Rules");
        assertEquals("prefix", rules.get(0).path("Name").asText());
        assertEquals(ClickLayout.EVENTS_PREFIX, rules.get(0).path("Value").asText());
        String readable = Intrinsics.subTemplate(template.properties("ClickCountReadPolicy")
                .path("PolicyDocument")
                .path("Statement")
                .get(0)
                .path("Resource"));
        assertTrue(readable.endsWith("/" + ClickLayout.EVENTS_PREFIX + "*"), readable);

        Set<String> expiring = new TreeSet<>();
        template.properties("ClickBucket")
                .path("LifecycleConfiguration")
                .path("Rules")
                .forEach(rule -> expiring.add(rule.path("Prefix").asText()));
        assertTrue(expiring.contains(ClickLayout.EVENTS_PREFIX), "click events need an expiry rule");
        assertTrue(expiring.contains(
                ClickLayout.FIREHOSE_ERROR_PREFIX.substring(0, ClickLayout.FIREHOSE_ERROR_PREFIX.indexOf('/') + 1)));
        String results = values.string(template.properties(template.single("AWS::Athena::WorkGroup"))
                .path("WorkGroupConfiguration")
                .path("ResultConfiguration")
                .path("OutputLocation"));
        assertTrue(
                expiring.contains(results.substring(results.indexOf('/', "s3://".length()) + 1)),
                "Athena results need an expiry rule");
    }

    // --- helpers --------------------------------------------------------------------------------------------

    /** A copy of {@code node} with every Fn::Sub turned into its text, the given variables as placeholders. */
    private static JsonNode withSubsAsPlaceholders(JsonNode node, Map<String, String> placeholders) {
        if (node.isObject() && node.has("Fn::Sub")) {
            Map<String, String> values = new LinkedHashMap<>(placeholders);
            return TextNode.valueOf(Intrinsics.renderSub(Intrinsics.subTemplate(node), values));
        }
        if (node.isObject()) {
            ObjectNode copy = JSON.createObjectNode();
            node.properties().forEach(e -> copy.set(e.getKey(), withSubsAsPlaceholders(e.getValue(), placeholders)));
            return copy;
        }
        if (node.isArray()) {
            var copy = JSON.createArrayNode();
            node.forEach(e -> copy.add(withSubsAsPlaceholders(e, placeholders)));
            return copy;
        }
        return node;
    }

    /** The AWS::Athena::NamedQuery resources for the .sql files, in template.yaml's layout. */
    static String namedQueryResources(Map<String, String> queries) {
        StringBuilder yaml = new StringBuilder();
        queries.forEach((name, sql) -> {
            StringBuilder logicalId = new StringBuilder("NamedQuery");
            for (String word : name.split("_")) {
                logicalId.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            String description = sql.lines()
                    .filter(l -> l.startsWith("--"))
                    .findFirst()
                    .map(l -> l.substring(2).strip())
                    .orElse(name)
                    .replace("\"", "'");
            yaml.append("  ")
                    .append(logicalId)
                    .append(":\n")
                    .append("    Type: AWS::Athena::NamedQuery\n")
                    .append("    Properties:\n")
                    .append("      Name: ")
                    .append(name)
                    .append('\n')
                    .append("      Description: \"")
                    .append(description)
                    .append("\"\n")
                    .append("      Database: !Ref ClickDatabase\n")
                    .append("      WorkGroup: !Ref AnalyticsWorkGroup\n")
                    .append("      QueryString: !Sub |\n");
            sql.lines()
                    .forEach(line ->
                            yaml.append(line.isEmpty() ? "" : "        " + line).append('\n'));
            yaml.append('\n');
        });
        return yaml.toString();
    }
}
