package dev.shortener.create.domain.url;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Decides which destinations may be shortened, and the one form each is stored in: lower-case scheme and host,
 * the host in punycode, no default port, an empty path written as {@code /}, and everything after the host
 * percent-encoded to RFC 3986. The stored form is what the redirect sends and what every later check compares.
 *
 * <p>Refused: anything but absolute http(s); userinfo; whitespace and control characters; more than the length
 * cap; the shortener's own domain and its subdomains (a redirect loop, and a way to disguise one short link as
 * another); the configured blocklist and its subdomains; hosts built to look like other hosts; and, unless
 * configured otherwise, addresses and names that lead into a private network. Names are not resolved: the
 * redirect never fetches a destination, so the concern is where readers are sent, and DNS answers can change
 * after the check anyway.
 */
public final class UrlPolicy {

    public static final String FIELD = "url";
    public static final int DEFAULT_MAX_LENGTH = 2048;
    /** CloudFront refuses longer request URLs, and browsers follow redirects to them inconsistently. */
    public static final int LIMIT_MAX_LENGTH = 8192;

    /** Names that only ever resolve inside a network (RFC 6761, RFC 8375, ICANN's .internal). */
    private static final Set<String> PRIVATE_SUFFIXES =
            Set.of("localhost", "local", "localdomain", "internal", "home.arpa", "lan", "intranet");

    private final int maxLength;
    private final DomainSet ownDomains;
    private final DomainSet blockedDomains;
    private final boolean allowPrivateAddresses;
    private final DomainSet privateSuffixes = DomainSet.of(PRIVATE_SUFFIXES);

    public UrlPolicy(int maxLength, DomainSet ownDomains, DomainSet blockedDomains, boolean allowPrivateAddresses) {
        if (maxLength < 32 || maxLength > LIMIT_MAX_LENGTH) {
            throw new IllegalArgumentException("maxLength must be from 32 to " + LIMIT_MAX_LENGTH + ": " + maxLength);
        }
        this.maxLength = maxLength;
        this.ownDomains = Objects.requireNonNull(ownDomains, "ownDomains");
        this.blockedDomains = Objects.requireNonNull(blockedDomains, "blockedDomains");
        this.allowPrivateAddresses = allowPrivateAddresses;
    }

    /**
     * The normalised form of {@code url}.
     *
     * @throws Rejection saying what is wrong with it, with the field {@value #FIELD}
     */
    public String normalise(String url) {
        // Normalising only drops a default port, so anything this long can't end up short enough; the check
        // comes first so that a hostile input costs nothing more.
        if (url.length() > maxLength + ":443".length()) {
            throw tooLong(url.length());
        }
        UrlCharacters.requireClean(url);
        UrlSyntax syntax = UrlSyntax.split(url);
        Host host = HostNormaliser.normalise(syntax.rawHost());
        checkHost(host, syntax.rawHost());
        String rest = PercentEncoding.encodeAfterHost(syntax.rest());
        String normalised = syntax.scheme() + "://" + host.inUrl() + (syntax.isDefaultPort() ? "" : ":" + syntax.port())
                + (rest.isEmpty() || rest.charAt(0) != '/' ? "/" + rest : rest);
        if (normalised.length() > maxLength) {
            throw tooLong(normalised.length());
        }
        return normalised;
    }

    private void checkHost(Host host, String rawHost) {
        Optional<String> own = ownDomains.match(host.text());
        if (own.isPresent()) {
            throw new Rejection(
                    Reason.URL_OWN_DOMAIN,
                    FIELD,
                    "Links to " + own.get() + " (this shortener's own"
                            + " domain) or its subdomains can't be shortened: they would redirect to another short link.");
        }
        Optional<String> blocked = blockedDomains.match(host.text());
        if (blocked.isPresent()) {
            throw new Rejection(
                    Reason.URL_BLOCKED_DOMAIN,
                    FIELD,
                    "Links to " + blocked.get() + " and its subdomains are blocked on this shortener.");
        }
        if (!allowPrivateAddresses && isPrivate(host)) {
            throw new Rejection(
                    Reason.URL_PRIVATE_ADDRESS,
                    FIELD,
                    "The URL's host " + HostNormaliser.quoted(rawHost)
                            + " is a private, loopback, link-local or otherwise non-public address or name; only links to"
                            + " public hosts can be shortened.");
        }
        if (host.isAddress() && !host.canonical()) {
            throw new Rejection(
                    Reason.INVALID_URL,
                    FIELD,
                    "The URL's host " + HostNormaliser.quoted(rawHost)
                            + " is an IPv4 address in an unusual form; write it as four decimal numbers, e.g. "
                            + host.text() + ".");
        }
        if (!host.isAddress() && Confusables.isConfusable(host.unicode())) {
            throw new Rejection(
                    Reason.URL_CONFUSABLE_HOST,
                    FIELD,
                    "The URL's host " + host.text() + " ("
                            + HostNormaliser.quoted(host.unicode()) + ") mixes scripts or imitates Latin letters, as"
                            + " look-alike phishing domains do; it can't be shortened.");
        }
    }

    private boolean isPrivate(Host host) {
        if (host.isAddress()) {
            return !host.isPublicAddress();
        }
        // A single-label name ("intranet") only resolves through a local search domain.
        return host.text().indexOf('.') < 0
                || privateSuffixes.match(host.text()).isPresent();
    }

    private Rejection tooLong(int length) {
        return new Rejection(
                Reason.URL_TOO_LONG,
                FIELD,
                "The URL is " + length + " characters long; the limit is " + maxLength + ".");
    }
}
