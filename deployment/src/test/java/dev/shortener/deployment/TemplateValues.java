package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Evaluates template values as CloudFormation would for one set of parameters (their defaults, with overrides),
 * standing in plausible values for what only exists after a deploy: resource names and ids, endpoint addresses,
 * secrets resolved from Secrets Manager.
 */
final class TemplateValues {

    private final Template template;
    private final Map<String, String> parameters = new HashMap<>();

    TemplateValues(Template template, Map<String, String> overrides) {
        this.template = template;
        template.section("Parameters").properties().forEach(p -> {
            JsonNode value = p.getValue().path("Default");
            parameters.put(p.getKey(), value.isMissingNode() ? "" : value.asText());
        });
        parameters.putAll(overrides);
    }

    /** A function's environment variables (Globals included) as Lambda would see them. */
    Map<String, String> environment(String function) {
        Map<String, String> env = new LinkedHashMap<>();
        template.environment(function).forEach((name, value) -> env.put(name, string(value)));
        return env;
    }

    String string(JsonNode value) {
        if (value.isValueNode()) {
            return resolveDynamicReferences(value.asText());
        }
        String function = Intrinsics.function(value);
        if (function == null) {
            throw new AssertionError("not a scalar value: " + value);
        }
        JsonNode argument = value.get(function);
        return switch (function) {
            case "Ref" -> ref(argument.asText());
            case "Fn::Sub" -> {
                Map<String, String> values = new HashMap<>();
                for (String variable : Intrinsics.subVariables(Intrinsics.subTemplate(value))) {
                    int dot = variable.indexOf('.');
                    values.put(
                            variable,
                            dot < 0
                                    ? ref(variable)
                                    : attribute(variable.substring(0, dot), variable.substring(dot + 1)));
                }
                if (argument.isArray() && argument.size() > 1) {
                    argument.get(1).properties().forEach(e -> values.put(e.getKey(), string(e.getValue())));
                }
                yield resolveDynamicReferences(Intrinsics.renderSub(Intrinsics.subTemplate(value), values));
            }
            case "Fn::GetAtt" ->
                attribute(argument.path(0).asText(), argument.path(1).asText());
            case "Fn::If" -> string(condition(argument.path(0).asText()) ? argument.get(1) : argument.get(2));
            case "Fn::Join" -> {
                StringBuilder joined = new StringBuilder();
                JsonNode parts = argument.get(1);
                for (int i = 0; i < parts.size(); i++) {
                    joined.append(i == 0 ? "" : argument.get(0).asText()).append(string(parts.get(i)));
                }
                yield joined.toString();
            }
            case "Fn::Select" -> {
                List<String> items = list(argument.get(1));
                yield items.get(Integer.parseInt(string(argument.get(0))));
            }
            default -> throw new AssertionError("can't evaluate " + function + " offline: " + value);
        };
    }

    /** A list value: a literal array or Fn::Split. */
    List<String> list(JsonNode value) {
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            value.forEach(item -> items.add(string(item)));
            return items;
        }
        JsonNode split = value.get("Fn::Split");
        if (split == null) {
            throw new AssertionError("can't evaluate this list offline: " + value);
        }
        return List.of(string(split.get(1)).split(Pattern.quote(split.get(0).asText()), -1));
    }

    boolean condition(String name) {
        JsonNode definition = template.section("Conditions").path(name);
        if (definition.isMissingNode()) {
            throw new AssertionError("no condition " + name);
        }
        return evaluate(definition);
    }

    private boolean evaluate(JsonNode node) {
        String function = Intrinsics.function(node);
        JsonNode argument = node.get(function);
        return switch (function) {
            case "Condition" -> condition(argument.asText());
            case "Fn::Equals" -> string(argument.get(0)).equals(string(argument.get(1)));
            case "Fn::Not" -> !evaluate(argument.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode part : argument) {
                    all &= evaluate(part);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode part : argument) {
                    any |= evaluate(part);
                }
                yield any;
            }
            default -> throw new AssertionError("not a condition function: " + node);
        };
    }

    private String ref(String name) {
        if (parameters.containsKey(name)) {
            return parameters.get(name);
        }
        return switch (name) {
            case "AWS::Region" -> "eu-west-1";
            case "AWS::AccountId" -> "123456789012";
            case "AWS::Partition" -> "aws";
            case "AWS::URLSuffix" -> "amazonaws.com";
            case "AWS::StackName" -> "url-shortener";
            case "AWS::StackId" ->
                "arn:aws:cloudformation:eu-west-1:123456789012:stack/url-shortener/"
                        + "0e8f3a10-0000-0000-0000-000000000000";
            default -> {
                if (!template.names("Resources").contains(name) && !name.contains(".")) {
                    throw new AssertionError("Ref to unknown " + name);
                }
                yield placeholder(name); // a physical name or id CloudFormation generates
            }
        };
    }

    private static String attribute(String resource, String attribute) {
        return switch (attribute) {
            case "Endpoint.Port", "ReaderEndpoint.Port" -> attribute.startsWith("Reader") ? "6380" : "6379";
            case "DomainName" -> "d111111abcdef8.cloudfront.net";
            case "Arn" -> "arn:aws:service:eu-west-1:123456789012:" + placeholder(resource);
            default -> placeholder(resource + "-" + attribute) + ".example";
        };
    }

    private static String placeholder(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
    }

    /** {@code {{resolve:secretsmanager:...}}} becomes a 64-character secret, as the template generates them. */
    private static String resolveDynamicReferences(String text) {
        return text.replaceAll("\\{\\{resolve:secretsmanager:[^}]*}}", "s".repeat(64));
    }
}
