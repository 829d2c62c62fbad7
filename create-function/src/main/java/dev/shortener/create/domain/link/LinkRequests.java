package dev.shortener.create.domain.link;

import dev.shortener.create.domain.url.UrlPolicy;
import dev.shortener.links.LinkChange;
import java.time.Instant;
import java.util.Objects;

/** Validates create and update requests as a whole: the URL policy, the alias rules and the expiry rules. */
public final class LinkRequests {

    private final UrlPolicy urls;
    private final AliasPolicy aliases;
    private final ExpiryPolicy expiries;
    private final boolean forwardQueryDefault;

    /** Links that don't say otherwise do not forward the visitor's query string. */
    public LinkRequests(UrlPolicy urls, AliasPolicy aliases, ExpiryPolicy expiries) {
        this(urls, aliases, expiries, false);
    }

    /** @param forwardQueryDefault whether a link forwards the visitor's query when its request doesn't say */
    public LinkRequests(UrlPolicy urls, AliasPolicy aliases, ExpiryPolicy expiries, boolean forwardQueryDefault) {
        this.urls = Objects.requireNonNull(urls, "urls");
        this.aliases = Objects.requireNonNull(aliases, "aliases");
        this.expiries = Objects.requireNonNull(expiries, "expiries");
        this.forwardQueryDefault = forwardQueryDefault;
    }

    /** @param alias and {@code expiresAt} may be null */
    public NewLink newLink(String url, String alias, String expiresAt, Instant now) {
        return newLink(url, alias, expiresAt, null, now);
    }

    /** @param alias, {@code expiresAt} and {@code forwardQuery} may be null (forwardQuery: the deployment's default) */
    public NewLink newLink(String url, String alias, String expiresAt, Boolean forwardQuery, Instant now) {
        return new NewLink(
                urls.normalise(url),
                alias == null ? null : aliases.validate(alias),
                expiresAt == null ? null : expiries.parse(expiresAt, now),
                forwardQuery == null ? forwardQueryDefault : forwardQuery);
    }

    /**
     * @param url          the new destination, or null to keep it
     * @param expiryGiven  whether the request mentions the expiry at all
     * @param expiresAt    the new expiry, or null (with {@code expiryGiven}) to make the link permanent
     */
    public LinkChange change(String url, boolean expiryGiven, String expiresAt, Instant now) {
        String newUrl = url == null ? null : urls.normalise(url);
        if (expiryGiven && expiresAt == null) {
            return newUrl == null ? LinkChange.noExpiry() : new LinkChange(newUrl, null, true);
        }
        return new LinkChange(newUrl, expiryGiven ? expiries.parse(expiresAt, now) : null, false);
    }
}
