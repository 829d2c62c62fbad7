package dev.shortener.create.domain;

/**
 * Why the domain refused a request. The API maps each reason to one stable problem type, so clients can branch on
 * the type while people read the detail.
 */
public enum Reason {
    MISSING_API_KEY,
    INVALID_API_KEY,
    LINK_NOT_FOUND,

    INVALID_URL,
    URL_SCHEME_NOT_ALLOWED,
    URL_USERINFO_NOT_ALLOWED,
    URL_TOO_LONG,
    URL_OWN_DOMAIN,
    URL_BLOCKED_DOMAIN,
    URL_PRIVATE_ADDRESS,
    URL_CONFUSABLE_HOST,

    INVALID_ALIAS,
    RESERVED_ALIAS,
    ALIAS_TAKEN,

    INVALID_EXPIRY,
    EXPIRY_NOT_IN_FUTURE,
    EXPIRY_TOO_FAR,

    INVALID_TAGS,

    IDEMPOTENCY_KEY_REUSED,
    IDEMPOTENCY_REQUEST_IN_FLIGHT,

    /** Redis could not be told to forget a link, so the link was left unchanged. */
    CACHE_UNAVAILABLE,
    /** No short code could be minted right now (every worker id leased, or repeated clashes). */
    CODES_UNAVAILABLE
}
