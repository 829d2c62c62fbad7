package dev.shortener.redirect.domain;

/**
 * The cheap check every code passes before any lookup. Generated codes are Base62 and aliases add {@code _} and
 * {@code -}; anything else (dots of {@code favicon.ico}, slashes, {@code #} of other item kinds, percent
 * escapes) can't be a link, so it is answered 404 without costing a Redis or DynamoDB call.
 */
public final class ShortCodes {

    /** Far above the 7 to 11 characters of generated codes, room for aliases; bounds the cache key size. */
    public static final int MAX_LENGTH = 64;

    private ShortCodes() {}

    public static boolean isValid(String code) {
        if (code == null || code.isEmpty() || code.length() > MAX_LENGTH) {
            return false;
        }
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            boolean allowed =
                    (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }
}
