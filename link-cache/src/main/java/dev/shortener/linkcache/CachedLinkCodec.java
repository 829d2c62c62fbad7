package dev.shortener.linkcache;

/**
 * The cache's value format: one short string, parsed without JSON on the hot path. {@code F<expiry> <url>} for a
 * link (expiry in epoch seconds, 0 for never), {@code Q<expiry> <url>} for a link that forwards the visitor's
 * query string, {@code N} for no such code, {@code G} for gone.
 *
 * <p>Forwarding got a letter of its own rather than a new field, so the format stays readable both ways while
 * versions overlap (a deployment, the create function and the redirect function updated minutes apart): every
 * entry written before forwarding existed is an {@code F} and reads as not forwarding, which is what those links
 * were; and a redirect function from before it reads a {@code Q} as a value it does not understand, a miss, and
 * answers from the table.
 */
final class CachedLinkCodec {

    private CachedLinkCodec() {}

    static String encode(CachedLink link) {
        return switch (link.state()) {
            case FOUND -> (link.forwardQuery() ? "Q" : "F") + link.expiresAtEpochSecond() + ' ' + link.url();
            case NOT_FOUND -> "N";
            case GONE -> "G";
        };
    }

    /** @return the entry, or null for a value this version does not understand (treated as a miss) */
    static CachedLink decode(String value) {
        if (value.isEmpty()) {
            return null;
        }
        switch (value.charAt(0)) {
            case 'F' -> {
                return found(value, false);
            }
            case 'Q' -> {
                return found(value, true);
            }
            case 'N' -> {
                return CachedLink.notFound();
            }
            case 'G' -> {
                return CachedLink.gone();
            }
            default -> {
                return null;
            }
        }
    }

    private static CachedLink found(String value, boolean forwardQuery) {
        int space = value.indexOf(' ');
        if (space < 2 || space == value.length() - 1) {
            return null;
        }
        try {
            return CachedLink.found(value.substring(space + 1), Long.parseLong(value, 1, space, 10), forwardQuery);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
