package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shortener.deployment.IntrinsicTolerantSchema.Dialect;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The schemas in {@code shared/schemas/}: the SAM schema for {@code AWS::Serverless::*} resources and
 * {@code Globals}, one CloudFormation resource provider schema per other type ({@code cfn/aws-s3-bucket.json} for
 * {@code AWS::S3::Bucket}). A type that {@code shared/schemas/cfn} lacks is looked up in this module's supplement
 * ({@code src/test/resources/schemas/cfn}, same source; {@code shared/} is read-only); a type in neither fails.
 * All are rewritten by {@link IntrinsicTolerantSchema} before use, and compiled once.
 */
final class TemplateSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern WRAPPER_ALTERNATIVE =
            java.util.regex.Pattern.compile("#/definitions/(__intrinsic|__wrapped\\d+/anyOf/1)(/|$)");

    /**
     * SAM function properties that SAM hands to a CloudFormation resource unchanged but whose SAM schema says
     * nothing about them (a bare pass-through): validated against the provider schema of that property.
     */
    private static final Map<String, String[]> FUNCTION_PASS_THROUGH = Map.ofEntries(
            Map.entry("MemorySize", new String[] {"AWS::Lambda::Function", "MemorySize"}),
            Map.entry("Timeout", new String[] {"AWS::Lambda::Function", "Timeout"}),
            Map.entry("SnapStart", new String[] {"AWS::Lambda::Function", "SnapStart"}),
            Map.entry("VpcConfig", new String[] {"AWS::Lambda::Function", "VpcConfig"}),
            Map.entry(
                    "ReservedConcurrentExecutions",
                    new String[] {"AWS::Lambda::Function", "ReservedConcurrentExecutions"}),
            Map.entry("KmsKeyArn", new String[] {"AWS::Lambda::Function", "KmsKeyArn"}),
            Map.entry("Layers", new String[] {"AWS::Lambda::Function", "Layers"}),
            Map.entry("RuntimeManagementConfig", new String[] {"AWS::Lambda::Function", "RuntimeManagementConfig"}),
            Map.entry("Tracing", new String[] {"AWS::Lambda::Function", "TracingConfig", "Mode"}));

    private final JsonNode sam;
    /** Where provider schemas are looked for, in order: shared/schemas/cfn, then the supplement's cfn folder. */
    private final List<Path> providerFolders;

    private final Map<String, Schema> compiled = new HashMap<>();
    private final Map<String, JsonNode> providers = new HashMap<>();

    /**
     * @param sharedFolder     {@code shared/}, holding {@code schemas/sam} and {@code schemas/cfn}
     * @param supplementFolder a folder whose {@code cfn/} holds the provider schemas {@code shared/} lacks
     */
    TemplateSchemas(Path sharedFolder, Path supplementFolder) {
        Path shared = sharedFolder.resolve("schemas");
        this.sam = readJson(shared.resolve("sam/sam.schema.json"));
        this.providerFolders = List.of(shared.resolve("cfn"), supplementFolder.resolve("cfn"));
    }

    /** The schemas beside the checkout and this module's supplement. */
    static TemplateSchemas load() {
        return new TemplateSchemas(Repository.shared(), Repository.schemaSupplement());
    }

    static boolean isSam(String type) {
        return type.startsWith("AWS::Serverless::");
    }

    /** {@code AWS::S3::Bucket} -> {@code aws-s3-bucket.json}. */
    static String providerSchemaFileName(String type) {
        return type.toLowerCase(Locale.ROOT).replace("::", "-") + ".json";
    }

    /** The places a type's provider schema is looked for, in order. */
    List<Path> providerSchemaCandidates(String type) {
        return providerFolders.stream()
                .map(folder -> folder.resolve(providerSchemaFileName(type)))
                .toList();
    }

    /** The first of {@link #providerSchemaCandidates} that exists. */
    Optional<Path> providerSchemaFile(String type) {
        return providerSchemaCandidates(type).stream()
                .filter(Files::isRegularFile)
                .findFirst();
    }

    /** The provider schema of a CloudFormation type, if shared/schemas/cfn or the supplement has it. */
    Optional<JsonNode> providerSchema(String type) {
        if (!providers.containsKey(type)) {
            providers.put(
                    type,
                    providerSchemaFile(type).map(TemplateSchemas::readJson).orElse(null));
        }
        return Optional.ofNullable(providers.get(type));
    }

    /** Problems with one resource: an empty list when it is valid. */
    List<String> validateResource(String logicalId, JsonNode resource) {
        String type = resource.path("Type").asText();
        List<String> problems = new ArrayList<>();
        if (isSam(type)) {
            String definition = samResourceDefinition(type);
            report(problems, logicalId, samSchema(definition).validate(resource));
            if (type.equals(Template.SERVERLESS_FUNCTION)) {
                problems.addAll(validatePassThrough(
                        logicalId + ".Properties",
                        resource.path("Properties"),
                        "samtranslator__internal__schema_source__aws_serverless_function__Properties"));
            }
            return problems;
        }
        JsonNode provider = providerSchema(type)
                .orElseThrow(() -> new AssertionError(logicalId + ": no schema for "
                        + type + " at any of " + providerSchemaCandidates(type)
                        + " (add it to the supplement from the same source, see its SOURCE.md)"));
        Schema schema = compiled.computeIfAbsent(type, t -> compile(provider, Dialect.DRAFT_2020_12));
        report(
                problems,
                logicalId + ".Properties",
                schema.validate(
                        resource.path("Properties").isMissingNode()
                                ? JSON.createObjectNode()
                                : resource.path("Properties")));
        return problems;
    }

    /** Problems with the template's Globals section. */
    List<String> validateGlobals(JsonNode globals) {
        List<String> problems = new ArrayList<>();
        report(problems, "Globals", samSchema("__main____Globals").validate(globals));
        if (globals.has("Function")) {
            problems.addAll(validatePassThrough(
                    "Globals.Function",
                    globals.get("Function"),
                    "samtranslator__internal__schema_source__aws_serverless_function__Globals"));
        }
        return problems;
    }

    /**
     * Validates each property that SAM passes through to a CloudFormation resource against that resource's
     * provider schema (the SAM schema accepts anything for most of them).
     */
    private List<String> validatePassThrough(String where, JsonNode properties, String samDefinition) {
        List<String> problems = new ArrayList<>();
        JsonNode samProperties = sam.path("definitions").path(samDefinition).path("properties");
        properties.properties().forEach(property -> {
            String[] target = passThroughTarget(property.getKey(), samProperties.path(property.getKey()));
            if (target == null) {
                return;
            }
            Optional<JsonNode> provider = providerSchema(target[0]);
            if (provider.isEmpty()) {
                return; // e.g. AWS::Lambda::EventInvokeConfig: no schema to check against
            }
            JsonNode node = provider.get();
            for (int i = 1; i < target.length; i++) {
                node = dereference(provider.get(), node).path("properties").path(target[i]);
            }
            if (node.isMissingNode()) {
                problems.add(where + "." + property.getKey() + ": " + target[0] + " has no property "
                        + String.join(".", java.util.Arrays.copyOfRange(target, 1, target.length)));
                return;
            }
            // The value goes under a property of a wrapper object, so that it stands where an intrinsic is
            // accepted, as it does in the CloudFormation resource.
            ObjectNode wrapper = JSON.createObjectNode().put("type", "object");
            wrapper.putObject("properties").set("value", node.deepCopy());
            wrapper.set("definitions", provider.get().path("definitions").deepCopy());
            String key = String.join("#", target);
            Schema schema = compiled.computeIfAbsent(key, k -> compile(wrapper, Dialect.DRAFT_2020_12));
            report(
                    problems,
                    where + "." + property.getKey() + " (as " + target[0] + ")",
                    schema.validate(JSON.createObjectNode().set("value", property.getValue())));
        });
        return problems;
    }

    /** [type, property, nested property...] or null when the property isn't passed through as is. */
    private static String[] passThroughTarget(String name, JsonNode samProperty) {
        JsonNode path = samProperty.path("__samPassThrough").path("schemaPath");
        if (path.isArray()
                && path.size() >= 6
                && "Properties".equals(path.get(3).asText())) {
            List<String> target = new ArrayList<>();
            target.add(path.get(1).asText());
            for (int i = 5; i < path.size(); i += 2) {
                target.add(path.get(i).asText());
            }
            return target.toArray(String[]::new);
        }
        return FUNCTION_PASS_THROUGH.get(name);
    }

    private static JsonNode dereference(JsonNode document, JsonNode node) {
        JsonNode current = node;
        for (int hops = 0; current.has("$ref") && hops < 10; hops++) {
            String ref = current.get("$ref").asText();
            if (!ref.startsWith("#/")) {
                throw new IllegalStateException("unsupported $ref " + ref);
            }
            current = document.at(ref.substring(1));
        }
        return current;
    }

    private String samResourceDefinition(String type) {
        for (var definition : sam.path("definitions").properties()) {
            JsonNode typeEnum =
                    definition.getValue().path("properties").path("Type").path("enum");
            if (definition.getKey().endsWith("__Resource")
                    && typeEnum.size() == 1
                    && type.equals(typeEnum.get(0).asText())) {
                return definition.getKey();
            }
        }
        throw new AssertionError("the SAM schema has no resource definition for " + type);
    }

    private Schema samSchema(String definition) {
        return compiled.computeIfAbsent("sam#" + definition, key -> {
            ObjectNode root = JSON.createObjectNode();
            root.putArray("allOf").addObject().put("$ref", "#/definitions/" + definition);
            root.set("definitions", sam.path("definitions"));
            return compile(root, Dialect.DRAFT_4);
        });
    }

    private static Schema compile(JsonNode schema, Dialect dialect) {
        ObjectNode rewritten = IntrinsicTolerantSchema.rewrite(schema, dialect);
        SpecificationVersion version =
                dialect == Dialect.DRAFT_4 ? SpecificationVersion.DRAFT_4 : SpecificationVersion.DRAFT_2020_12;
        return SchemaRegistry.withDefaultDialect(version).getSchema(rewritten);
    }

    /**
     * Adds the errors that say what is wrong with the value as written: those from the intrinsic and Fn::If
     * alternatives that {@link IntrinsicTolerantSchema} adds around every value are left out (a literal value
     * always fails those), as are repeats.
     */
    private static void report(List<String> problems, String where, List<Error> errors) {
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (Error error : errors) {
            String schemaLocation = String.valueOf(error.getSchemaLocation());
            if (WRAPPER_ALTERNATIVE.matcher(schemaLocation).find()) {
                continue;
            }
            seen.add(where + " " + error.getInstanceLocation() + ": " + error.getMessage());
        }
        problems.addAll(seen);
    }

    private static JsonNode readJson(Path file) {
        try {
            return JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }
}
