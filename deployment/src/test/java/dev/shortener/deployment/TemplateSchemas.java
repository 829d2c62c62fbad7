package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.shortener.deployment.IntrinsicTolerantSchema.Dialect;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The schemas of template.yaml's resources, built from {@link ServiceSpec}'s database: one per CloudFormation type,
 * and for {@code AWS::Serverless::Function} its SAM entry with what {@link SamFunction} adds, plus a check of the
 * properties SAM passes through against {@code AWS::Lambda::Function}'s. A type the database doesn't know fails.
 * All are rewritten by {@link IntrinsicTolerantSchema} before use, and compiled once.
 */
final class TemplateSchemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final java.util.regex.Pattern WRAPPER_ALTERNATIVE =
            java.util.regex.Pattern.compile("#/definitions/(__intrinsic|__wrapped\\d+/anyOf/1)(/|$)");
    /** The sections of Globals, as SAM's documentation lists them: each holds defaults for its resource type. */
    private static final Set<String> GLOBALS_SECTIONS =
            Set.of("Function", "Api", "HttpApi", "SimpleTable", "StateMachine", "LayerVersion");

    private final ServiceSpec spec;
    private final Map<String, Schema> compiled = new HashMap<>();

    TemplateSchemas(ServiceSpec spec) {
        this.spec = spec;
    }

    /** The schemas of the database the tests install. */
    static TemplateSchemas load() {
        return new TemplateSchemas(ServiceSpec.installed());
    }

    ServiceSpec spec() {
        return spec;
    }

    static boolean isSam(String type) {
        return type.startsWith("AWS::Serverless::");
    }

    /** Problems with one resource: an empty list when it is valid. */
    List<String> validateResource(String logicalId, JsonNode resource) {
        String type = resource.path("Type").asText();
        JsonNode properties =
                resource.path("Properties").isMissingNode() ? JSON.createObjectNode() : resource.path("Properties");
        List<String> problems = new ArrayList<>();
        String where = logicalId + ".Properties";
        if (type.equals(SamFunction.TYPE)) {
            Schema schema = compiled.computeIfAbsent("sam#function", k -> compile(SamFunction.schema(spec, false)));
            report(problems, where, schema.validate(properties));
            problems.addAll(validatePassThrough(where, properties));
            return problems;
        }
        Schema schema = compiled.computeIfAbsent(type, t -> compile(spec.resourceSchema(t)));
        report(problems, where, schema.validate(properties));
        return problems;
    }

    /** Problems with the template's Globals section. */
    List<String> validateGlobals(JsonNode globals) {
        List<String> problems = new ArrayList<>();
        globals.properties().forEach(section -> {
            String where = "Globals." + section.getKey();
            if (!GLOBALS_SECTIONS.contains(section.getKey())) {
                problems.add(where + ": not a section of Globals (" + new TreeSet<>(GLOBALS_SECTIONS) + ")");
                return;
            }
            Schema schema = compiled.computeIfAbsent("globals#" + section.getKey(), k -> {
                if (section.getKey().equals("Function")) {
                    return compile(SamFunction.schema(spec, true));
                }
                ObjectNode resource = spec.resourceSchema("AWS::Serverless::" + section.getKey());
                resource.remove("required"); // defaults: each resource still sets what it must
                return compile(resource);
            });
            report(problems, where, schema.validate(section.getValue()));
            if (section.getKey().equals("Function")) {
                problems.addAll(validatePassThrough(where, section.getValue()));
            }
        });
        return problems;
    }

    /**
     * Validates each property that SAM passes through to {@code AWS::Lambda::Function} against that resource's
     * type of it (the SAM entry's types are looser and older).
     */
    private List<String> validatePassThrough(String where, JsonNode properties) {
        List<String> problems = new ArrayList<>();
        properties.properties().forEach(property -> {
            List<String> target = SamFunction.PASS_THROUGH.get(property.getKey());
            if (target == null) {
                return;
            }
            String key = "lambda#" + String.join(".", target);
            Schema schema = compiled.computeIfAbsent(key, k -> compile(lambdaPropertySchema(target)));
            report(
                    problems,
                    where + "." + property.getKey() + " (as " + SamFunction.LAMBDA + "." + String.join(".", target)
                            + ")",
                    schema.validate(JSON.createObjectNode().set("value", property.getValue())));
        });
        return problems;
    }

    /** An object whose property {@code value} has the type of a (nested) property of AWS::Lambda::Function. */
    private ObjectNode lambdaPropertySchema(List<String> path) {
        ObjectNode schema = spec.propertySchema(SamFunction.LAMBDA, path.get(0))
                .orElseThrow(() -> new AssertionError(SamFunction.LAMBDA + " has no property " + path.get(0)));
        for (String member : path.subList(1, path.size())) {
            JsonNode value = schema.path("properties").path("value");
            JsonNode object =
                    schema.path("definitions").path(value.path("$ref").asText().replace("#/definitions/", ""));
            JsonNode memberSchema = object.path("properties").path(member);
            if (memberSchema.isMissingNode()) {
                throw new AssertionError(SamFunction.LAMBDA + " has no property " + String.join(".", path));
            }
            ((ObjectNode) schema.get("properties")).set("value", memberSchema.deepCopy());
        }
        return schema;
    }

    private static Schema compile(JsonNode schema) {
        ObjectNode rewritten = IntrinsicTolerantSchema.rewrite(schema, Dialect.DRAFT_2020_12);
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                .getSchema(rewritten);
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
}
