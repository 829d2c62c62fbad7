package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.http.HttpResponses;
import dev.shortener.http.Problem;
import dev.shortener.http.ProblemType;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A problem found by the HTTP adapter itself (routing, headers, the body's shape), thrown to end the request with
 * a problem+json answer. Carries no stack trace: it is an answer, not a fault.
 */
public final class ApiProblem extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient Problem problem;
    private final transient Map<String, String> headers;

    public ApiProblem(Problem problem, Map<String, String> headers) {
        super(problem.type(), null, false, false);
        this.problem = Objects.requireNonNull(problem, "problem");
        this.headers = Map.copyOf(headers);
    }

    public static ApiProblem of(ProblemType type, String detail) {
        return new ApiProblem(Problem.of(type, detail), Map.of());
    }

    /** The same problem naming the offending request member (cut short: member names come from the caller). */
    public static ApiProblem forField(ProblemType type, String field, String detail) {
        return new ApiProblem(Problem.of(type, detail).with("field", Problems.shorten(field)), Map.of());
    }

    public Problem problem() {
        return problem;
    }

    public APIGatewayV2HTTPResponse toResponse() {
        return respond(problem, headers);
    }

    /** problem+json, never cached, with the given extra headers. */
    static APIGatewayV2HTTPResponse respond(Problem problem, Map<String, String> headers) {
        Map<String, String> all = new HashMap<>(headers);
        all.put("Cache-Control", "no-store");
        return HttpResponses.response(problem.status(), Problem.MEDIA_TYPE, problem.toJson(), all);
    }
}
