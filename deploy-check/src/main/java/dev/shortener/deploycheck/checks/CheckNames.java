package dev.shortener.deploycheck.checks;

import java.util.List;

/** The checks' names, as the table prints them and {@code --skip} takes them, in the order they run. */
public final class CheckNames {

    public static final String CREATE_LINK = "create-link";
    public static final String REDIRECT = "redirect";
    public static final String REDIRECT_EDGE_CACHED = "redirect-edge-cached";
    public static final String HEAD = "head";
    public static final String PREVIEW = "preview";
    public static final String NOT_FOUND_HTML = "not-found-html";
    public static final String NOT_FOUND_JSON = "not-found-json";
    public static final String NOT_FOUND_EDGE_CACHED = "not-found-edge-cached";
    public static final String GONE_HTML = "gone-html";
    public static final String GONE_JSON = "gone-json";
    public static final String GONE_EDGE_CACHED = "gone-edge-cached";
    public static final String PATCH_SEEN = "patch-seen";
    public static final String ORIGIN_REFUSES_DIRECT = "origin-refuses-direct";
    public static final String MANAGEMENT_ORIGIN_REFUSES_DIRECT = "management-origin-refuses-direct";
    public static final String RATE_LIMITED = "rate-limited";
    public static final String ATHENA_COUNT = "athena-count";
    /** The last row: not a check of the stack, and never skipped. */
    public static final String CLEANUP = "cleanup";

    public static final List<String> ALL = List.of(
            CREATE_LINK,
            REDIRECT,
            REDIRECT_EDGE_CACHED,
            HEAD,
            PREVIEW,
            NOT_FOUND_HTML,
            NOT_FOUND_JSON,
            NOT_FOUND_EDGE_CACHED,
            GONE_HTML,
            GONE_JSON,
            GONE_EDGE_CACHED,
            PATCH_SEEN,
            ORIGIN_REFUSES_DIRECT,
            MANAGEMENT_ORIGIN_REFUSES_DIRECT,
            RATE_LIMITED,
            ATHENA_COUNT);

    private CheckNames() {}
}
