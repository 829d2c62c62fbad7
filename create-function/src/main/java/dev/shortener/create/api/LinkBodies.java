package dev.shortener.create.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import dev.shortener.create.domain.listing.ListedLink;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The JSON bodies of successful answers, with short URLs under one base. Times are RFC 3339 in UTC; an absent
 * expiry is {@code null}. Each body is the one before it and more, so it nests that body unwrapped: its members
 * come first, in its order.
 */
final class LinkBodies {

    private final String shortBase;

    /** @param shortBase where short links live, e.g. {@code https://sho.rt}, without a trailing slash */
    LinkBodies(String shortBase) {
        this.shortBase = Objects.requireNonNull(shortBase, "shortBase");
    }

    /** The answer to a create, and what every other answer about a link starts with. */
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
    @JsonPropertyOrder({"link", "status", "clickCount"})
    record Details(@JsonUnwrapped Created link, String status, long clickCount) {}

    /**
     * A link in a listing: as {@link Details}, and {@code deleted} ones too (asked for with {@code status=deleted}),
     * which have no destination ({@code url} null) and say when they were deleted.
     */
    @JsonPropertyOrder({"details", "deletedAt"})
    record Listed(@JsonUnwrapped Details details, String deletedAt) {}

    /** A page of a listing; {@code next} is the cursor of the next page, or null after the last. */
    @JsonPropertyOrder({"links", "next"})
    record Page(List<Listed> links, String next) {}

    /** The short URL of {@code code}. */
    String shortUrl(String code) {
        return shortBase + "/" + code;
    }

    Created created(Link link) {
        return created(link.code(), link.createdAt(), link.tags(), link);
    }

    Details details(LinkLookup lookup) {
        Link link = lookup.link();
        return new Details(created(link), status(lookup.status()), link.clickCount());
    }

    Listed listed(ListedLink entry) {
        Created created = created(entry.code(), entry.createdAt(), entry.tags(), entry.link());
        return new Listed(new Details(created, status(entry.status()), entry.clickCount()), text(entry.deletedAt()));
    }

    /**
     * What is known of every link, {@code link} itself null for a deleted one: its code, creation time and tags
     * outlive it, its destination and settings do not.
     */
    private Created created(String code, Instant createdAt, Collection<String> tags, Link link) {
        return new Created(
                code,
                shortUrl(code),
                link == null ? null : link.url(),
                text(createdAt),
                link == null ? null : text(link.expiresAt()),
                link != null && link.forwardQuery(),
                List.copyOf(tags));
    }

    private static String status(Enum<?> status) {
        return status.name().toLowerCase(Locale.ROOT);
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
