package dev.shortener.create.domain.url;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;

/**
 * Screens a URL for characters that have no business in a link someone will click: whitespace and control
 * characters (browsers silently strip or keep them, so the link people see is not the one stored), invisible
 * formatting characters such as U+202E RIGHT-TO-LEFT OVERRIDE (they make a URL read differently than it goes),
 * unpaired surrogates, and the backslash (browsers read {@code \} as {@code /} in http URLs, other parsers don't:
 * {@code https://evil.example\@good.example} goes to different hosts depending on who reads it).
 */
final class UrlCharacters {

    private UrlCharacters() {}

    static void requireClean(String url) {
        for (int i = 0; i < url.length(); ) {
            int c = url.codePointAt(i);
            String problem = problemWith(c);
            if (problem != null) {
                throw new Rejection(
                        Reason.INVALID_URL,
                        UrlPolicy.FIELD,
                        "The URL contains " + problem + " (U+"
                                + String.format("%04X", c) + ") at position " + i + "; percent-encode it if it belongs"
                                + " in the path or query (a space is %20).");
            }
            i += Character.charCount(c);
        }
    }

    private static String problemWith(int c) {
        if (c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
            return "whitespace";
        }
        if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
            return "a control character";
        }
        if (c == '\\') {
            return "a backslash";
        }
        return switch (Character.getType(c)) {
            case Character.FORMAT -> "an invisible formatting character";
            case Character.SURROGATE -> "an unpaired surrogate";
            case Character.PRIVATE_USE, Character.UNASSIGNED -> "a character with no meaning in Unicode";
            default -> null;
        };
    }
}
