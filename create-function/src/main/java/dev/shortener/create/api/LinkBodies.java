package dev.shortener.create.api;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import java.time.Instant;
import java.util.Locale;

/** The JSON bodies of successful answers. Times are RFC 3339 in UTC; an absent expiry is {@code null}. */
final class LinkBodies {

    private LinkBodies() {}

    /** The answer to a create: exactly the members the API promises. */
    @JsonPropertyOrder({"code", "shortUrl", "url", "createdAt", "expiresAt"})
    record Created(String code, String shortUrl, String url, String createdAt, String expiresAt) {}

    /** A link as its owner reads it. {@code status} is {@code active} or {@code expired}. */
    @JsonPropertyOrder({"code", "shortUrl", "url", "createdAt", "expiresAt", "status", "clickCount"})
    record Details(
            String code,
            String shortUrl,
            String url,
            String createdAt,
            String expiresAt,
            String status,
            long clickCount) {}

    static Created created(Link link, String shortBase) {
        return new Created(
                link.code(), shortBase + "/" + link.code(), link.url(), text(link.createdAt()), text(link.expiresAt()));
    }

    static Details details(LinkLookup lookup, String shortBase) {
        Link link = lookup.link();
        return new Details(
                link.code(),
                shortBase + "/" + link.code(),
                link.url(),
                text(link.createdAt()),
                text(link.expiresAt()),
                lookup.status().name().toLowerCase(Locale.ROOT),
                link.clickCount());
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
