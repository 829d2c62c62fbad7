package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Finding 6 of the first-deploy traps ({@link DeployTrapsTest}): the {@code live} alias must run every configuration the stack gives a function.
 *
 * <p>SAM's {@code AutoPublishAlias} names the version it generates after a hash of the code location and (with
 * {@code AutoPublishAliasAllProperties}) of the properties as written, so a parameter's new value changes nothing
 * SAM hashes (aws/serverless-application-model#1640, #3820): {@code $LATEST} is updated, the alias stays on the old
 * version. The template's answer is {@code VersionDescription}, which SAM passes to the version's Description;
 * CloudFormation replaces an {@code AWS::Lambda::Version} whose Description changes (the property "requires
 * replacement"), which publishes a new version that the alias then points to. That works only if the description
 * changes exactly when the configuration does: a description that stays put misses a change, and one that moves
 * without the configuration makes Lambda publish nothing ("A version for this Lambda function exists"), which fails
 * the deploy. This test checks both directions for every parameter, by resolving the template as CloudFormation
 * would (resources keep their identity unless a replacement-causing property changes), so a parameter added to a
 * function's configuration without being added to its description fails here.
 */
class VersionMechanismTest {

    private static final Template template = Template.load();

    /** Lambda's limit on a version's description (PublishVersion, Description: 0-256 characters). */
    static final int DESCRIPTION_LIMIT = 256;

    /** A function's properties that are not part of a version (they belong to the function, alias or role). */
    static final Set<String> NOT_VERSION_CONFIGURATION = Set.of(
            "AutoPublishAlias",
            "AutoPublishAliasAllProperties",
            "AutoPublishCodeSha256",
            "VersionDescription",
            "ProvisionedConcurrencyConfig", // the alias's
            "ReservedConcurrentExecutions", // the function's, every version shares it
            "DeploymentPreference",
            "Events",
            "Policies", // the role's policies; the role itself (its ARN) is configuration, and SAM keeps it
            "Tags",
            "PropagateTags",
            "EventInvokeConfig",
            "FunctionUrlConfig");

    /**
     * Valid states of the stack the parameter changes start from: the rules of the template hold in each, and
     * between them every condition takes both values.
     */
    static final Map<String, Map<String, String>> STARTING_POINTS = Map.of(
            "new VPC, defaults",
            Map.of("AvailabilityZoneIdA", "euw1-az1", "AvailabilityZoneIdB", "euw1-az2"),
            "existing VPC, custom domain",
            Map.of(
                    "VpcId", "vpc-0123456789abcdef0",
                    "PrivateSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1",
                    "PrivateRouteTableIds", "rtb-0123456789abcdef0",
                    "DomainName", "sho.rt",
                    "CertificateArn",
                            "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab"));

    /** Other valid values of the parameters whose values a pattern constrains. */
    static final Map<String, List<String>> SAMPLES = Map.ofEntries(
            Map.entry("DomainName", List.of("", "go.example.com")),
            Map.entry(
                    "CertificateArn",
                    List.of("", "arn:aws:acm:us-east-1:123456789012:certificate/99999999-12ab-34cd-56ef-1234567890ab")),
            Map.entry("VpcId", List.of("", "vpc-0fedcba9876543210")),
            Map.entry("PrivateSubnetIds", List.of("subnet-0aaaaaaaaaaaaaaa0,subnet-0bbbbbbbbbbbbbbb0")),
            Map.entry("PrivateRouteTableIds", List.of("rtb-0aaaaaaaaaaaaaaa0")),
            Map.entry("NewVpcCidr", List.of("10.30.0.0/16", "192.168.0.0/23")),
            Map.entry("AvailabilityZoneIdA", List.of("euw1-az3")),
            Map.entry("AvailabilityZoneIdB", List.of("euw1-az3")),
            Map.entry("BlockedDomains", List.of("bad.example", "bad.example,worse.example")),
            Map.entry("RootRedirectUrl", List.of("", "https://www.example.com/")),
            Map.entry("RedirectPrewarmStart", List.of("", "cron(30 12 * * ? *)")),
            Map.entry("RedirectPrewarmEnd", List.of("", "cron(30 17 * * ? *)")),
            Map.entry("AlarmEmail", List.of("ops@example.com")));

    /** The longest valid value of each parameter a description could carry, for the length check. */
    static final Map<String, String> LONGEST = Map.of(
            "VpcId", "vpc-0123456789abcdef0",
            "PrivateSubnetIds", "subnet-0123456789abcdef0,subnet-0123456789abcdef1,subnet-0123456789abcdef2",
            "PrivateRouteTableIds", "rtb-0123456789abcdef0",
            "AvailabilityZoneIdA", "apse12-az12",
            "AvailabilityZoneIdB", "apse12-az13",
            "NewVpcCidr", "100.100.100.100/23",
            "CertificateArn", "arn:aws:acm:us-east-1:123456789012:certificate/1234abcd-12ab-34cd-56ef-1234567890ab");

    @Test
    void finding6_everyParameterAFunctionsConfigurationTakesChangesItsVersionDescription_andNothingElseDoes() {
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (String function : aliasedFunctions()) {
            for (var start : STARTING_POINTS.entrySet()) {
                Snapshot before = snapshot(function, start.getValue());
                for (String parameter : template.names("Parameters")) {
                    for (String value : alternatives(parameter, start.getValue())) {
                        Map<String, String> changed = new LinkedHashMap<>(start.getValue());
                        changed.put(parameter, value);
                        Snapshot after = snapshot(function, changed);
                        boolean configuration = !after.configuration().equals(before.configuration());
                        boolean description = !after.description().equals(before.description());
                        checked++;
                        if (configuration != description) {
                            problems.add(function + " (" + start.getKey() + "), " + parameter + " = '" + value + "': "
                                    + (configuration
                                            ? "changes the configuration but not the VersionDescription: the alias"
                                                    + " would keep the old version"
                                            : "changes the VersionDescription but not the configuration: Lambda"
                                                    + " would publish nothing and the deploy fail"));
                        }
                    }
                }
            }
        }
        System.out.printf("version mechanism: %d parameter changes checked on %s%n", checked, aliasedFunctions());
        assertTrue(checked > 100, "too few changes checked: " + checked);
        assertEquals(List.of(), problems);
    }

    /** The mechanism itself can fail: a parameter a configuration takes but the description lacks is found. */
    @Test
    void finding6_theCheckFindsAParameterMissingFromTheDescription() {
        Template broken = Template.parse("""
                Parameters:
                  Memory: {Type: Number, Default: 512, AllowedValues: [512, 1024]}
                  Level: {Type: String, Default: INFO, AllowedValues: [INFO, DEBUG]}
                Resources:
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      AutoPublishAlias: live
                      MemorySize: !Ref Memory
                      Environment: {Variables: {LEVEL: !Ref Level}}
                      VersionDescription: !Sub "cfg ${Memory}"
                """);
        TemplateResolver defaults = new TemplateResolver(broken, Map.of(), property -> false);
        TemplateResolver debug = new TemplateResolver(broken, Map.of("Level", "DEBUG"), property -> false);
        JsonNode fn = broken.properties("Fn");
        assertTrue(!configuration(broken, "Fn", defaults).equals(configuration(broken, "Fn", debug)));
        assertEquals(defaults.resolve(fn.path("VersionDescription")), debug.resolve(fn.path("VersionDescription")));
    }

    @Test
    void finding6_versionsAreNamedAfterEveryPropertyAndTheCodeLocation() {
        for (String function : aliasedFunctions()) {
            JsonNode properties = template.properties(function);
            assertTrue(
                    properties.path("AutoPublishAliasAllProperties").asBoolean(),
                    function + ": without AutoPublishAliasAllProperties, an edited literal Timeout or Handler would"
                            + " not publish a version (SAM hashes only code, Environment, MemorySize, SnapStart)");
            assertTrue(
                    properties.path("AutoPublishCodeSha256").isMissingNode(),
                    function + ": SAM takes AutoPublishCodeSha256's first 10 characters as the version's whole hash,"
                            + " so new code would no longer publish a version");
            assertTrue(
                    properties.has("VersionDescription"),
                    function + " needs a VersionDescription carrying its parameters");
        }
    }

    @Test
    void finding6_versionDescriptionsFitLambdasLimit_withTheLongestValues() {
        for (String function : aliasedFunctions()) {
            for (boolean newVpc : List.of(true, false)) {
                Map<String, String> longest = new LinkedHashMap<>();
                template.section("Parameters").properties().forEach(p -> {
                    String value = longestValue(p.getKey(), p.getValue());
                    if (value != null) {
                        longest.put(p.getKey(), value);
                    }
                });
                if (newVpc) {
                    longest.put("VpcId", "");
                }
                longest.put("DomainName", "a".repeat(36) + ".com");
                for (String unbounded : template.names("Parameters")) {
                    if (longest.containsKey(unbounded)) {
                        continue;
                    }
                    Map<String, String> other = new LinkedHashMap<>(longest);
                    other.put(unbounded, "unbounded");
                    assertEquals(
                            description(function, longest),
                            description(function, other),
                            function + "'s VersionDescription carries " + unbounded
                                    + ", which has no MaxLength or MaxValue: it could outgrow Lambda's limit");
                }
                TemplateResolver resolver = TemplateResolver.withServiceSpec(template, longest);
                String description = resolver.text(template.properties(function).path("VersionDescription"));
                System.out.printf(
                        "%s VersionDescription, longest (%s VPC): %d characters%n",
                        function, newVpc ? "new" : "existing", description.length());
                assertTrue(
                        description.length() <= DESCRIPTION_LIMIT,
                        function + "'s VersionDescription can reach " + description.length() + " characters ("
                                + description + "): Lambda takes " + DESCRIPTION_LIMIT
                                + "; bound the parameter (MaxLength) or shorten the format");
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private static String description(String function, Map<String, String> parameters) {
        return TemplateResolver.withServiceSpec(template, parameters)
                .text(template.properties(function).path("VersionDescription"));
    }

    record Snapshot(JsonNode configuration, JsonNode description) {}

    private static Snapshot snapshot(String function, Map<String, String> parameters) {
        Map<String, String> known = new LinkedHashMap<>(parameters);
        known.keySet().retainAll(template.names("Parameters")); // a starting point may name newer parameters
        TemplateResolver resolver = TemplateResolver.withServiceSpec(template, known);
        return new Snapshot(
                configuration(template, function, resolver),
                resolver.resolve(template.properties(function).path("VersionDescription")));
    }

    /** What a published version holds: the function's properties (over Globals.Function) that are its own. */
    static JsonNode configuration(Template template, String function, TemplateResolver resolver) {
        ObjectNode merged = JsonNodeFactory.instance.objectNode();
        template.root()
                .path("Globals")
                .path("Function")
                .properties()
                .forEach(e -> merged.set(e.getKey(), e.getValue()));
        template.properties(function).properties().forEach(e -> {
            if (e.getKey().equals("Environment") && merged.has("Environment")) {
                ObjectNode variables = ((ObjectNode) merged.get("Environment").path("Variables")).deepCopy();
                e.getValue().path("Variables").properties().forEach(v -> variables.set(v.getKey(), v.getValue()));
                merged.putObject("Environment").set("Variables", variables);
            } else {
                merged.set(e.getKey(), e.getValue());
            }
        });
        NOT_VERSION_CONFIGURATION.forEach(merged::remove);
        return resolver.resolve(merged);
    }

    static List<String> aliasedFunctions() {
        List<String> functions = new ArrayList<>();
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            if (!template.functionProperty(function, "AutoPublishAlias").isMissingNode()) {
                functions.add(function);
            }
        }
        assertTrue(functions.size() >= 2, "the redirect and create functions publish versions: " + functions);
        return functions;
    }

    /** Other valid values of a parameter than the one it has at a starting point. */
    private static Set<String> alternatives(String name, Map<String, String> start) {
        JsonNode parameter = template.section("Parameters").path(name);
        String current = start.getOrDefault(name, parameter.path("Default").asText(""));
        Set<String> values = new LinkedHashSet<>();
        if (parameter.has("AllowedValues")) {
            parameter.path("AllowedValues").forEach(v -> values.add(v.asText()));
        } else if (parameter.path("Type").asText().equals("Number") && current.contains(".")) {
            // A fraction (a scaling target): its bounds and its middle are the interesting other values.
            values.add(parameter.path("MinValue").asText());
            values.add(parameter.path("MaxValue").asText());
            values.add(Double.toString((parameter.path("MinValue").asDouble()
                            + parameter.path("MaxValue").asDouble())
                    / 2));
        } else if (parameter.path("Type").asText().equals("Number")) {
            long base = Long.parseLong(current);
            long min = parameter.path("MinValue").asLong(Long.MIN_VALUE);
            long max = parameter.path("MaxValue").asLong(Long.MAX_VALUE);
            for (long candidate : new long[] {base - 1, base + 1, min, max}) {
                if (candidate >= min
                        && candidate <= max
                        && candidate != Long.MIN_VALUE
                        && candidate != Long.MAX_VALUE) {
                    values.add(Long.toString(candidate));
                }
            }
        } else if (SAMPLES.containsKey(name)) {
            values.addAll(SAMPLES.get(name));
        } else if (!parameter.has("AllowedPattern")) {
            values.add(current + "x");
        } else {
            fail("parameter " + name + " has a pattern: give VersionMechanismTest.SAMPLES valid values of it");
        }
        values.remove(current);
        return values;
    }

    private static String longestValue(String name, JsonNode parameter) {
        if (LONGEST.containsKey(name)) {
            return LONGEST.get(name);
        }
        if (parameter.has("AllowedValues")) {
            String longest = "";
            for (JsonNode value : parameter.path("AllowedValues")) {
                if (value.asText().length() > longest.length()) {
                    longest = value.asText();
                }
            }
            return longest;
        }
        if (parameter.path("Type").asText().equals("Number")) {
            return parameter.has("MaxValue") ? parameter.path("MaxValue").asText() : null;
        }
        if (parameter.has("MaxLength")) {
            return "a".repeat(parameter.path("MaxLength").asInt());
        }
        return null;
    }
}
