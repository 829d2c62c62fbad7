package dev.shortener.http;

import java.util.Objects;

/**
 * A kind of problem: its stable type URI, its title and its status. The URIs are {@code tag:} URIs, which RFC
 * 9457 suggests for types that need not resolve to a page.
 */
public record ProblemType(String uri, String title, int status) {

    private static final String PREFIX = "tag:url-shortener,2026:problem/";

    public ProblemType {
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(title, "title");
    }

    /** A type under this project's prefix, for example {@code named("invalid-url", ...)}. */
    public static ProblemType named(String name, String title, int status) {
        return new ProblemType(PREFIX + name, title, status);
    }

    public static final ProblemType NOT_FOUND = named("not-found", "Not found", 404);
    public static final ProblemType METHOD_NOT_ALLOWED = named("method-not-allowed", "Method not allowed", 405);
    public static final ProblemType SERVICE_UNAVAILABLE =
            named("service-unavailable", "Service temporarily unavailable", 503);
    public static final ProblemType INTERNAL_ERROR = named("internal-error", "Internal error", 500);
}
