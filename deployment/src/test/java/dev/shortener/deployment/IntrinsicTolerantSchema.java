package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rewrites a JSON Schema so that a CloudFormation intrinsic function is a valid value wherever the schema
 * validates a value, as CloudFormation resolves them before the resource provider sees the properties.
 *
 * <p>Every subschema that validates a <em>child</em> value (under {@code properties}, {@code patternProperties},
 * {@code additionalProperties}, {@code items}, {@code prefixItems}) is moved to a definition and replaced by
 *
 * <pre>
 *   anyOf: [ &lt;an intrinsic other than Fn::If&gt;,
 *            {"Fn::If": [&lt;condition&gt;, &lt;this same wrapped schema&gt;, &lt;this same wrapped schema&gt;]},
 *            &lt;the original subschema&gt; ]
 * </pre>
 *
 * so {@code !Ref X} or {@code !Sub ...} counts as valid for any type (it can't be type-checked offline), while
 * both branches of an {@code !If} are still validated against the schema of the place they stand in
 * ({@code !Ref AWS::NoValue} included, being an intrinsic). Subschemas applying to the same value
 * ({@code allOf}, {@code anyOf}, {@code oneOf}, {@code not}, {@code if}/{@code then}/{@code else}) are rewritten
 * inside but not wrapped, so a value matching the intrinsic branch can't satisfy several {@code oneOf} branches.
 * Pruning intrinsics from the template instead would have made {@code required} properties look missing.
 *
 * <p>cfn-lint's provider schemas also carry two keywords of their own, translated here into standard ones:
 * {@code requiredXor} (exactly one of the properties) and {@code dependentExcluded} (a property excludes others).
 * Its {@code uniqueKeys} has no standard equivalent and is left out.
 */
final class IntrinsicTolerantSchema {

    /** The JSON Schema dialect the schema is written in; decides the tuple keyword for Fn::If's arguments. */
    enum Dialect {
        DRAFT_4,
        DRAFT_2020_12
    }

    /** The functions a template's values may call, as {@code Fn::<name>} (CloudFormation's intrinsic functions). */
    static final List<String> FUNCTIONS = List.of(
            "Base64",
            "Cidr",
            "FindInMap",
            "GetAtt",
            "GetAZs",
            "ImportValue",
            "Join",
            "Select",
            "Split",
            "Sub",
            "Transform",
            "Length",
            "ToJsonString",
            "Equals",
            "And",
            "Or",
            "Not",
            "If");

    /** The key of any intrinsic but {@code Fn::If}, whose arguments get a schema of their own. */
    private static final String NOT_IF_PATTERN = "^(Ref|Condition|Fn::("
            + String.join(
                    "|", FUNCTIONS.stream().filter(name -> !name.equals("If")).toList())
            + "))$";

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String INTRINSIC = "__intrinsic";
    private static final List<String> CHILD_MAPS = List.of("properties", "patternProperties");
    private static final List<String> CHILD_SCHEMAS = List.of(
            "additionalProperties",
            "items",
            "additionalItems",
            "contains",
            "unevaluatedProperties",
            "unevaluatedItems");
    private static final List<String> SAME_VALUE_ARRAYS = List.of("allOf", "anyOf", "oneOf");
    private static final List<String> SAME_VALUE_SCHEMAS = List.of("not", "if", "then", "else");
    private static final List<String> SAME_VALUE_MAPS = List.of("dependentSchemas", "dependencies");

    private final Dialect dialect;
    private final Map<String, JsonNode> added = new LinkedHashMap<>();
    private int counter;

    private IntrinsicTolerantSchema(Dialect dialect) {
        this.dialect = dialect;
    }

    /**
     * A rewritten copy of {@code schema}, whose {@code definitions} (if any) are what its {@code $ref}s point to.
     * The input is not modified.
     */
    static ObjectNode rewrite(JsonNode schema, Dialect dialect) {
        ObjectNode copy = schema.deepCopy();
        copy.remove("$schema");
        copy.remove("$id");
        var rewriter = new IntrinsicTolerantSchema(dialect);
        ObjectNode definitions =
                copy.has("definitions") ? (ObjectNode) copy.get("definitions") : copy.putObject("definitions");
        rewriter.visit(copy);
        definitions.properties().forEach(e -> rewriter.visit(e.getValue()));
        rewriter.added.forEach(definitions::set);
        definitions.set(
                INTRINSIC,
                NODES.objectNode()
                        .put("type", "object")
                        .put("minProperties", 1)
                        .put("maxProperties", 1)
                        .put("additionalProperties", false)
                        .set("patternProperties", NODES.objectNode().set(NOT_IF_PATTERN, NODES.objectNode())));
        return copy;
    }

    /** Rewrites one schema object in place (its children), except its own {@code definitions}. */
    private void visit(JsonNode node) {
        if (!(node instanceof ObjectNode schema)) {
            return;
        }
        translateCfnLintKeywords(schema);
        if (schema.get("pattern") instanceof com.fasterxml.jackson.databind.node.TextNode pattern) {
            schema.put("pattern", javaRegex(pattern.asText()));
        }
        if (schema.get("patternProperties") instanceof ObjectNode patterns) {
            ObjectNode converted = NODES.objectNode();
            patterns.properties().forEach(e -> converted.set(javaRegex(e.getKey()), e.getValue()));
            schema.set("patternProperties", converted);
        }
        for (String keyword : CHILD_MAPS) {
            if (schema.get(keyword) instanceof ObjectNode children) {
                for (Map.Entry<String, JsonNode> child : children.properties()) {
                    visit(child.getValue());
                    child.setValue(wrap(child.getValue()));
                }
            }
        }
        for (String keyword : CHILD_SCHEMAS) {
            JsonNode child = schema.get(keyword);
            if (child instanceof ObjectNode) {
                visit(child);
                schema.set(keyword, wrap(child));
            } else if (child instanceof ArrayNode tuple) { // draft-04 tuple form of items
                wrapAll(tuple);
            }
        }
        if (schema.get("prefixItems") instanceof ArrayNode tuple) {
            wrapAll(tuple);
        }
        for (String keyword : SAME_VALUE_ARRAYS) {
            if (schema.get(keyword) instanceof ArrayNode alternatives) {
                alternatives.forEach(this::visit);
            }
        }
        for (String keyword : SAME_VALUE_SCHEMAS) {
            visit(schema.get(keyword));
        }
        for (String keyword : SAME_VALUE_MAPS) {
            if (schema.get(keyword) instanceof ObjectNode map) {
                map.elements().forEachRemaining(this::visit);
            }
        }
    }

    private void wrapAll(ArrayNode tuple) {
        for (int i = 0; i < tuple.size(); i++) {
            visit(tuple.get(i));
            tuple.set(i, wrap(tuple.get(i)));
        }
    }

    /** Moves {@code original} to a definition and returns a reference to its intrinsic-tolerant wrapper. */
    private JsonNode wrap(JsonNode original) {
        if (!original.isObject()) {
            return original; // true / false schemas
        }
        int n = counter++;
        String originalName = "__original" + n;
        String wrapperName = "__wrapped" + n;
        added.put(originalName, original);
        ObjectNode branch = ref(wrapperName);
        ArrayNode arguments = NODES.arrayNode()
                .add(NODES.objectNode().put("type", "string"))
                .add(branch)
                .add(branch.deepCopy());
        ObjectNode ifArguments =
                NODES.objectNode().put("type", "array").put("minItems", 3).put("maxItems", 3);
        ifArguments.set(dialect == Dialect.DRAFT_4 ? "items" : "prefixItems", arguments);
        ObjectNode fnIf = NODES.objectNode().put("type", "object").put("additionalProperties", false);
        fnIf.set("required", NODES.arrayNode().add("Fn::If"));
        fnIf.set("properties", NODES.objectNode().set("Fn::If", ifArguments));
        ObjectNode wrapper = NODES.objectNode();
        wrapper.set("anyOf", NODES.arrayNode().add(ref(INTRINSIC)).add(fnIf).add(ref(originalName)));
        added.put(wrapperName, wrapper);
        return ref(wrapperName);
    }

    private static ObjectNode ref(String definition) {
        return NODES.objectNode().put("$ref", "#/definitions/" + definition);
    }

    private void translateCfnLintKeywords(ObjectNode schema) {
        JsonNode xor = schema.remove("requiredXor");
        if (xor instanceof ArrayNode names) {
            ArrayNode exactlyOne = NODES.arrayNode();
            names.forEach(name -> exactlyOne.add(required(name.asText())));
            allOf(schema).add(NODES.objectNode().set("oneOf", exactlyOne));
        }
        JsonNode excluded = schema.remove("dependentExcluded");
        if (excluded instanceof ObjectNode rules) {
            rules.properties().forEach(rule -> {
                ArrayNode others = NODES.arrayNode();
                rule.getValue().forEach(name -> others.add(required(name.asText())));
                ObjectNode whenPresent =
                        NODES.objectNode().set("not", NODES.objectNode().set("anyOf", others));
                // "if the property is present, none of the others may be"
                ObjectNode rule2 = NODES.objectNode();
                rule2.set(
                        "anyOf",
                        NODES.arrayNode()
                                .add(NODES.objectNode().set("not", required(rule.getKey())))
                                .add(whenPresent));
                allOf(schema).add(rule2);
            });
        }
        schema.remove("uniqueKeys");
    }

    /**
     * The provider schemas' patterns are written for Python's (and ECMAScript's) regular expressions, where a
     * {@code [} inside a character class is a literal; in Java it opens a nested class, and {@code &&} means
     * intersection. Escapes those two inside classes, and maps Python's {@code \Z} (end of input) to Java's
     * {@code \z}.
     */
    static String javaRegex(String pattern) {
        StringBuilder java = new StringBuilder(pattern.length() + 8);
        boolean inClass = false;
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '\\' && i + 1 < pattern.length()) {
                char next = pattern.charAt(++i);
                java.append('\\').append(next == 'Z' ? 'z' : next);
                continue;
            }
            if (inClass) {
                if (c == '[') {
                    java.append("\\[");
                    continue;
                }
                if (c == '&' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '&') {
                    java.append("&\\&");
                    i++;
                    continue;
                }
                if (c == ']') {
                    inClass = false;
                }
            } else if (c == '[') {
                inClass = true;
                java.append(c);
                // a ']' or '^]' right after '[' is a literal, not the end of the class
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == '^') {
                    java.append('^');
                    i++;
                }
                if (i + 1 < pattern.length() && pattern.charAt(i + 1) == ']') {
                    java.append("\\]");
                    i++;
                }
                continue;
            }
            java.append(c);
        }
        return java.toString();
    }

    private static ObjectNode required(String name) {
        return NODES.objectNode().set("required", NODES.arrayNode().add(name));
    }

    private static ArrayNode allOf(ObjectNode schema) {
        return schema.has("allOf") ? (ArrayNode) schema.get("allOf") : schema.putArray("allOf");
    }
}
