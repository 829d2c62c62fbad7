package dev.shortener.create.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shortener.create.domain.listing.ListedLink;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/** The JSON bodies of successful answers. Times are RFC 3339 in UTC; an absent expiry is {@code null}. */
final class LinkBodies {

    private LinkBodies() {}

    /** The answer to a create: exactly the members the API promises. */
    @JsonPropertyOrder({"code", "shortUrl", "url", "createdAt", "expiresAt", "forwardQuery", "tags"})
    record Created(
            String code,
            String shortUrl,
            String url,
            String createdAt,
            String expiresAt,
            boolean forwardQuery,
            List<String> tags) {}

    /** A link as its owner reads it. {@code status} is {@code active} or {@code expired}. */
    @JsonPropertyOrder({
        "code",
        "shortUrl",
        "url",
        "createdAt",
        "expiresAt",
        "forwardQuery",
        "tags",
        "status",
        "clickCount"
    })
    record Details(
            String code,
            String shortUrl,
            String url,
            String createdAt,
            String expiresAt,
            boolean forwardQuery,
            List<String> tags,
            String status,
            long clickCount) {}

    /**
     * A link in a listing: as {@link Details}, and {@code deleted} ones too (asked for with {@code status=deleted}),
     * which have no destination ({@code url} null) and say when they were deleted.
     */
    @JsonPropertyOrder({
        "code",
        "shortUrl",
        "url",
        "createdAt",
        "expiresAt",
        "forwardQuery",
        "tags",
        "status",
        "clickCount",
        "deletedAt"
    })
    record Listed(
            String code,
            String shortUrl,
            String url,
            String createdAt,
            String expiresAt,
            boolean forwardQuery,
            List<String> tags,
            String status,
            long clickCount,
            String deletedAt) {}

    /** A page of a listing; {@code next} is the cursor of the next page, or null after the last. */
    @JsonPropertyOrder({"links", "next"})
    record Page(List<Listed> links, String next) {}

    static Created created(Link link, String shortBase) {
        return new Created(
                link.code(),
                shortBase + "/" + link.code(),
                link.url(),
                text(link.createdAt()),
                text(link.expiresAt()),
                link.forwardQuery(),
                List.copyOf(link.tags()));
    }

    static Details details(LinkLookup lookup, String shortBase) {
        Link link = lookup.link();
        return new Details(
                link.code(),
                shortBase + "/" + link.code(),
                link.url(),
                text(link.createdAt()),
                text(link.expiresAt()),
                link.forwardQuery(),
                List.copyOf(link.tags()),
                lookup.status().name().toLowerCase(Locale.ROOT),
                link.clickCount());
    }

    static Listed listed(ListedLink entry, String shortBase) {
        Link link = entry.link();
        return new Listed(
                entry.code(),
                shortBase + "/" + entry.code(),
                link == null ? null : link.url(),
                text(entry.createdAt()),
                link == null ? null : text(link.expiresAt()),
                link != null && link.forwardQuery(),
                List.copyOf(entry.tags()),
                entry.status().name().toLowerCase(Locale.ROOT),
                entry.clickCount(),
                text(entry.deletedAt()));
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
