package dev.shortener.create.api;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import dev.shortener.create.domain.Rejection;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.domain.link.TagPolicy;
import dev.shortener.create.domain.listing.LinkListing;
import dev.shortener.create.domain.listing.ListFilter;
import dev.shortener.create.domain.listing.ListPage;
import dev.shortener.create.domain.listing.ListQuery;
import dev.shortener.http.HttpResponses;
import java.time.Instant;
import java.time.InstantSource;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * {@code GET /api/links}: the caller's links, newest first, a page at a time. Parameters: {@code limit} (1-100,
 * default 25), {@code cursor} (the previous page's {@code next}), and the filters {@code tag}, {@code status}
 * ({@code active}, {@code expired}, {@code deleted}; default active and expired), {@code q} (a prefix of the code,
 * or of the destination's host) and {@code createdAfter}/{@code createdBefore} (RFC 3339).
 */
final class ListRoutes {

    static final List<String> PARAMETERS =
            List.of("limit", "cursor", "tag", "status", "q", "createdAfter", "createdBefore");
    static final int MAX_PREFIX_LENGTH = 64;

    private final LinkListing listing;
    private final TagPolicy tags;
    private final ListCursors cursors;
    private final InstantSource clock;
    private final LinkBodies bodies;

    ListRoutes(LinkListing listing, TagPolicy tags, CursorKey cursorKey, InstantSource clock, LinkBodies bodies) {
        this.listing = Objects.requireNonNull(listing, "listing");
        this.tags = Objects.requireNonNull(tags, "tags");
        this.cursors = new ListCursors(cursorKey);
        this.clock = Objects.requireNonNull(clock, "clock");
        this.bodies = Objects.requireNonNull(bodies, "bodies");
    }

    APIGatewayV2HTTPResponse list(ApiRequest request, Caller caller) {
        QueryParameters parameters = QueryParameters.parse(request.rawQuery(), PARAMETERS);
        Instant now = clock.instant();
        ListFilter filter = filter(parameters);
        int limit = limit(parameters.get("limit"));
        String cursor = parameters.get("cursor");
        ListQuery.Position after = cursor == null ? null : cursors.read(cursor, caller.ownerId(), filter, now);

        ListPage page = listing.page(new ListQuery(caller.ownerId(), filter, limit, after), now);

        String next = page.next() == null ? null : cursors.issue(page.next(), caller.ownerId(), filter, now);
        var body = new LinkBodies.Page(page.links().stream().map(bodies::listed).toList(), next);
        return HttpResponses.response(
                200, "application/json", ApiJson.write(body), Map.of("Cache-Control", "no-store"));
    }

    private ListFilter filter(QueryParameters parameters) {
        String tag = parameters.get("tag");
        String q = parameters.get("q");
        Instant after = instant(parameters, "createdAfter");
        Instant before = instant(parameters, "createdBefore");
        if (after != null && before != null && !after.isBefore(before)) {
            throw QueryParameters.invalid("createdBefore", "'createdBefore' must be later than 'createdAfter'.");
        }
        if (q != null && (q.isEmpty() || q.length() > MAX_PREFIX_LENGTH)) {
            throw QueryParameters.invalid("q", "'q' is 1 to " + MAX_PREFIX_LENGTH + " characters long.");
        }
        return new ListFilter(tag == null ? null : validTag(tag), status(parameters.get("status")), q, after, before);
    }

    private String validTag(String tag) {
        try {
            return tags.validateOne(tag, "tag");
        } catch (Rejection rejection) {
            throw QueryParameters.invalid("tag", rejection.detail());
        }
    }

    private static ListFilter.Status status(String status) {
        if (status == null) {
            return null;
        }
        return switch (status.toLowerCase(Locale.ROOT)) {
            case "active" -> ListFilter.Status.ACTIVE;
            case "expired" -> ListFilter.Status.EXPIRED;
            case "deleted" -> ListFilter.Status.DELETED;
            default -> throw QueryParameters.invalid("status", "'status' is one of active, expired or deleted.");
        };
    }

    private static int limit(String limit) {
        if (limit == null) {
            return ListQuery.DEFAULT_LIMIT;
        }
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= ListQuery.MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw QueryParameters.invalid("limit", "'limit' is a whole number from 1 to " + ListQuery.MAX_LIMIT + ".");
    }

    private static Instant instant(QueryParameters parameters, String name) {
        String value = parameters.get(name);
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw QueryParameters.invalid(
                    name, "'" + name + "' is an RFC 3339 date and time, such as 2026-11-27T12:00:00Z.");
        }
    }
}
