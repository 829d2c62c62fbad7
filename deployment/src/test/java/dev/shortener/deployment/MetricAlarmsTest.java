package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.analytics.delivery.DeliveryMetrics;
import dev.shortener.config.Environment;
import dev.shortener.create.CreateWiring;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.redirect.RedirectWiring;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Alarms on the functions' own metrics (Embedded Metric Format) use the namespaces, dimensions and metric names
 * the code really writes. The code is run here to write its metric lines (with the template's environment where
 * the code takes the names from it), and the lines are parsed: a renamed metric or dimension in the code, or a
 * typo in the template, leaves an alarm watching nothing, and fails here.
 */
class MetricAlarmsTest {

    /** Metrics that must have an alarm. */
    static final Set<String> MUST_BE_ALARMED =
            Set.of(DeliveryMetrics.UNDELIVERED, "CacheInvalidationFailed", "RateLimiterFailedOpen");

    /** What the code emits: namespace -> metric name -> the dimension values it is written with. */
    private static final Map<String, Map<String, Map<String, String>>> EMITTED = new TreeMap<>();

    private static final ObjectMapper JSON = new ObjectMapper();

    private static Template template;
    private static TemplateValues values;

    @BeforeAll
    static void runTheCode() throws Exception {
        template = Template.load();
        values = new TemplateValues(template, Map.of());
        for (String line : deliveryMetricLines()) {
            collect(line);
        }
        for (String line : createFunctionMetricLines()) {
            collect(line);
        }
        System.out.println("metrics the code emits: " + EMITTED);
    }

    @Test
    void everyAlarmOnAnOwnNamespaceWatchesAMetricTheCodeEmits_withItsDimensions() {
        List<String> problems = new ArrayList<>();
        for (String alarm : template.ofType("AWS::CloudWatch::Alarm")) {
            JsonNode properties = template.properties(alarm);
            if (!properties.has("Namespace")) {
                continue; // metric math over AWS metrics
            }
            String namespace = values.string(properties.get("Namespace"));
            if (namespace.startsWith("AWS/")) {
                continue;
            }
            Map<String, Map<String, String>> metrics = EMITTED.get(namespace);
            String metric = properties.path("MetricName").asText();
            if (metrics == null || !metrics.containsKey(metric)) {
                problems.add(alarm + " watches " + namespace + " " + metric + ", which the code doesn't emit");
                continue;
            }
            Map<String, String> dimensions = new TreeMap<>();
            properties
                    .path("Dimensions")
                    .forEach(d -> dimensions.put(d.path("Name").asText(), values.string(d.path("Value"))));
            if (!dimensions.equals(metrics.get(metric))) {
                problems.add(alarm + ": dimensions " + dimensions + ", the code writes " + metrics.get(metric));
            }
        }
        assertEquals(List.of(), problems);
    }

    @Test
    void theMetricsThatMatterAreAlarmed() {
        Set<String> alarmed = new TreeSet<>();
        template.ofType("AWS::CloudWatch::Alarm")
                .forEach(a ->
                        alarmed.add(template.properties(a).path("MetricName").asText()));
        for (String metric : MUST_BE_ALARMED) {
            assertTrue(alarmed.contains(metric), metric + " has no alarm");
        }
    }

    // --- running the code -----------------------------------------------------------------------------------

    /** DeliveryMetrics as the redirect function builds it from its environment (namespace and service). */
    private static List<String> deliveryMetricLines() throws Exception {
        Map<String, String> env = values.environment("RedirectFunction");
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DeliveryMetrics metrics = new DeliveryMetrics(
                EmfMetrics.fromEnvironment(Environment.of(env), RedirectWiring.SERVICE),
                new PrintStream(out, true, StandardCharsets.UTF_8),
                0);
        Method add = DeliveryMetrics.class.getDeclaredMethod("add", String.class, long.class);
        Method emit = DeliveryMetrics.class.getDeclaredMethod("emitIfDue", boolean.class);
        add.setAccessible(true);
        emit.setAccessible(true);
        add.invoke(metrics, DeliveryMetrics.UNDELIVERED, 1L);
        emit.invoke(metrics, true);
        return lines(out);
    }

    /** The create function's Observability, each of its events once. */
    private static List<String> createFunctionMetricLines() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StructuredLog log = new StructuredLog(CreateWiring.SERVICE, new PrintStream(out, true, StandardCharsets.UTF_8));
        // As the create function's wiring builds it from its environment (namespace) and its service name.
        EmfMetrics metrics =
                EmfMetrics.fromEnvironment(Environment.of(values.environment("CreateFunction")), CreateWiring.SERVICE);
        Class<?> type = Class.forName("dev.shortener.create.Observability");
        Constructor<?> constructor = type.getDeclaredConstructor(StructuredLog.class, EmfMetrics.class);
        constructor.setAccessible(true);
        Object observability = constructor.newInstance(log, metrics);
        for (Method method : type.getDeclaredMethods()) {
            method.setAccessible(true);
            switch (method.getName()) {
                case "rateLimiterFailedOpen" -> method.invoke(observability, "client", true);
                case "cacheInvalidationFailed", "idempotencyCompletionFailed" ->
                    method.invoke(observability, "aB3dE5f");
                case "unexpected" -> {
                    method.invoke(observability, null, false, new IllegalStateException("test"), true);
                    method.invoke(observability, null, false, new IllegalStateException("test"), false);
                }
                default -> {}
            }
        }
        return lines(out);
    }

    private static List<String> lines(ByteArrayOutputStream out) {
        List<String> lines = out.toString(StandardCharsets.UTF_8)
                .lines()
                .filter(l -> !l.isBlank())
                .toList();
        assertFalse(lines.isEmpty(), "the code wrote no metric line");
        return lines;
    }

    private static void collect(String line) throws Exception {
        JsonNode json = JSON.readTree(line);
        for (JsonNode directive : json.path("_aws").path("CloudWatchMetrics")) {
            String namespace = directive.path("Namespace").asText();
            for (JsonNode dimensionSet : directive.path("Dimensions")) {
                Map<String, String> dimensions = new TreeMap<>();
                dimensionSet.forEach(
                        d -> dimensions.put(d.asText(), json.path(d.asText()).asText()));
                for (JsonNode metric : directive.path("Metrics")) {
                    EMITTED.computeIfAbsent(namespace, n -> new TreeMap<>())
                            .put(metric.path("Name").asText(), dimensions);
                }
            }
        }
    }
}
