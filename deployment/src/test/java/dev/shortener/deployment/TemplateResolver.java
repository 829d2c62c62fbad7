package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Resolves any part of the template (a property, a whole resource's properties, a rule's assertion) into plain
 * JSON as CloudFormation would for one set of parameter values: intrinsic functions evaluated, {@code AWS::NoValue}
 * removed, Fn::If decided by the conditions. What only exists after a deploy stands in as a token that changes
 * exactly when CloudFormation would give the resource a new identity: a resource's {@code Ref} and attributes are
 * derived from the values of its replacement-causing properties (the resource database's {@code causesReplacement},
 * "maybe" counted as yes), so replacing a subnet shows up wherever its id is used. Tests that need plausible
 * values instead of identity tokens (an ARN, an endpoint's port) give their own {@link Deployed} stand-ins.
 */
final class TemplateResolver {

    /** Stands in for what only exists after a deploy: what a resource's {@code Ref} and attributes give. */
    interface Deployed {

        /** A resource's Ref: its physical name or id (or SAM's {@code Function.Alias}, {@code Function.Version}). */
        String ref(String resource);

        String attribute(String resource, String attribute);
    }

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Stands in for AWS::NoValue until the containing object or array drops it. */
    private static final JsonNode NO_VALUE = new TextNode("\u0000NoValue");

    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}]*)}");

    private final Template template;
    private final Predicate<String> replacesOnChange;
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> identities = new HashMap<>();
    private final Set<String> resolving = new HashSet<>();
    private final Deployed deployed;

    /**
     * @param replacementProperty whether a property ({@code "AWS::EC2::Subnet.CidrBlock"}) replaces its resource
     *                            when it changes
     */
    TemplateResolver(Template template, Map<String, String> overrides, Predicate<String> replacementProperty) {
        this(template, overrides, replacementProperty, null);
    }

    /** With these stand-ins for what a deploy creates, in place of identity tokens. */
    TemplateResolver(Template template, Map<String, String> overrides, Deployed deployed) {
        this(template, overrides, property -> false, deployed);
    }

    private TemplateResolver(
            Template template,
            Map<String, String> overrides,
            Predicate<String> replacementProperty,
            Deployed deployed) {
        this.template = template;
        this.replacesOnChange = replacementProperty;
        this.deployed = deployed == null ? new Identities() : deployed;
        template.section("Parameters").properties().forEach(p -> {
            JsonNode value = p.getValue().path("Default");
            parameters.put(p.getKey(), value.isMissingNode() ? "" : value.asText());
        });
        overrides.forEach((name, value) -> {
            if (!name.startsWith("AWS::") && !parameters.containsKey(name)) {
                throw new AssertionError("no parameter " + name);
            }
            parameters.put(name, value);
        });
    }

    /** With the resource database installed by the tests. */
    static TemplateResolver withServiceSpec(Template template, Map<String, String> overrides) {
        ServiceSpec spec = ServiceSpec.installed();
        return new TemplateResolver(template, overrides, spec::causesReplacement);
    }

    String parameter(String name) {
        return parameters.get(name);
    }

    /** The value as CloudFormation would pass it on; MissingNode when it resolves to AWS::NoValue. */
    JsonNode resolve(JsonNode node) {
        JsonNode value = value(node);
        return value == NO_VALUE ? com.fasterxml.jackson.databind.node.MissingNode.getInstance() : value;
    }

    String text(JsonNode node) {
        JsonNode value = value(node);
        if (!value.isValueNode()) {
            throw new AssertionError("not a scalar: " + node + " -> " + value);
        }
        return value.asText();
    }

    boolean condition(String name) {
        JsonNode definition = template.section("Conditions").path(name);
        if (definition.isMissingNode()) {
            throw new AssertionError("no condition " + name);
        }
        return truth(definition);
    }

    /** A condition function (Fn::Equals, Fn::And, ..., and the rules' Fn::EachMemberEquals and Fn::Contains). */
    boolean truth(JsonNode node) {
        if (node.isBoolean()) {
            return node.asBoolean();
        }
        String function = Intrinsics.function(node);
        if (function == null) {
            throw new AssertionError("not a condition: " + node);
        }
        JsonNode argument = node.get(function);
        return switch (function) {
            case "Condition" -> condition(argument.asText());
            case "Fn::Equals" ->
                value(argument.get(0)).asText().equals(value(argument.get(1)).asText());
            case "Fn::Not" -> !truth(argument.get(0));
            case "Fn::And" -> {
                boolean all = true;
                for (JsonNode part : argument) {
                    all &= truth(part);
                }
                yield all;
            }
            case "Fn::Or" -> {
                boolean any = false;
                for (JsonNode part : argument) {
                    any |= truth(part);
                }
                yield any;
            }
            case "Fn::EachMemberEquals" -> {
                String expected = value(argument.get(1)).asText();
                boolean all = true;
                for (JsonNode member : list(argument.get(0))) {
                    all &= member.asText().equals(expected);
                }
                yield all;
            }
            case "Fn::Contains" -> {
                String wanted = value(argument.get(1)).asText();
                boolean any = false;
                for (JsonNode member : list(argument.get(0))) {
                    any |= member.asText().equals(wanted);
                }
                yield any;
            }
            default -> throw new AssertionError("not a condition function: " + node);
        };
    }

    /** The identity CloudFormation gives the resource: it changes only when it is replaced. */
    String identity(String resource) {
        String known = identities.get(resource);
        if (known != null) {
            return known;
        }
        if (!resolving.add(resource)) {
            throw new AssertionError("replacement-causing properties refer to each other through " + resource);
        }
        JsonNode body = template.resource(resource);
        String type = body.path("Type").asText();
        ObjectNode replacing = NODES.objectNode();
        body.path("Properties").properties().forEach(p -> {
            if (replacesOnChange.test(type + "." + p.getKey())) {
                replacing.set(p.getKey(), resolve(p.getValue()));
            }
        });
        String identity = resource.toLowerCase(java.util.Locale.ROOT) + "-" + digest(replacing.toString());
        resolving.remove(resource);
        identities.put(resource, identity);
        return identity;
    }

    private JsonNode value(JsonNode node) {
        if (node.isObject() && Intrinsics.isIntrinsic(node)) {
            return intrinsic(Intrinsics.function(node), node.get(Intrinsics.function(node)));
        }
        if (node.isObject()) {
            ObjectNode resolved = NODES.objectNode();
            node.properties().forEach(e -> {
                JsonNode value = value(e.getValue());
                if (value != NO_VALUE) {
                    resolved.set(e.getKey(), value);
                }
            });
            return resolved;
        }
        if (node.isArray()) {
            ArrayNode resolved = NODES.arrayNode();
            node.forEach(item -> {
                JsonNode value = value(item);
                if (value != NO_VALUE) {
                    resolved.add(value);
                }
            });
            return resolved;
        }
        return node.isNumber() || node.isBoolean() ? new TextNode(node.asText()) : node;
    }

    private JsonNode intrinsic(String function, JsonNode argument) {
        return switch (function) {
            case "Ref" -> ref(argument.asText());
            case "Fn::GetAtt" ->
                new TextNode(
                        attribute(argument.path(0).asText(), argument.path(1).asText()));
            case "Fn::Sub" -> new TextNode(sub(argument));
            case "Fn::If" -> value(condition(argument.path(0).asText()) ? argument.get(1) : argument.get(2));
            case "Fn::Join" -> {
                StringBuilder joined = new StringBuilder();
                Iterator<JsonNode> parts = list(argument.get(1)).iterator();
                while (parts.hasNext()) {
                    joined.append(parts.next().asText());
                    if (parts.hasNext()) {
                        joined.append(argument.get(0).asText());
                    }
                }
                yield new TextNode(joined.toString());
            }
            case "Fn::Select" -> {
                ArrayNode items = list(argument.get(1));
                int index = Integer.parseInt(value(argument.get(0)).asText());
                if (index >= items.size()) {
                    throw new AssertionError("Fn::Select " + index + " of " + items);
                }
                yield items.get(index);
            }
            case "Fn::Split", "Fn::Cidr", "Fn::GetAZs" ->
                list(NODES.objectNode().set(function, argument));
            case "Fn::Base64" -> new TextNode("base64(" + value(argument).asText() + ")");
            default -> throw new AssertionError("can't evaluate " + function + " offline: " + argument);
        };
    }

    /** A list value: a literal array, a list parameter, Fn::Split, Fn::Cidr, Fn::GetAZs. */
    ArrayNode list(JsonNode node) {
        String function = Intrinsics.function(node);
        if ("Fn::Split".equals(function)) {
            JsonNode argument = node.get(function);
            ArrayNode items = NODES.arrayNode();
            for (String item : value(argument.get(1))
                    .asText()
                    .split(Pattern.quote(argument.get(0).asText()), -1)) {
                items.add(item);
            }
            return items;
        }
        if ("Fn::Cidr".equals(function)) {
            JsonNode argument = node.get(function);
            String block = value(argument.get(0)).asText();
            int count = Integer.parseInt(value(argument.get(1)).asText());
            int bits = Integer.parseInt(value(argument.get(2)).asText());
            ArrayNode items = NODES.arrayNode();
            for (String cidr : Cidr.subnets(block, count, bits)) {
                items.add(cidr);
            }
            return items;
        }
        if ("Fn::GetAZs".equals(function)) {
            ArrayNode zones = NODES.arrayNode();
            String region = ref("AWS::Region").asText();
            for (char zone : "abc".toCharArray()) {
                zones.add(region + zone);
            }
            return zones;
        }
        JsonNode value = value(node);
        if (!value.isArray()) {
            throw new AssertionError("not a list: " + node + " -> " + value);
        }
        return (ArrayNode) value;
    }

    private JsonNode ref(String name) {
        if (name.equals("AWS::NoValue")) {
            return NO_VALUE;
        }
        if (parameters.containsKey(name)) {
            String value = parameters.get(name);
            if (template.section("Parameters").path(name).path("Type").asText().contains("List")) {
                ArrayNode items = NODES.arrayNode();
                for (String item : value.split(",", -1)) {
                    items.add(item.trim());
                }
                return items;
            }
            return new TextNode(value);
        }
        return new TextNode(
                switch (name) {
                    case "AWS::Region" -> "eu-west-1";
                    case "AWS::AccountId" -> "123456789012";
                    case "AWS::Partition" -> "aws";
                    case "AWS::URLSuffix" -> "amazonaws.com";
                    case "AWS::StackName" -> "url-shortener";
                    case "AWS::StackId" ->
                        "arn:aws:cloudformation:eu-west-1:123456789012:stack/url-shortener/"
                                + "0e8f3a10-0000-4000-8000-000000000000";
                    default -> deployed.ref(name);
                });
    }

    private String attribute(String resource, String attribute) {
        return deployed.attribute(resource, attribute);
    }

    /** The identity tokens: a resource's Ref and attributes change exactly when the resource is replaced. */
    private final class Identities implements Deployed {

        @Override
        public String ref(String resource) {
            if (resource.contains(".")) {
                // SAM's Function.Alias / Function.Version
                int dot = resource.indexOf('.');
                return identity(resource.substring(0, dot)) + resource.substring(dot);
            }
            return identity(resource);
        }

        @Override
        public String attribute(String resource, String attribute) {
            return identity(resource) + "." + attribute;
        }
    }

    private String sub(JsonNode argument) {
        String text =
                argument.isTextual() ? argument.asText() : argument.path(0).asText();
        Map<String, String> local = new HashMap<>();
        if (argument.isArray() && argument.size() > 1) {
            argument.get(1)
                    .properties()
                    .forEach(e -> local.put(e.getKey(), value(e.getValue()).asText()));
        }
        var m = SUB_VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1).trim();
            String replacement;
            if (name.startsWith("!")) {
                replacement = "${" + name.substring(1) + "}";
            } else if (local.containsKey(name)) {
                replacement = local.get(name);
            } else if (name.contains(".") && !name.startsWith("AWS::")) {
                int dot = name.indexOf('.');
                replacement = attribute(name.substring(0, dot), name.substring(dot + 1));
            } else {
                replacement = value(NODES.objectNode().put("Ref", name)).asText();
            }
            m.appendReplacement(out, java.util.regex.Matcher.quoteReplacement(replacement));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String digest(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 6);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fn::Cidr: the first {@code count} blocks of {@code 2^bits} addresses in an IPv4 range. */
    static final class Cidr {

        private Cidr() {}

        static List<String> subnets(String block, int count, int bits) {
            String[] parts = block.split("/");
            int prefix = Integer.parseInt(parts[1]);
            int subnetPrefix = 32 - bits;
            if (subnetPrefix < prefix || (1L << (subnetPrefix - prefix)) < count) {
                throw new IllegalArgumentException(
                        "Fn::Cidr can't cut " + count + " /" + subnetPrefix + " from " + block);
            }
            long base = 0;
            for (String octet : parts[0].split("\\.")) {
                base = (base << 8) | Integer.parseInt(octet);
            }
            base &= ~((1L << (32 - prefix)) - 1) & 0xFFFFFFFFL;
            List<String> subnets = new java.util.ArrayList<>();
            for (int i = 0; i < count; i++) {
                long address = base + ((long) i << bits);
                subnets.add(((address >> 24) & 255) + "." + ((address >> 16) & 255) + "." + ((address >> 8) & 255) + "."
                        + (address & 255) + "/" + subnetPrefix);
            }
            return subnets;
        }
    }
}
