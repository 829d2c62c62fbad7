package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.shortener.localservers.NodePackageInstaller;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

/**
 * The CloudFormation resource database of the AWS CDK ({@code @aws-cdk/aws-service-spec} on npm, Apache-2.0),
 * pinned by {@code src/test/resources/aws-service-spec/package-lock.json} and installed with {@code npm ci} by the
 * tests themselves, as the emulators are. Its {@code db.json.gz} holds every resource type with its properties
 * (type, required), its attributes and the property types they refer to; each resource type is turned here into
 * a JSON Schema (draft 2020-12) that {@link IntrinsicTolerantSchema} then makes intrinsic-tolerant.
 *
 * <p>Scalars are read as CloudFormation reads them: a number or a boolean may be written as a string of one
 * ({@code "30"}, {@code "true"}), as template parameters always are.
 */
final class ServiceSpec {

    static final String PACKAGE = "@aws-cdk/aws-service-spec";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String NUMERIC = "^-?[0-9]+(\\.[0-9]+)?([eE][-+]?[0-9]+)?$";
    private static final String INTEGER = "^-?[0-9]+$";

    private static ServiceSpec installed;

    private final Map<String, JsonNode> resources = new HashMap<>();
    private final Map<String, JsonNode> typeDefinitions = new HashMap<>();

    private ServiceSpec(JsonNode database) {
        database.path("schema")
                .path("resource")
                .path("entities")
                .forEach(r -> resources.put(r.path("cloudFormationType").asText(), r));
        database.path("schema")
                .path("typeDefinition")
                .path("entities")
                .forEach(t -> typeDefinitions.put(t.path("$id").asText(), t));
        if (resources.isEmpty() || typeDefinitions.isEmpty()) {
            throw new IllegalStateException(
                    "no resource types in the database: has " + PACKAGE + " changed its format?");
        }
    }

    /** The database installed from the committed lock file (npm ci the first time), read once per JVM. */
    static synchronized ServiceSpec installed() {
        if (installed == null) {
            Path folder = NodePackageInstaller.dataPackage("aws-service-spec", "the CloudFormation resource database")
                    .install();
            installed = read(folder.resolve("node_modules").resolve(PACKAGE).resolve("db.json.gz"));
        }
        return installed;
    }

    static ServiceSpec read(Path databaseFile) {
        try (InputStream in = new GZIPInputStream(Files.newInputStream(databaseFile))) {
            return new ServiceSpec(JSON.readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + databaseFile, e);
        }
    }

    boolean knows(String type) {
        return resources.containsKey(type);
    }

    /**
     * Whether changing a property ({@code "AWS::EC2::Subnet.CidrBlock"}) replaces the resource: the database's
     * {@code causesReplacement}, "maybe" counted as yes. SAM's types are not in it: nothing replaces them (SAM
     * names what it generates after their properties instead).
     */
    boolean causesReplacement(String typeAndProperty) {
        int dot = typeAndProperty.lastIndexOf('.');
        JsonNode resource = resources.get(typeAndProperty.substring(0, dot));
        if (resource == null) {
            return false;
        }
        String replaces = resource.path("properties")
                .path(typeAndProperty.substring(dot + 1))
                .path("causesReplacement")
                .asText("no");
        return replaces.equals("yes") || replaces.equals("maybe");
    }

    /** The attributes {@code Fn::GetAtt} can read ({@code Arn}, {@code Endpoint.Address}, ...). */
    Set<String> attributes(String type) {
        Set<String> names = new TreeSet<>();
        resource(type).path("attributes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The schema of a resource type's {@code Properties}: every property typed, required ones required. */
    ObjectNode resourceSchema(String type) {
        Definitions definitions = new Definitions();
        ObjectNode schema = definitions.object(resource(type).path("properties"));
        schema.set("definitions", definitions.collected());
        return schema;
    }

    /**
     * A schema of an object whose one property {@code value} has the type of {@code type}'s {@code property}:
     * the value stands where a property's value stands, so intrinsics are accepted as they are there.
     */
    Optional<ObjectNode> propertySchema(String type, String property) {
        return propertyType(type, property).map(found -> {
            Definitions definitions = new Definitions();
            ObjectNode schema = NODES.objectNode().put("type", "object");
            schema.putObject("properties").set("value", definitions.of(found));
            schema.set("definitions", definitions.collected());
            return schema;
        });
    }

    /** The database's type of one property of a resource type ({@code {"type": "string", ...}}). */
    Optional<JsonNode> propertyType(String type, String property) {
        JsonNode found = resource(type).path("properties").path(property).path("type");
        return found.isMissingNode() ? Optional.empty() : Optional.of(found);
    }

    /** An empty set of definitions, for a schema built from several of the database's types. */
    Definitions definitions() {
        return new Definitions();
    }

    private JsonNode resource(String type) {
        JsonNode resource = resources.get(type);
        if (resource == null) {
            throw new AssertionError(type + " is not a resource type of " + PACKAGE
                    + " (a misspelt type, or one newer than the pinned version: update its package-lock.json)");
        }
        return resource;
    }

    /** The property types one schema refers to, turned into JSON Schema definitions named {@code T<id>}. */
    final class Definitions {

        private final ObjectNode collected = NODES.objectNode();
        private final Deque<String> pending = new ArrayDeque<>();

        ObjectNode collected() {
            while (!pending.isEmpty()) {
                String id = pending.pop();
                JsonNode definition = typeDefinitions.get(id);
                if (definition == null) {
                    throw new IllegalStateException("the database refers to a type " + id + " it doesn't define");
                }
                collected.set("T" + id, object(definition.path("properties")));
            }
            return collected;
        }

        /** An object of the database's properties: each typed, required ones required, no others. */
        ObjectNode object(JsonNode properties) {
            ObjectNode schema = NODES.objectNode().put("type", "object");
            ObjectNode children = schema.putObject("properties");
            ArrayNode required = NODES.arrayNode();
            properties.properties().forEach(p -> {
                children.set(p.getKey(), of(p.getValue().path("type")));
                if (p.getValue().path("required").asBoolean(false)) {
                    required.add(p.getKey());
                }
            });
            if (!required.isEmpty()) {
                schema.set("required", required);
            }
            schema.put("additionalProperties", false);
            return schema;
        }

        /** The JSON Schema of one of the database's types ({@code {"type": "integer", "allowedValues": [...]}}). */
        ObjectNode of(JsonNode type) {
            String kind = type.path("type").asText();
            return switch (kind) {
                case "string", "date-time" ->
                    withAllowedValues(NODES.objectNode().put("type", "string"), type);
                case "integer" -> withAllowedValues(numberOrNumericString("integer", INTEGER), type);
                case "number" -> withAllowedValues(numberOrNumericString("number", NUMERIC), type);
                case "boolean" -> {
                    ObjectNode schema = NODES.objectNode();
                    schema.putArray("anyOf")
                            .add(NODES.objectNode().put("type", "boolean"))
                            .add(NODES.objectNode()
                                    .set("enum", NODES.arrayNode().add("true").add("false")));
                    yield schema;
                }
                case "json" -> NODES.objectNode(); // any JSON value: a policy document, a state machine
                case "tag" -> tag();
                case "array" -> {
                    ObjectNode schema = NODES.objectNode().put("type", "array");
                    schema.set("items", of(type.path("element")));
                    yield schema;
                }
                case "map" -> {
                    ObjectNode schema = NODES.objectNode().put("type", "object");
                    schema.set("additionalProperties", of(type.path("element")));
                    yield schema;
                }
                case "union" -> {
                    ObjectNode schema = NODES.objectNode();
                    ArrayNode alternatives = schema.putArray("anyOf");
                    type.path("types").forEach(t -> alternatives.add(of(t)));
                    yield schema;
                }
                case "ref" -> {
                    String id = type.path("reference").path("$ref").asText();
                    if (!collected.has("T" + id) && !pending.contains(id)) {
                        collected.putObject("T" + id); // reserved, so a recursive type is queued once
                        pending.push(id);
                    }
                    yield NODES.objectNode().put("$ref", "#/definitions/T" + id);
                }
                default ->
                    throw new IllegalStateException(
                            "a property type this reader doesn't know: " + type + " (has " + PACKAGE + " changed?)");
            };
        }

        private ObjectNode numberOrNumericString(String jsonType, String pattern) {
            ObjectNode schema = NODES.objectNode();
            schema.putArray("anyOf")
                    .add(NODES.objectNode().put("type", jsonType))
                    .add(NODES.objectNode().put("type", "string").put("pattern", pattern));
            return schema;
        }

        private ObjectNode tag() {
            ObjectNode schema = NODES.objectNode().put("type", "object");
            ObjectNode properties = schema.putObject("properties");
            properties.putObject("Key").put("type", "string");
            properties.putObject("Value").put("type", "string");
            schema.putArray("required").add("Key").add("Value");
            schema.put("additionalProperties", false);
            return schema;
        }

        /** Allowed values, also as strings for numbers (a parameter's value is always a string). */
        private ObjectNode withAllowedValues(ObjectNode schema, JsonNode type) {
            JsonNode allowed = type.path("allowedValues");
            if (!allowed.isArray() || allowed.isEmpty()) {
                return schema;
            }
            ArrayNode values = NODES.arrayNode();
            allowed.forEach(v -> {
                values.add(v);
                if (v.isNumber()) {
                    values.add(v.asText());
                }
            });
            ObjectNode both = NODES.objectNode();
            both.putArray("allOf").add(schema).add(NODES.objectNode().set("enum", values));
            return both;
        }
    }
}
