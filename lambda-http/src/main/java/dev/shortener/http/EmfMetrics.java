package dev.shortener.http;

import dev.shortener.config.Environment;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * CloudWatch Embedded Metric Format: the fields that turn a JSON log line into metrics, with no API call and no
 * extra library. Every function writes its metrics through this one class, in its stack's namespace and with a
 * {@code Service} dimension, so two stacks in one account (or two functions in one stack) never count into each
 * other's alarms.
 */
public final class EmfMetrics {

    /** The CloudWatch namespace, one per stack: the template sets {@code UrlShortener/<stack name>}. */
    public static final String METRICS_NAMESPACE = "METRICS_NAMESPACE";
    /** Where metrics go when nothing sets a namespace: tests and the local runner. */
    public static final String DEFAULT_NAMESPACE = "UrlShortener";

    static final String DIMENSION = "Service";

    private final String namespace;
    private final String service;
    private final InstantSource clock;

    public EmfMetrics(String namespace, String service, InstantSource clock) {
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.service = Objects.requireNonNull(service, "service");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The namespace in {@value #METRICS_NAMESPACE} (or {@value #DEFAULT_NAMESPACE}), for {@code service}. */
    public static EmfMetrics fromEnvironment(Environment env, String service) {
        return new EmfMetrics(
                env.optional(METRICS_NAMESPACE).orElse(DEFAULT_NAMESPACE), service, InstantSource.system());
    }

    public String namespace() {
        return namespace;
    }

    public String service() {
        return service;
    }

    /** Fields counting one {@code name}: to put into a log line about what happened. */
    public Map<String, Object> count(String name) {
        return counts(Map.of(name, 1L));
    }

    /**
     * Fields counting each of {@code values} (a zero is written too: a metric that reports 0 is not missing data).
     * Iteration order of {@code values} is kept.
     */
    public Map<String, Object> counts(Map<String, Long> values) {
        List<Map<String, String>> metrics = new ArrayList<>(values.size());
        values.keySet().forEach(name -> {
            Map<String, String> metric = new LinkedHashMap<>();
            metric.put("Name", name);
            metric.put("Unit", "Count");
            metrics.add(metric);
        });
        Map<String, Object> directive = new LinkedHashMap<>();
        directive.put("Namespace", namespace);
        directive.put("Dimensions", List.of(List.of(DIMENSION)));
        directive.put("Metrics", metrics);
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("_aws", Map.of("Timestamp", clock.millis(), "CloudWatchMetrics", List.of(directive)));
        fields.put(DIMENSION, service);
        fields.putAll(values);
        return fields;
    }
}
