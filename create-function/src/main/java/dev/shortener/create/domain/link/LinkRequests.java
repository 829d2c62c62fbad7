package dev.shortener.create.domain.link;

import dev.shortener.create.domain.url.UrlPolicy;
import dev.shortener.links.LinkChange;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;

/** Validates create and update requests as a whole: the URL policy, the alias rules and the expiry rules. */
public final class LinkRequests {

    private final UrlPolicy urls;
    private final AliasPolicy aliases;
    private final ExpiryPolicy expiries;
    private final boolean forwardQueryDefault;
    private final TagPolicy tags = new TagPolicy();

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
        return newLink(url, alias, expiresAt, null, null, now);
    }

    /**
     * @param alias, {@code expiresAt}, {@code forwardQuery} (the deployment's default) and {@code tags} may be
     *     null
     */
    public NewLink newLink(
            String url, String alias, String expiresAt, Boolean forwardQuery, List<String> tags, Instant now) {
        return new NewLink(
                urls.normalise(url),
                alias == null ? null : aliases.validate(alias),
                expiresAt == null ? null : expiries.parse(expiresAt, now),
                forwardQuery == null ? forwardQueryDefault : forwardQuery,
                tags == null ? null : this.tags.validate(tags));
    }

    /** The tag policy, for a listing's {@code tag} filter. */
    public TagPolicy tagPolicy() {
        return tags;
    }

    /**
     * @param url          the new destination, or null to keep it
     * @param expiryGiven  whether the request mentions the expiry at all
     * @param expiresAt    the new expiry, or null (with {@code expiryGiven}) to make the link permanent
     * @param forwardQuery whether to forward the visitor's query from now on, or null to keep it as it is
     * @param newTags      the whole new set of tags (empty clears them), or null to keep them
     */
    public LinkChange change(
            String url,
            boolean expiryGiven,
            String expiresAt,
            Boolean forwardQuery,
            List<String> newTags,
            Instant now) {
        String newUrl = url == null ? null : urls.normalise(url);
        SortedSet<String> validTags = newTags == null ? null : tags.validate(newTags);
        if (expiryGiven && expiresAt == null) {
            return new LinkChange(newUrl, null, true, forwardQuery, validTags);
        }
        return new LinkChange(
                newUrl, expiryGiven ? expiries.parse(expiresAt, now) : null, false, forwardQuery, validTags);
    }

    /** A change of destination and/or expiry only. */
    public LinkChange change(String url, boolean expiryGiven, String expiresAt, Instant now) {
        return change(url, expiryGiven, expiresAt, null, null, now);
    }
}
