package dev.shortener.linkcache;

/**
 * The cache's value format: one short string, parsed without JSON on the hot path. {@code F<expiry> <url>} for a
 * link (expiry in epoch seconds, 0 for never), {@code N} for no such code, {@code G} for gone.
 */
final class CachedLinkCodec {

    private CachedLinkCodec() {}

    static String encode(CachedLink link) {
        return switch (link.state()) {
            case FOUND -> "F" + link.expiresAtEpochSecond() + ' ' + link.url();
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
                int space = value.indexOf(' ');
                if (space < 2 || space == value.length() - 1) {
                    return null;
                }
                try {
                    return CachedLink.found(value.substring(space + 1), Long.parseLong(value, 1, space, 10));
                } catch (NumberFormatException e) {
                    return null;
                }
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
}
