package dev.shortener.redirect.http;

import java.nio.charset.StandardCharsets;

/**
 * Makes a destination safe to send as a {@code Location} header: ASCII only. The host goes to punycode and every
 * other character that may not appear raw in a URI (controls, CR and LF above all, space, {@code " < > \ ^ ` { | }}
 * and non-ASCII) is percent-encoded as UTF-8, which is what a browser does to such an href. Existing escapes are
 * kept as they are. A destination that is already clean, the usual case, is returned unchanged.
 */
final class Locations {

    private static final String UNSAFE_ASCII = " \"<>\\^`{|}";

    private Locations() {}

    static String toAscii(String url) {
        if (isClean(url)) {
            return url;
        }
        String withAsciiHost = Destination.of(url).displayUrl();
        StringBuilder out = new StringBuilder(withAsciiHost.length() + 16);
        for (int i = 0; i < withAsciiHost.length(); ) {
            int codePoint = withAsciiHost.codePointAt(i);
            i += Character.charCount(codePoint);
            if (codePoint > 0x20 && codePoint < 0x7f && UNSAFE_ASCII.indexOf(codePoint) < 0) {
                out.append((char) codePoint);
            } else {
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%')
                            .append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xf, 16)))
                            .append(Character.toUpperCase(Character.forDigit(b & 0xf, 16)));
                }
            }
        }
        return out.toString();
    }

    private static boolean isClean(String url) {
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7f || UNSAFE_ASCII.indexOf(c) >= 0) {
                return false;
            }
        }
        return true;
    }
}
