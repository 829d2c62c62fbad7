package dev.shortener.create.api;

import dev.shortener.http.Problem;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A request's query string, read strictly as JSON bodies are: an unknown parameter or a repeated one is refused
 * (400, naming it), since {@code ?tags=x} instead of {@code ?tag=x} would otherwise list every link silently.
 */
final class QueryParameters {

    private final Map<String, String> values;

    private QueryParameters(Map<String, String> values) {
        this.values = values;
    }

    /** @throws ApiProblem for a parameter not in {@code allowed}, one given twice, or one that is not decodable */
    static QueryParameters parse(String rawQuery, List<String> allowed) {
        Map<String, String> values = new LinkedHashMap<>();
        if (!rawQuery.isEmpty()) {
            for (String pair : rawQuery.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int equals = pair.indexOf('=');
                String name = decode(equals < 0 ? pair : pair.substring(0, equals), "?");
                String value = equals < 0 ? "" : decode(pair.substring(equals + 1), name);
                if (!allowed.contains(name)) {
                    throw problem(
                            Problems.UNKNOWN_QUERY_PARAMETER,
                            name,
                            "'" + Problems.shorten(name) + "' is not a parameter of this request; it accepts "
                                    + String.join(", ", allowed) + ".");
                }
                if (values.put(name, value) != null) {
                    throw invalid(name, "'" + name + "' is given more than once.");
                }
            }
        }
        return new QueryParameters(values);
    }

    /** The parameter's value, or null when absent. */
    String get(String name) {
        return values.get(name);
    }

    /** Every parameter given, by name. */
    Map<String, String> asMap() {
        return Map.copyOf(values);
    }

    static ApiProblem invalid(String parameter, String detail) {
        return problem(Problems.INVALID_QUERY_PARAMETER, parameter, detail);
    }

    private static ApiProblem problem(dev.shortener.http.ProblemType type, String parameter, String detail) {
        return new ApiProblem(Problem.of(type, detail).with("parameter", Problems.shorten(parameter)), Map.of());
    }

    private static String decode(String text, String parameter) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(parameter, "The query string is not correctly percent-encoded.");
        }
    }
}
