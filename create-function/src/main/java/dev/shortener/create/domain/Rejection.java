package dev.shortener.create.domain;

import java.util.Objects;

/**
 * A request the domain refuses: an answer for the caller, not a fault, so it carries no stack trace.
 *
 * <p>{@link #detail()} is written for the person reading the response and may be shown to them; it never holds an
 * exception message from a library.
 */
public final class Rejection extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Reason reason;
    private final String field;
    private final String detail;

    /**
     * @param field  the request member at fault ({@code url}, {@code alias}, ...), or null when none is
     * @param detail what went wrong, in words a person can act on
     */
    public Rejection(Reason reason, String field, String detail) {
        super(reason + (field == null ? "" : " (" + field + ")"), null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
        this.field = field;
        this.detail = Objects.requireNonNull(detail, "detail");
    }

    public Reason reason() {
        return reason;
    }

    /** The offending request member, or null. */
    public String field() {
        return field;
    }

    public String detail() {
        return detail;
    }
}
