package dev.shortener.create.domain.url;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.util.Locale;

/**
 * Splits an absolute http(s) URL into scheme, host, port and the rest (path, query, fragment), refusing what has
 * no place in a link: other schemes ({@code javascript:}, {@code data:}, {@code file:}), a missing {@code //host},
 * and userinfo ({@code https://bank.example@evil.example/} goes to evil.example; RFC 9110 says to treat userinfo in
 * an http(s) URL as an error).
 *
 * @param port the port, or -1 when none was given
 */
record UrlSyntax(String scheme, String rawHost, int port, String rest) {

    static UrlSyntax split(String url) {
        int colon = url.indexOf(':');
        String scheme = colon > 0 ? url.substring(0, colon).toLowerCase(Locale.ROOT) : "";
        if (!isScheme(scheme)) {
            throw new Rejection(
                    Reason.INVALID_URL,
                    UrlPolicy.FIELD,
                    "The URL must be absolute, starting with"
                            + " https:// or http:// (for example https://example.com/page).");
        }
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new Rejection(
                    Reason.URL_SCHEME_NOT_ALLOWED,
                    UrlPolicy.FIELD,
                    "Only http and https links can be" + " shortened; this one uses '"
                            + (scheme.length() > 20 ? scheme.substring(0, 20) : scheme) + ":'.");
        }
        String afterScheme = url.substring(colon + 1);
        if (!afterScheme.startsWith("//")) {
            throw new Rejection(
                    Reason.INVALID_URL,
                    UrlPolicy.FIELD,
                    "The URL needs '//' and a host after '" + scheme + ":' (for example " + scheme
                            + "://example.com/).");
        }
        int end = 2;
        while (end < afterScheme.length() && "/?#".indexOf(afterScheme.charAt(end)) < 0) {
            end++;
        }
        String authority = afterScheme.substring(2, end);
        if (authority.indexOf('@') >= 0) {
            throw new Rejection(
                    Reason.URL_USERINFO_NOT_ALLOWED,
                    UrlPolicy.FIELD,
                    "The URL has a user name or"
                            + " password before '@'. That form disguises the real host, so it is refused; remove the part"
                            + " before '@'.");
        }
        int portColon = authority.startsWith("[")
                ? authority.indexOf(':', Math.max(0, authority.indexOf(']')))
                : authority.lastIndexOf(':');
        String host = portColon < 0 ? authority : authority.substring(0, portColon);
        int port = portColon < 0 ? -1 : port(authority.substring(portColon + 1));
        return new UrlSyntax(scheme, host, port, afterScheme.substring(end));
    }

    /** A scheme per RFC 3986; one with a dot is more likely a host written without a scheme. */
    private static boolean isScheme(String text) {
        return !text.isEmpty()
                && text.charAt(0) >= 'a'
                && text.charAt(0) <= 'z'
                && text.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '+' || c == '-');
    }

    private static int port(String text) {
        if (text.isEmpty()) {
            return -1; // "host:" is allowed by RFC 3986 and means the default port
        }
        String digits = text.replaceFirst("^0+(?=.)", "");
        if (digits.length() <= 5 && digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            int port = Integer.parseInt(digits);
            if (port >= 1 && port <= 65535) {
                return port;
            }
        }
        throw new Rejection(Reason.INVALID_URL, UrlPolicy.FIELD, "The URL's port must be a number from 1 to 65535.");
    }

    boolean isDefaultPort() {
        return port == -1 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
    }
}
