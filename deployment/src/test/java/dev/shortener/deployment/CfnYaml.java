package dev.shortener.deployment;

import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Reads a CloudFormation/SAM template written in YAML into a JSON tree, turning the short-form intrinsic tags
 * ({@code !Ref X}, {@code !GetAtt A.B}, {@code !Sub ...}, {@code !If [...]}, ...) into their long JSON form
 * ({@code {"Ref": "X"}}, {@code {"Fn::GetAtt": ["A", "B"]}}, ...), as CloudFormation itself does.
 *
 * <p>Jackson's YAML parser reports a node's tag as its type id; the tree is built token by token so that every
 * tag is seen (a plain {@code readTree} drops them, and {@code !Ref X} would silently become the string "X").
 * An unknown local tag fails the read instead of being ignored.
 */
final class CfnYaml {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final YAMLFactory YAML = new YAMLFactory();

    /** Short-form tags (without "!") whose long-form key is the tag itself. */
    private static final Set<String> KEYS = Set.of("Ref", "Condition");

    /**
     * Short-form tags of the functions, whose long-form key is {@code Fn::} and the tag: those of template values,
     * and those only a template's Rules may use.
     */
    private static final Set<String> FUNCTIONS = Stream.concat(
                    IntrinsicTolerantSchema.FUNCTIONS.stream(),
                    Stream.of("Contains", "EachMemberEquals", "EachMemberIn", "RefAll", "ValueOf", "ValueOfAll"))
            .collect(Collectors.toUnmodifiableSet());

    private CfnYaml() {}

    static JsonNode read(Path file) {
        try {
            return read(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    static JsonNode read(String yaml) {
        try (YAMLParser parser = YAML.createParser(yaml)) {
            if (parser.nextToken() == null) {
                throw new IllegalArgumentException("empty YAML document");
            }
            return node(parser);
        } catch (IOException e) {
            throw new UncheckedIOException("not valid YAML: " + e.getMessage(), e);
        }
    }

    /** The node starting at the parser's current token, with its tag applied. */
    private static JsonNode node(YAMLParser parser) throws IOException {
        String tag = parser.getTypeId();
        JsonToken token = parser.currentToken();
        JsonNode value = switch (token) {
            case START_OBJECT -> object(parser);
            case START_ARRAY -> array(parser);
            case VALUE_STRING -> NODES.textNode(parser.getText());
            case VALUE_NUMBER_INT ->
                switch (parser.getNumberType()) {
                    case INT -> NODES.numberNode(parser.getIntValue());
                    case LONG -> NODES.numberNode(parser.getLongValue());
                    default -> NODES.numberNode(parser.getBigIntegerValue());
                };
            case VALUE_NUMBER_FLOAT -> NODES.numberNode(parser.getDecimalValue());
            case VALUE_TRUE -> NODES.booleanNode(true);
            case VALUE_FALSE -> NODES.booleanNode(false);
            case VALUE_NULL -> NODES.nullNode();
            default ->
                throw new IllegalArgumentException(
                        "unexpected YAML token " + token + " at " + parser.currentLocation());
        };
        return tag == null ? value : tagged(tag, value, parser);
    }

    private static ObjectNode object(YAMLParser parser) throws IOException {
        ObjectNode object = NODES.objectNode();
        while (parser.nextToken() != JsonToken.END_OBJECT) {
            String name = parser.currentName();
            parser.nextToken();
            if (object.has(name)) {
                throw new IllegalArgumentException("duplicate key '" + name + "' at " + parser.currentLocation());
            }
            object.set(name, node(parser));
        }
        return object;
    }

    private static ArrayNode array(YAMLParser parser) throws IOException {
        ArrayNode array = NODES.arrayNode();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
            array.add(node(parser));
        }
        return array;
    }

    private static JsonNode tagged(String tag, JsonNode value, YAMLParser parser) {
        if (tag.startsWith("tag:yaml.org,2002:")) {
            return value; // a standard YAML tag (!!str and the like): the value as it is
        }
        String key = KEYS.contains(tag) ? tag : FUNCTIONS.contains(tag) ? "Fn::" + tag : null;
        if (key == null) {
            throw new IllegalArgumentException("unknown YAML tag !" + tag + " at " + parser.currentLocation());
        }
        JsonNode argument = value;
        if (key.equals("Fn::GetAtt") && value.isTextual()) {
            // !GetAtt Resource.Attribute.Maybe.Dotted: the resource is the part before the first dot.
            String text = value.asText();
            int dot = text.indexOf('.');
            if (dot < 1 || dot == text.length() - 1) {
                throw new IllegalArgumentException("!GetAtt needs Resource.Attribute, got '" + text + "'");
            }
            argument = NODES.arrayNode().add(text.substring(0, dot)).add(text.substring(dot + 1));
        } else if (key.equals("Fn::GetAZs") && value.isNull()) {
            argument = NODES.textNode("");
        }
        return NODES.objectNode().set(key, argument);
    }
}
