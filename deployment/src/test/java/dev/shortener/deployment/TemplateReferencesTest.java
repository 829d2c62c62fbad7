package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.deployment.References.Kind;
import dev.shortener.deployment.References.Reference;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cross-references: what CloudFormation would only find at deploy time. Every Ref, GetAtt and Sub variable
 * names a parameter, resource, pseudo parameter or attribute that exists; every condition used is defined; a
 * resource that exists only under a condition is referred to only where that condition holds; and the
 * resources form no dependency cycle (SAM's own edges included).
 */
class TemplateReferencesTest {

    private static Template template;
    private static References refs;
    private static TemplateSchemas schemas;
    private static Set<String> parameters;
    private static Set<String> resources;
    private static Set<String> conditions;
    private static Map<String, String> generated;

    @BeforeAll
    static void load() {
        template = Template.load();
        refs = References.of(template);
        schemas = TemplateSchemas.load();
        parameters = template.names("Parameters");
        resources = template.names("Resources");
        conditions = template.names("Conditions");
        generated = References.samGenerated(template);
    }

    @Test
    void everyRefNamesAParameterAResourceOrAPseudoParameter() {
        List<String> problems = new ArrayList<>();
        for (Reference ref : refs.all()) {
            boolean inConditions =
                    ref.section().equals("Conditions") || ref.section().equals("Rules");
            if (ref.kind() == Kind.REF) {
                boolean ok = parameters.contains(ref.name())
                        || Intrinsics.PSEUDO_PARAMETERS.contains(ref.name())
                        || !inConditions && (resources.contains(ref.name()) || generated.containsKey(ref.name()));
                if (!ok) {
                    problems.add(ref.where() + ": Ref " + ref.name() + (inConditions ? " (only parameters here)" : ""));
                }
            } else if (ref.kind() == Kind.SUB && !ref.local().contains(ref.name())) {
                String name = ref.attribute() == null ? ref.name() : ref.name() + "." + ref.attribute();
                boolean ok = ref.attribute() == null
                        ? parameters.contains(name)
                                || Intrinsics.PSEUDO_PARAMETERS.contains(name)
                                || resources.contains(name)
                        : generated.containsKey(name)
                                || attributeProblem(ref.name(), ref.attribute()).isEmpty();
                if (!ok) {
                    problems.add(ref.where() + ": ${" + name + "} "
                            + attributeProblem(ref.name(), ref.attribute()).orElse("names nothing"));
                }
            } else if (ref.kind() == Kind.GET_ATT) {
                attributeProblem(ref.name(), ref.attribute())
                        .ifPresent(p -> problems.add(ref.where() + ": GetAtt " + p));
            } else if (ref.kind() == Kind.DEPENDS_ON
                    && !resources.contains(ref.name())
                    && !generated.containsKey(ref.name())) {
                problems.add(ref.where() + ": DependsOn " + ref.name() + " names no resource");
            } else if (ref.kind() == Kind.FIND_IN_MAP
                    && !template.names("Mappings").contains(ref.name())) {
                problems.add(ref.where() + ": FindInMap " + ref.name() + " names no mapping");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void everyConditionUsedIsDefinedAndEveryDefinedOneIsUsed() {
        Set<String> used = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (Reference ref : refs.all()) {
            if (ref.kind() == Kind.CONDITION) {
                used.add(ref.name());
                if (!conditions.contains(ref.name())) {
                    problems.add(ref.where() + ": condition " + ref.name() + " is not defined");
                }
            }
        }
        Set<String> unused = new TreeSet<>(conditions);
        unused.removeAll(used);
        unused.forEach(name -> problems.add("condition " + name + " is defined but never used"));
        assertEquals(List.of(), problems);
    }

    @Test
    void everyParameterIsUsed() {
        Set<String> used = new HashSet<>();
        refs.all().forEach(ref -> used.add(ref.name()));
        Set<String> unused = new TreeSet<>(parameters);
        unused.removeAll(used);
        assertEquals(Set.of(), unused, "parameters that change nothing");
    }

    /**
     * CloudFormation fails a deploy when a resource that doesn't exist (its condition is false) is referred to
     * from a place that does: every reference to a conditional resource must stand where its condition holds.
     */
    @Test
    void conditionalResourcesAreReferredToOnlyWhereTheirConditionHolds() {
        JsonNode definitions = template.section("Conditions");
        List<String> problems = new ArrayList<>();
        for (Reference ref : refs.all()) {
            if (ref.kind() == Kind.CONDITION || ref.local().contains(ref.name()) || !resources.contains(ref.name())) {
                continue;
            }
            JsonNode condition = template.resource(ref.name()).path("Condition");
            if (condition.isMissingNode()) {
                continue;
            }
            Set<String> holds = References.implied(definitions, ref.knownTrue(), ref.knownFalse());
            if (!holds.contains(condition.asText())) {
                problems.add(ref.where() + " refers to " + ref.name() + ", which exists only when " + condition.asText()
                        + " holds (wrap it in !If [" + condition.asText() + ", ...])");
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void resourcesFormNoDependencyCycle() {
        Map<String, Set<String>> graph = References.dependencies(template, refs);
        Map<String, Integer> state = new HashMap<>(); // 1 = on the path, 2 = done
        for (String start : new TreeSet<>(graph.keySet())) {
            Deque<String> path = new ArrayDeque<>();
            Optional<List<String>> cycle = findCycle(start, graph, state, path);
            assertTrue(cycle.isEmpty(), () -> "dependency cycle: " + String.join(" -> ", cycle.get()));
        }
    }

    @Test
    void s3EventsNameABucketOfThisTemplate() {
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            template.properties(function).path("Events").properties().forEach(event -> {
                if ("S3".equals(event.getValue().path("Type").asText())) {
                    String bucket = event.getValue()
                            .path("Properties")
                            .path("Bucket")
                            .path("Ref")
                            .asText();
                    assertTrue(
                            resources.contains(bucket) && template.type(bucket).equals("AWS::S3::Bucket"),
                            function + "." + event.getKey() + ": SAM needs !Ref to a bucket of this template, got "
                                    + event.getValue().path("Properties").path("Bucket"));
                }
            });
        }
    }

    /** Empty when {@code Resource.attribute} exists; else what is wrong. */
    private static Optional<String> attributeProblem(String resource, String attribute) {
        if (!resources.contains(resource)) {
            return Optional.of(resource + "." + attribute + ": no resource " + resource);
        }
        String type = template.type(resource);
        String cfnType = switch (type) {
            case Template.SERVERLESS_FUNCTION -> "AWS::Lambda::Function";
            case "AWS::Serverless::HttpApi" -> "AWS::ApiGatewayV2::Api";
            case "AWS::Serverless::Api" -> "AWS::ApiGateway::RestApi";
            default -> type;
        };
        Set<String> attributes = schemas.spec().attributes(cfnType);
        if (attributes.contains(attribute)) {
            return Optional.empty();
        }
        return Optional.of(resource + "." + attribute + ": " + type + " has no attribute " + attribute + " (it has "
                + attributes + ")");
    }

    private static Optional<List<String>> findCycle(
            String node, Map<String, Set<String>> graph, Map<String, Integer> state, Deque<String> path) {
        Integer seen = state.get(node);
        if (seen != null && seen == 2) {
            return Optional.empty();
        }
        if (seen != null && seen == 1) {
            List<String> cycle = new ArrayList<>();
            boolean in = false;
            for (String step : path) {
                in |= step.equals(node);
                if (in) {
                    cycle.add(step);
                }
            }
            cycle.add(node);
            return Optional.of(cycle);
        }
        state.put(node, 1);
        path.addLast(node);
        for (String next : new TreeSet<>(graph.getOrDefault(node, Set.of()))) {
            Optional<List<String>> cycle = findCycle(next, graph, state, path);
            if (cycle.isPresent()) {
                return cycle;
            }
        }
        path.removeLast();
        state.put(node, 2);
        return Optional.empty();
    }

    @Test
    void cycleFinder_findsTheS3NotificationCycle() {
        // The classic SAM trap: the function names the bucket that notifies it.
        Template broken = Template.parse("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Fn:
                    Type: AWS::Serverless::Function
                    Properties:
                      Environment: { Variables: { BUCKET: !Ref Bucket } }
                      Events:
                        Upload: { Type: S3, Properties: { Bucket: !Ref Bucket, Events: "s3:ObjectCreated:*" } }
                """);
        Map<String, Set<String>> graph = References.dependencies(broken, References.of(broken));
        Optional<List<String>> cycle = findCycle("Bucket", graph, new HashMap<>(), new ArrayDeque<>());
        assertTrue(cycle.isPresent(), "cycle not found in " + graph);
        assertEquals("bucket -> fn -> bucket", String.join(" -> ", cycle.get()).toLowerCase(Locale.ROOT));
    }
}
