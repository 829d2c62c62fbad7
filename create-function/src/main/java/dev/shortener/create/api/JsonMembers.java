package dev.shortener.create.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;

/**
 * Typed access to the members of a request object. Unknown members are refused, naming the member: a typo such
 * as {@code expiresat} would otherwise be ignored silently and create a link that never expires.
 */
final class JsonMembers {

    private JsonMembers() {}

    static void allowOnly(ObjectNode body, List<String> allowed) {
        for (Iterator<String> names = body.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!allowed.contains(name)) {
                throw ApiProblem.forField(
                        Problems.UNKNOWN_FIELD,
                        name,
                        "'" + Problems.shorten(name) + "' is not a field of this request; it accepts "
                                + String.join(", ", allowed) + ".");
            }
        }
    }

    /** A member that must be a string. */
    static String requiredString(ObjectNode body, String name) {
        if (!body.has(name)) {
            throw ApiProblem.forField(Problems.MISSING_FIELD, name, "The request needs the field '" + name + "'.");
        }
        return string(body, name, false);
    }

    /** A member that may be absent or null (both give null), else a string. */
    static String optionalString(ObjectNode body, String name) {
        return string(body, name, true);
    }

    /** A member that may be absent (null), else must be {@code true} or {@code false}: null is refused too. */
    static Boolean optionalBoolean(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isBoolean()) {
            throw wrongType(name, "be true or false", value);
        }
        return value.booleanValue();
    }

    /** A member that may be absent (null), else an array of strings. */
    static List<String> optionalStringList(ObjectNode body, String name) {
        JsonNode value = body.get(name);
        if (value == null) {
            return null;
        }
        if (!value.isArray()) {
            throw wrongType(name, "be an array of strings", value);
        }
        List<String> strings = new java.util.ArrayList<>();
        for (JsonNode element : value) {
            if (!element.isTextual()) {
                throw wrongType(name, "hold strings only", element);
            }
            strings.add(element.textValue());
        }
        return strings;
    }

    private static String string(ObjectNode body, String name, boolean nullable) {
        JsonNode value = body.get(name);
        if (value == null || (nullable && value.isNull())) {
            return null;
        }
        if (!value.isTextual()) {
            throw wrongType(name, "be a string", value);
        }
        return value.textValue();
    }

    /** The one wording of a member of the wrong JSON type: what it must be, and what it was. */
    private static ApiProblem wrongType(String name, String must, JsonNode value) {
        return ApiProblem.forField(
                Problems.INVALID_FIELD_TYPE, name, "'" + name + "' must " + must + ", not " + kind(value) + ".");
    }

    private static String kind(JsonNode value) {
        return switch (value.getNodeType()) {
            case NULL -> "null";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case ARRAY -> "an array";
            case OBJECT -> "an object";
            default -> "a " + value.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
        };
    }
}
