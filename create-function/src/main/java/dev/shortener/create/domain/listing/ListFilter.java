package dev.shortener.create.domain.listing;

import java.time.Instant;
import java.util.Objects;

/**
 * Which of an owner's links a listing returns. Every member is optional (null).
 *
 * @param tag           links carrying this tag (normalised, lower case)
 * @param status        links in this state; null for active and expired ones (deleted links are listed only when
 *                      asked for)
 * @param prefix        links whose code, or whose destination's host, starts with this (the host in lower case)
 * @param createdAfter  links created after this instant
 * @param createdBefore links created before this instant
 */
public record ListFilter(String tag, Status status, String prefix, Instant createdAfter, Instant createdBefore) {

    public enum Status {
        ACTIVE,
        EXPIRED,
        DELETED
    }

    public static final ListFilter NONE = new ListFilter(null, null, null, null, null);

    /**
     * The filter written out unambiguously (each value length-prefixed): what a cursor is bound to, so that it
     * can't be replayed with other filters.
     */
    public String canonical() {
        StringBuilder text = new StringBuilder("filter/v1");
        for (Object value : new Object[] {tag, status, prefix, createdAfter, createdBefore}) {
            String shown = Objects.toString(value, null);
            text.append('|').append(shown == null ? "-" : shown.length() + ":" + shown);
        }
        return text.toString();
    }
}
