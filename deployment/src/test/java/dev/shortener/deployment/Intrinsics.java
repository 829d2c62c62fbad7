package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading CloudFormation intrinsic functions in a template's JSON tree. */
final class Intrinsics {

    static final Set<String> PSEUDO_PARAMETERS = Set.of(
            "AWS::AccountId",
            "AWS::NotificationARNs",
            "AWS::NoValue",
            "AWS::Partition",
            "AWS::Region",
            "AWS::StackId",
            "AWS::StackName",
            "AWS::URLSuffix");

    /** {@code ${Name}} or {@code ${Resource.Attribute}}; {@code ${!Literal}} is text. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private Intrinsics() {}

    /** A single-key object whose key is Ref, Condition or Fn::*. */
    static boolean isIntrinsic(JsonNode node) {
        if (!node.isObject() || node.size() != 1) {
            return false;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::");
    }

    static String function(JsonNode node) {
        return isIntrinsic(node) ? node.fieldNames().next() : null;
    }

    /** The template text of a Fn::Sub (its first argument), or null. */
    static String subTemplate(JsonNode node) {
        JsonNode sub = node.get("Fn::Sub");
        if (sub == null) {
            return null;
        }
        return sub.isTextual() ? sub.asText() : sub.path(0).asText(null);
    }

    /** The variables a Fn::Sub declares itself (its second argument), which shadow template names. */
    static Set<String> subLocalVariables(JsonNode node) {
        JsonNode sub = node.get("Fn::Sub");
        if (sub != null && sub.isArray() && sub.size() > 1 && sub.get(1).isObject()) {
            Set<String> names = new java.util.HashSet<>();
            sub.get(1).fieldNames().forEachRemaining(names::add);
            return names;
        }
        return Set.of();
    }

    /** The names in {@code ${...}} of a Sub template, without {@code ${!...}} literals. */
    static List<String> subVariables(String template) {
        List<String> names = new ArrayList<>();
        Matcher m = SUB_VARIABLE.matcher(template);
        while (m.find()) {
            String name = m.group(1).trim();
            if (!name.startsWith("!")) {
                names.add(name);
            }
        }
        return names;
    }

    /** A Fn::Sub template rendered with values for its variables; {@code ${!x}} becomes {@code ${x}}. */
    static String renderSub(String template, Map<String, String> values) {
        Matcher m = SUB_VARIABLE.matcher(template);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (values.containsKey(name.trim())) {
                replacement = values.get(name.trim());
            } else {
                throw new AssertionError("no value for ${" + name + "} in " + template);
            }
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }
}
