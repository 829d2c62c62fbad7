package dev.shortener.deploycheck.checks;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** The checks, in the order they run, each with the name the table prints and {@code --skip} takes. */
public enum CheckName {
    CREATE_LINK("create-link"),
    REDIRECT("redirect"),
    REDIRECT_EDGE_CACHED("redirect-edge-cached"),
    HEAD("head"),
    PREVIEW("preview"),
    NOT_FOUND_HTML("not-found-html"),
    NOT_FOUND_JSON("not-found-json"),
    NOT_FOUND_EDGE_CACHED("not-found-edge-cached"),
    GONE_HTML("gone-html"),
    GONE_JSON("gone-json"),
    GONE_EDGE_CACHED("gone-edge-cached"),
    PATCH_SEEN("patch-seen"),
    ORIGIN_REFUSES_DIRECT("origin-refuses-direct"),
    MANAGEMENT_ORIGIN_REFUSES_DIRECT("management-origin-refuses-direct"),
    RATE_LIMITED("rate-limited"),
    ATHENA_COUNT("athena-count"),
    /** The last row: not a check of the stack, and never skipped. */
    CLEANUP("cleanup");

    private final String printed;

    CheckName(String printed) {
        this.printed = printed;
    }

    /** As the table prints it and {@code --skip} takes it. */
    public String printed() {
        return printed;
    }

    @Override
    public String toString() {
        return printed;
    }

    /** Every check {@code --skip} may name, in the order they run: all but {@link #CLEANUP}. */
    public static List<CheckName> skippable() {
        return Arrays.stream(values()).filter(name -> name != CLEANUP).toList();
    }

    /** The skippable check printed as {@code printed}, if there is one. */
    public static Optional<CheckName> skippable(String printed) {
        return skippable().stream().filter(name -> name.printed.equals(printed)).findFirst();
    }
}
