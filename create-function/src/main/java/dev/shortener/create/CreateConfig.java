package dev.shortener.create;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.create.api.CursorKey;
import dev.shortener.create.domain.ratelimit.Bucket;
import dev.shortener.create.domain.url.DomainSet;
import dev.shortener.create.domain.url.UrlPolicy;
import dev.shortener.http.OriginSecret;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.shortcode.ShortCodeSettings;
import dev.shortener.stats.StatsSettings;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;

/**
 * The create function's configuration: every environment variable it reads is named here, and each is checked at
 * start-up, so a bad deployment fails at once naming the variable instead of misbehaving on some later request.
 * The settings other modules own are read through their owners, under the names they define:
 * {@link LinksTableSettings} (the table and a DynamoDB endpoint override), {@link RedisSettings#REDIS_URL},
 * {@link OriginSecret#ORIGIN_VERIFY_SECRET}, {@link ShortCodeSettings} (whose secret also keys the listing
 * cursors' signatures, through {@link CursorKey}: no second secret to deploy) and {@link StatsSettings} (how long
 * the daily stats are kept). ({@code AWS_REGION}, set by Lambda, is
 * read by the SDK client builder.)
 */
public record CreateConfig(
        String linksTable,
        URI redisUrl,
        String shortBaseUrl,
        ShortCodeSettings shortCodes,
        int maxUrlLength,
        DomainSet blockedDomains,
        boolean allowPrivateAddresses,
        Duration maxExpiry,
        Bucket perKeyLimit,
        Bucket perClientLimit,
        String clientAddressHeader,
        OriginSecret originSecret,
        URI dynamoDbEndpoint,
        boolean forwardQueryDefault,
        CursorKey cursorKey,
        StatsSettings stats) {

    /** Required: where short links live, e.g. {@code https://sho.rt}; links to it and its subdomains are refused. */
    public static final String SHORT_BASE_URL = "SHORT_BASE_URL";
    /** Longest URL accepted, default 2048, at most 8192 (CloudFront's limit). */
    public static final String MAX_URL_LENGTH = "MAX_URL_LENGTH";
    /** Comma- or space-separated domains refused with their subdomains; optional. */
    public static final String BLOCKED_DOMAINS = "BLOCKED_DOMAINS";
    /** {@code true} to allow links to private, loopback and link-local addresses (an intranet shortener); default false. */
    public static final String ALLOW_PRIVATE_ADDRESSES = "ALLOW_PRIVATE_ADDRESSES";
    /** Furthest expiry allowed, in days; default 3650. */
    public static final String MAX_EXPIRY_DAYS = "MAX_EXPIRY_DAYS";
    /** Token bucket per API key: burst (default 60) and refill per minute (default 120). */
    public static final String RATE_LIMIT_KEY_BURST = "RATE_LIMIT_KEY_BURST";

    public static final String RATE_LIMIT_KEY_PER_MINUTE = "RATE_LIMIT_KEY_PER_MINUTE";
    /** Token bucket per client address (IPv6 per /64): burst (default 100) and refill per minute (default 300). */
    public static final String RATE_LIMIT_IP_BURST = "RATE_LIMIT_IP_BURST";

    public static final String RATE_LIMIT_IP_PER_MINUTE = "RATE_LIMIT_IP_PER_MINUTE";
    /**
     * Optional: a header naming the client's address that a trusted proxy sets, e.g. {@code CloudFront-Viewer-Address}
     * when CloudFront is the only way in. Unset: the source address API Gateway saw.
     */
    public static final String CLIENT_IP_HEADER = "CLIENT_IP_HEADER";
    /**
     * {@code true} to make new links forward the visitor's query string unless a request says
     * {@code "forwardQuery": false}; default false (a link ignores the query, as before forwarding existed).
     */
    public static final String FORWARD_QUERY_DEFAULT = "FORWARD_QUERY_DEFAULT";

    /**
     * Reads and checks the configuration ({@code SHORTCODE_SECRET} and {@code SHORTCODE_LENGTH} through
     * {@link ShortCodeSettings}).
     *
     * @throws ConfigException naming the first variable that is missing or malformed
     */
    public static CreateConfig fromEnvironment(Environment env) {
        LinksTableSettings table = LinksTableSettings.fromEnvironment(env);
        URI redis = RedisSettings.urlFrom(env);
        ShortBase base = ShortBase.parse(env, SHORT_BASE_URL);
        ShortCodeSettings shortCodes = ShortCodeSettings.fromEnvironment(env);
        int maxUrlLength = env.integer(MAX_URL_LENGTH, UrlPolicy.DEFAULT_MAX_LENGTH, 32, UrlPolicy.LIMIT_MAX_LENGTH);
        DomainSet blocked = blockedDomains(env);
        boolean allowPrivate = env.flag(ALLOW_PRIVATE_ADDRESSES, false);
        Duration maxExpiry = Duration.ofDays(env.integer(MAX_EXPIRY_DAYS, 3650, 1, 36_500));
        Bucket perKey = new Bucket(
                env.integer(RATE_LIMIT_KEY_BURST, 60, 1, 100_000),
                env.integer(RATE_LIMIT_KEY_PER_MINUTE, 120, 1, 1_000_000));
        Bucket perClient = new Bucket(
                env.integer(RATE_LIMIT_IP_BURST, 100, 1, 100_000),
                env.integer(RATE_LIMIT_IP_PER_MINUTE, 300, 1, 1_000_000));
        String clientHeader = env.optional(CLIENT_IP_HEADER).orElse(null);
        OriginSecret originSecret = OriginSecret.from(env);
        return new CreateConfig(
                table.table(),
                redis,
                base.url(),
                shortCodes,
                maxUrlLength,
                blocked,
                allowPrivate,
                maxExpiry,
                perKey,
                perClient,
                clientHeader,
                originSecret,
                table.endpointOrNull(),
                env.flag(FORWARD_QUERY_DEFAULT, false),
                CursorKey.derivedFrom(ShortCodeSettings.secretFrom(env)),
                StatsSettings.fromEnvironment(env));
    }

    private static DomainSet blockedDomains(Environment env) {
        try {
            return DomainSet.of(env.list(BLOCKED_DOMAINS));
        } catch (IllegalArgumentException e) {
            throw Environment.invalid(BLOCKED_DOMAINS, "holds a domain that is not one: " + e.getMessage());
        }
    }

    /** The shortener's own domain (the short base URL's host), whose links would loop. */
    public DomainSet ownDomains() {
        return DomainSet.of(Arrays.asList(URI.create(shortBaseUrl).getHost()));
    }

    /** The short base URL: scheme and host (and port), no path, no trailing slash. */
    record ShortBase(String url) {

        static ShortBase parse(Environment env, String name) {
            String value = env.required(name, "the short links' base URL, such as https://sho.rt");
            String trimmed = value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
            try {
                URI uri = new URI(trimmed);
                boolean web = "https".equalsIgnoreCase(uri.getScheme()) || "http".equalsIgnoreCase(uri.getScheme());
                if (web
                        && uri.getHost() != null
                        && uri.getRawUserInfo() == null
                        && (uri.getRawPath() == null || uri.getRawPath().isEmpty())
                        && uri.getRawQuery() == null
                        && uri.getRawFragment() == null) {
                    return new ShortBase(trimmed);
                }
            } catch (java.net.URISyntaxException e) {
                // reported below
            }
            throw new ConfigException(
                    name,
                    name + " must be the short links' base URL with scheme and host only,"
                            + " e.g. https://sho.rt; got '" + value + "'");
        }
    }
}
