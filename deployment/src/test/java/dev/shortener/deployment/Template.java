package dev.shortener.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** template.yaml as a JSON tree, with the look-ups the tests share. Loaded once per test JVM. */
final class Template {

    static final String SERVERLESS_FUNCTION = "AWS::Serverless::Function";

    private static Template loaded;

    private final Path file;
    private final JsonNode root;

    private Template(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    static synchronized Template load() {
        if (loaded == null) {
            Path file = Repository.file("template.yaml");
            loaded = new Template(file, CfnYaml.read(file));
        }
        return loaded;
    }

    /** A template from text, for tests of the checks themselves. */
    static Template parse(String yaml) {
        return new Template(Path.of("inline.yaml"), CfnYaml.read(yaml));
    }

    Path file() {
        return file;
    }

    JsonNode root() {
        return root;
    }

    JsonNode section(String name) {
        JsonNode section = root.path(name);
        return section.isMissingNode() ? MissingNode.getInstance() : section;
    }

    Map<String, JsonNode> resources() {
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        root.path("Resources").properties().forEach(e -> resources.put(e.getKey(), e.getValue()));
        return resources;
    }

    JsonNode resource(String logicalId) {
        JsonNode resource = root.path("Resources").path(logicalId);
        if (resource.isMissingNode()) {
            throw new AssertionError("template.yaml has no resource " + logicalId);
        }
        return resource;
    }

    String type(String logicalId) {
        return resource(logicalId).path("Type").asText();
    }

    /** Logical ids of the resources of one type, in template order. */
    List<String> ofType(String type) {
        List<String> ids = new ArrayList<>();
        resources().forEach((id, resource) -> {
            if (type.equals(resource.path("Type").asText())) {
                ids.add(id);
            }
        });
        return ids;
    }

    /** The only resource of a type; fails when there are none or several. */
    String single(String type) {
        List<String> ids = ofType(type);
        if (ids.size() != 1) {
            throw new AssertionError("expected exactly one " + type + " in template.yaml, found " + ids);
        }
        return ids.get(0);
    }

    JsonNode properties(String logicalId) {
        return resource(logicalId).path("Properties");
    }

    /** A function property, or its value in Globals.Function when the function doesn't set it. */
    JsonNode functionProperty(String logicalId, String name) {
        JsonNode own = properties(logicalId).path(name);
        return own.isMissingNode() ? root.path("Globals").path("Function").path(name) : own;
    }

    /** The function's environment: Globals' variables overlaid by its own (SAM merges them so). */
    Map<String, JsonNode> environment(String logicalId) {
        Map<String, JsonNode> variables = new LinkedHashMap<>();
        root.path("Globals")
                .path("Function")
                .path("Environment")
                .path("Variables")
                .properties()
                .forEach(e -> variables.put(e.getKey(), e.getValue()));
        properties(logicalId)
                .path("Environment")
                .path("Variables")
                .properties()
                .forEach(e -> variables.put(e.getKey(), e.getValue()));
        return variables;
    }

    Set<String> names(String section) {
        Set<String> names = new TreeSet<>();
        root.path(section).fieldNames().forEachRemaining(names::add);
        return names;
    }
}
