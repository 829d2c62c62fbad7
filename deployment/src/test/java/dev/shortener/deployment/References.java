package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Every name the template refers to, with where it stands and which conditions are known to hold there (inside
 * a resource with a Condition, or a branch of an {@code Fn::If}). Built once by walking the whole template.
 */
final class References {

    enum Kind {
        REF,
        GET_ATT,
        SUB,
        CONDITION,
        DEPENDS_ON,
        FIND_IN_MAP
    }

    /**
     * One reference.
     *
     * @param where     a path such as {@code RedirectFunction.Properties.Environment.Variables.LINKS_TABLE}
     * @param section   Resources, Outputs, Conditions, Rules or Globals
     * @param kind      how it refers
     * @param name      the name referred to (a resource, parameter, condition, mapping...)
     * @param attribute for GetAtt and dotted Sub variables: the attribute; else null
     * @param knownTrue conditions that hold wherever this reference is evaluated
     * @param knownFalse conditions that don't
     * @param local     Fn::Sub variables declared by the Sub itself (they shadow template names)
     */
    record Reference(
            String where,
            String section,
            Kind kind,
            String name,
            String attribute,
            Set<String> knownTrue,
            Set<String> knownFalse,
            Set<String> local) {}

    private final List<Reference> all = new ArrayList<>();

    private References() {}

    static References of(Template template) {
        References refs = new References();
        JsonNode root = template.root();
        root.path("Resources").properties().forEach(resource -> {
            String id = resource.getKey();
            JsonNode body = resource.getValue();
            Set<String> holds = new HashSet<>();
            if (body.has("Condition")) {
                String condition = body.get("Condition").asText();
                refs.add(id + ".Condition", "Resources", Kind.CONDITION, condition, null, Set.of(), Set.of(), Set.of());
                holds.add(condition);
            }
            JsonNode dependsOn = body.path("DependsOn");
            for (JsonNode target : dependsOn.isArray() ? dependsOn : List.of(dependsOn)) {
                if (target.isTextual()) {
                    refs.add(
                            id + ".DependsOn",
                            "Resources",
                            Kind.DEPENDS_ON,
                            target.asText(),
                            null,
                            holds,
                            Set.of(),
                            Set.of());
                }
            }
            refs.walk(body.path("Properties"), id + ".Properties", "Resources", holds, Set.of());
        });
        refs.walk(root.path("Globals"), "Globals", "Globals", Set.of(), Set.of());
        root.path("Outputs").properties().forEach(output -> {
            Set<String> holds = new HashSet<>();
            if (output.getValue().has("Condition")) {
                String condition = output.getValue().get("Condition").asText();
                refs.add(
                        "Outputs." + output.getKey() + ".Condition",
                        "Outputs",
                        Kind.CONDITION,
                        condition,
                        null,
                        Set.of(),
                        Set.of(),
                        Set.of());
                holds.add(condition);
            }
            for (String part : List.of("Value", "Export")) {
                refs.walk(
                        output.getValue().path(part),
                        "Outputs." + output.getKey() + "." + part,
                        "Outputs",
                        holds,
                        Set.of());
            }
        });
        root.path("Conditions")
                .properties()
                .forEach(condition -> refs.walk(
                        condition.getValue(), "Conditions." + condition.getKey(), "Conditions", Set.of(), Set.of()));
        root.path("Rules")
                .properties()
                .forEach(rule -> refs.walk(rule.getValue(), "Rules." + rule.getKey(), "Rules", Set.of(), Set.of()));
        return refs;
    }

    List<Reference> all() {
        return all;
    }

    private void add(
            String where,
            String section,
            Kind kind,
            String name,
            String attribute,
            Set<String> holds,
            Set<String> fails,
            Set<String> local) {
        all.add(new Reference(
                where, section, kind, name, attribute, Set.copyOf(holds), Set.copyOf(fails), Set.copyOf(local)));
    }

    /** A {@code Name.Attribute} reference (GetAtt's short form, a Sub variable); {@code none} when no attribute. */
    private void addDotted(
            String where,
            String section,
            Kind kind,
            String dotted,
            String none,
            Set<String> holds,
            Set<String> fails,
            Set<String> local) {
        int dot = dotted.indexOf('.');
        String name = dot < 0 ? dotted : dotted.substring(0, dot);
        add(where, section, kind, name, dot < 0 ? none : dotted.substring(dot + 1), holds, fails, local);
    }

    private void walk(JsonNode node, String where, String section, Set<String> holds, Set<String> fails) {
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), where + "[" + i + "]", section, holds, fails);
            }
            return;
        }
        if (!node.isObject()) {
            return;
        }
        String function = Intrinsics.function(node);
        if (function == null) {
            node.properties().forEach(e -> walk(e.getValue(), where + "." + e.getKey(), section, holds, fails));
            return;
        }
        JsonNode argument = node.get(function);
        switch (function) {
            case "Ref" -> add(where, section, Kind.REF, argument.asText(), null, holds, fails, Set.of());
            case "Condition" -> add(where, section, Kind.CONDITION, argument.asText(), null, holds, fails, Set.of());
            case "Fn::GetAtt" -> {
                if (argument.isTextual()) {
                    addDotted(where, section, Kind.GET_ATT, argument.asText(), "", holds, fails, Set.of());
                } else {
                    add(
                            where,
                            section,
                            Kind.GET_ATT,
                            argument.path(0).asText(),
                            argument.path(1).asText(),
                            holds,
                            fails,
                            Set.of());
                    walk(argument.path(1), where, section, holds, fails);
                }
            }
            case "Fn::Sub" -> {
                String template = Intrinsics.subTemplate(node);
                Set<String> local = Intrinsics.subLocalVariables(node);
                for (String variable : Intrinsics.subVariables(template == null ? "" : template)) {
                    addDotted(where, section, Kind.SUB, variable, null, holds, fails, local);
                }
                if (argument.isArray() && argument.size() > 1) {
                    walk(argument.get(1), where, section, holds, fails);
                }
            }
            case "Fn::If" -> {
                String condition = argument.path(0).asText();
                add(where, section, Kind.CONDITION, condition, null, holds, fails, Set.of());
                Set<String> whenTrue = new HashSet<>(holds);
                whenTrue.add(condition);
                Set<String> whenFalse = new HashSet<>(fails);
                whenFalse.add(condition);
                walk(argument.path(1), where + "(" + condition + ")", section, whenTrue, fails);
                walk(argument.path(2), where + "(!" + condition + ")", section, holds, whenFalse);
            }
            case "Fn::FindInMap" -> {
                add(where, section, Kind.FIND_IN_MAP, argument.path(0).asText(), null, holds, fails, Set.of());
                walk(argument, where, section, holds, fails);
            }
            default -> walk(argument, where, section, holds, fails);
        }
    }

    /**
     * The conditions implied by those known to hold or fail, from the Conditions section's definitions
     * (an And that holds makes each of its Conditions hold; a Not flips; an Or that fails makes each fail).
     */
    static Set<String> implied(JsonNode conditions, Set<String> knownTrue, Set<String> knownFalse) {
        Set<String> truths = new HashSet<>(knownTrue);
        Set<String> falsehoods = new HashSet<>(knownFalse);
        boolean changed = true;
        while (changed) {
            changed = spread(conditions, truths, falsehoods, "Fn::And")
                    | spread(conditions, falsehoods, truths, "Fn::Or");
        }
        return truths;
    }

    /**
     * One step of {@link #implied}, the same for both truth values: each condition in {@code known} passes its truth
     * value to the parts of its {@code junction} (an And that holds, an Or that fails) and the opposite to what a
     * Not in it (or it itself) negates. True when anything new was learnt.
     */
    private static boolean spread(JsonNode conditions, Set<String> known, Set<String> opposite, String junction) {
        boolean changed = false;
        for (String name : List.copyOf(known)) {
            JsonNode definition = conditions.path(name);
            for (JsonNode part : definition.path(junction)) {
                changed |=
                        part.has("Condition") && known.add(part.get("Condition").asText());
                changed |= negated(part) != null && opposite.add(negated(part));
            }
            changed |= negated(definition) != null && opposite.add(negated(definition));
        }
        return changed;
    }

    /** X for {@code Fn::Not [{Condition: X}]}, else null. */
    private static String negated(JsonNode definition) {
        JsonNode not = definition.path("Fn::Not").path(0);
        return not.has("Condition") ? not.get("Condition").asText() : null;
    }

    /** Names SAM generates that a template may refer to, each with the resource it belongs to. */
    static Map<String, String> samGenerated(Template template) {
        Map<String, String> names = new LinkedHashMap<>();
        for (String function : template.ofType(Template.SERVERLESS_FUNCTION)) {
            JsonNode properties = template.properties(function);
            if (!properties.has("Role")) {
                names.put(function + "Role", function);
            }
            if (!template.functionProperty(function, "AutoPublishAlias").isMissingNode()) {
                names.put(function + ".Alias", function);
                names.put(function + ".Version", function);
                // SAM's documented logical id of the alias it creates ("Generated AWS CloudFormation resources"),
                // which a DependsOn may name: the transformed template holds it.
                names.put(
                        function + "Alias"
                                + template.functionProperty(function, "AutoPublishAlias")
                                        .asText(),
                        function);
            }
            properties
                    .path("Events")
                    .fieldNames()
                    .forEachRemaining(event -> names.put(function + event + "Permission", function));
        }
        return names;
    }

    /** Resource -> the resources it depends on, with SAM's own edges; for finding cycles. */
    static Map<String, Set<String>> dependencies(Template template, References refs) {
        Map<String, String> generated = samGenerated(template);
        Set<String> functions = new HashSet<>(template.ofType(Template.SERVERLESS_FUNCTION));
        Map<String, Set<String>> graph = new HashMap<>();
        template.resources().keySet().forEach(id -> graph.put(id, new HashSet<>()));
        for (String function : functions) {
            String role = function + "Role";
            graph.put(role, new HashSet<>());
            if (!template.properties(function).has("Role")) {
                graph.get(function).add(role);
            }
        }
        for (Reference ref : refs.all()) {
            if (!ref.section().equals("Resources")
                    || ref.kind() == Kind.CONDITION
                    || ref.local().contains(ref.name())) {
                continue;
            }
            String from = ref.where().substring(0, ref.where().indexOf('.'));
            if (functions.contains(from) && ref.where().startsWith(from + ".Properties.Events")) {
                continue; // SAM turns events into resources of their own (permissions, notifications, mappings)
            }
            if (functions.contains(from) && ref.where().startsWith(from + ".Properties.Policies")) {
                from = from + "Role"; // the function's policies live on the role SAM generates
            }
            String to = ref.name();
            if (generated.containsKey(to) && !to.endsWith("Role")) {
                to = generated.get(to);
            }
            if (graph.containsKey(to) && graph.containsKey(from)) {
                graph.get(from).add(to);
            }
        }
        // A SAM S3 event adds the function (and its invoke permission) to the bucket's notifications.
        for (String function : functions) {
            template.properties(function).path("Events").forEach(event -> {
                if ("S3".equals(event.path("Type").asText())) {
                    String bucket =
                            event.path("Properties").path("Bucket").path("Ref").asText();
                    if (graph.containsKey(bucket)) {
                        graph.get(bucket).add(function);
                    }
                }
            });
        }
        return graph;
    }
}
