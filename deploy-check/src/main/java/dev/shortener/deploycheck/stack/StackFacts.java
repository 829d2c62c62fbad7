package dev.shortener.deploycheck.stack;

import java.util.Map;

/** A stack's outputs and parameter values, by key, as CloudFormation describes them. */
public record StackFacts(String stackName, Map<String, String> outputs, Map<String, String> parameters) {

    public StackFacts {
        outputs = Map.copyOf(outputs);
        parameters = Map.copyOf(parameters);
    }
}
