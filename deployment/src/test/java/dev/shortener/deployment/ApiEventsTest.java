package dev.shortener.deployment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.testsupport.SampleEvents;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample events in {@code events/} (which the handler tests feed through the handlers) against the routes
 * of the template: each request they describe reaches, through API Gateway's route matching, the function it
 * was written for ({@code api-*} the create function, {@code redirect-*} the redirect function), and every route
 * has a sample event.
 */
class ApiEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Map<String, String> FUNCTION_BY_PREFIX =
            Map.of("api-", "CreateFunction", "redirect-", "RedirectFunction");

    record Route(String logicalId, String method, String path, String function) {

        String key() {
            return method + " " + path;
        }
    }

    private final Template template = Template.load();

    @Test
    void everySampleRequestReachesTheFunctionItIsFor_andEveryRouteHasOne() throws IOException {
        List<Route> routes = routes();
        Set<String> covered = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Path file : eventFiles()) {
            JsonNode event = JSON.readTree(SampleEvents.json(file.getFileName().toString()));
            String name = file.getFileName().toString();
            String method =
                    event.path("requestContext").path("http").path("method").asText(null);
            String path = event.path("rawPath").asText(null);
            if (method == null || path == null) {
                continue; // not an HTTP API event
            }
            String intended = FUNCTION_BY_PREFIX.entrySet().stream()
                    .filter(e -> name.startsWith(e.getKey()))
                    .map(Map.Entry::getValue)
                    .findFirst()
                    .orElse(null);
            Optional<Route> route = match(routes, method, path);
            if (route.isEmpty()) {
                notes.add(name + ": " + method + " " + path + " matches no route; API Gateway answers it (404) itself");
                continue;
            }
            covered.add(route.get().key());
            if (intended != null && !intended.equals(route.get().function())) {
                problems.add(name + ": " + method + " " + path + " reaches "
                        + route.get().function() + ", not " + intended);
            }
            String routeKey = event.path("routeKey").asText();
            if (!routeKey.equals(route.get().key())) {
                notes.add(name + ": routeKey is '" + routeKey + "'; API Gateway would send '"
                        + route.get().key() + "'");
            }
        }
        notes.forEach(note -> System.out.println("note: " + note));
        assertEquals(List.of(), problems);
        Set<String> uncovered = new TreeSet<>();
        routes.forEach(r -> uncovered.add(r.key()));
        uncovered.removeAll(covered);
        assertEquals(Set.of(), uncovered, "routes with no sample event in events/");
    }

    @Test
    void theClickCountFunctionHasASampleS3Event() throws IOException {
        boolean found = false;
        for (Path file : eventFiles()) {
            JsonNode record = JSON.readTree(SampleEvents.json(file.getFileName().toString()))
                    .path("Records")
                    .path(0);
            if (record.has("s3")) {
                found = true;
                String key = record.path("s3").path("object").path("key").asText();
                assertTrue(
                        key.startsWith(dev.shortener.analytics.ClickLayout.EVENTS_PREFIX),
                        file.getFileName() + ": the sample object is outside the prefix the function is notified for");
            }
        }
        assertTrue(found, "no S3 event in events/ for the click-count function");
    }

    @Test
    void routeMatchingFollowsApiGateway() {
        List<Route> routes = List.of(
                new Route("a", "GET", "/{code}", "R"),
                new Route("b", "HEAD", "/{code}", "R"),
                new Route("c", "ANY", "/api/{proxy+}", "C"));
        assertEquals("R", match(routes, "GET", "/aB3dE5f+").orElseThrow().function(), "the preview is one segment");
        assertEquals(
                "C", match(routes, "GET", "/api/links/x/stats").orElseThrow().function());
        assertFalse(match(routes, "POST", "/aB3dE5f").isPresent());
        assertFalse(match(routes, "GET", "/").isPresent(), "/{code} needs a code");
        List<Route> withSite = new ArrayList<>(routes);
        withSite.add(new Route("d", "GET", "/", "S"));
        withSite.add(new Route("e", "GET", "/robots.txt", "T"));
        assertEquals("S", match(withSite, "GET", "/").orElseThrow().function());
        assertEquals("T", match(withSite, "GET", "/robots.txt").orElseThrow().function(), "a literal beats {code}");
        assertEquals("R", match(withSite, "HEAD", "/robots.txt").orElseThrow().function());
        assertFalse(match(routes, "GET", "/a/b").isPresent());
        assertFalse(match(routes, "GET", "/api").isPresent()
                && match(routes, "GET", "/api").get().function().equals("C"));
    }

    /** The route API Gateway picks: the most specific one (literal segments before variables before greedy). */
    static Optional<Route> match(List<Route> routes, String method, String path) {
        return routes.stream()
                .filter(r -> r.method().equals("ANY") || r.method().equals(method))
                .filter(r -> matches(r.path(), path))
                .max(Comparator.comparingInt((Route r) -> specificity(r.path()))
                        .thenComparing(r -> !r.method().equals("ANY")));
    }

    private static boolean matches(String pattern, String path) {
        if (pattern.equals("/") || path.equals("/")) {
            return pattern.equals(path); // the root route matches the bare domain only, and nothing else matches it
        }
        String[] want = pattern.substring(1).split("/", -1);
        String[] have = path.substring(1).split("/", -1);
        for (int i = 0; i < want.length; i++) {
            if (want[i].endsWith("+}")) {
                return have.length > i && !have[i].isEmpty();
            }
            if (i >= have.length || have[i].isEmpty()) {
                return false;
            }
            if (!(want[i].startsWith("{") && want[i].endsWith("}")) && !want[i].equals(have[i])) {
                return false;
            }
        }
        return want.length == have.length;
    }

    private static int specificity(String pattern) {
        int score = 0;
        for (String segment : pattern.substring(1).split("/")) {
            score = score * 3 + (segment.endsWith("+}") ? 0 : segment.startsWith("{") ? 1 : 2);
        }
        return score;
    }

    private List<Route> routes() {
        Map<String, String> functionOfIntegration = new TreeMap<>();
        for (String integration : template.ofType("AWS::ApiGatewayV2::Integration")) {
            String alias = template.properties(integration)
                    .path("IntegrationUri")
                    .path("Ref")
                    .asText();
            functionOfIntegration.put(integration, alias.replace(".Alias", ""));
        }
        List<Route> routes = new ArrayList<>();
        for (String route : template.ofType("AWS::ApiGatewayV2::Route")) {
            String key = template.properties(route).path("RouteKey").asText();
            String target = Intrinsics.subVariables(
                            Intrinsics.subTemplate(template.properties(route).path("Target")))
                    .get(0);
            routes.add(new Route(
                    route,
                    key.substring(0, key.indexOf(' ')),
                    key.substring(key.indexOf(' ') + 1),
                    functionOfIntegration.get(target)));
        }
        return routes;
    }

    private static List<Path> eventFiles() throws IOException {
        try (Stream<Path> files = Files.list(SampleEvents.directory())) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
    }
}
