package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Evaluates template values as CloudFormation would for one set of parameters (their defaults, with overrides),
 * through {@link TemplateResolver}, standing in plausible values for what only exists after a deploy: resource
 * names and ids, endpoint addresses, secrets resolved from Secrets Manager.
 */
final class TemplateValues {

    private final Template template;
    private final TemplateResolver resolver;

    TemplateValues(Template template, Map<String, String> overrides) {
        this.template = template;
        this.resolver = new TemplateResolver(template, overrides, new Plausible(template));
    }

    /** A function's environment variables (Globals included) as Lambda would see them. */
    Map<String, String> environment(String function) {
        Map<String, String> env = new LinkedHashMap<>();
        template.environment(function).forEach((name, value) -> {
            if (!resolver.resolve(value).isMissingNode()) { // AWS::NoValue: CloudFormation leaves it out
                env.put(name, string(value));
            }
        });
        return env;
    }

    String string(JsonNode value) {
        return resolveDynamicReferences(resolver.text(value));
    }

    /** A list value: a literal array, a list parameter or Fn::Split. */
    List<String> list(JsonNode value) {
        List<String> items = new ArrayList<>();
        resolver.list(value).forEach(item -> items.add(resolveDynamicReferences(item.asText())));
        return items;
    }

    boolean condition(String name) {
        return resolver.condition(name);
    }

    /** {@code {{resolve:secretsmanager:...}}} becomes a 64-character secret, as the template generates them. */
    private static String resolveDynamicReferences(String text) {
        return text.replaceAll("\\{\\{resolve:secretsmanager:[^}]*}}", "s".repeat(64));
    }

    /** Names, ids and addresses shaped like the ones a deploy creates. */
    private record Plausible(Template template) implements TemplateResolver.Deployed {

        @Override
        public String ref(String resource) {
            if (!template.names("Resources").contains(resource) && !resource.contains(".")) {
                throw new AssertionError("Ref to unknown " + resource);
            }
            return placeholder(resource); // a physical name or id CloudFormation generates
        }

        @Override
        public String attribute(String resource, String attribute) {
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
    }
}
