package dev.shortener.analytics.event;

import java.net.IDN;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reduces a Referer header to its host. Paths and queries can carry personal data (search terms, ids, tokens);
 * the host is what "top referrers" needs. Parsed by hand because {@link java.net.URI} returns a null host for
 * names with underscores and rejects much of what browsers send.
 */
public final class Referrers {

    private static final Pattern HOST = Pattern.compile("[a-z0-9._-]{1,253}");

    private Referrers() {}

    /** The lower-case host of {@code referer}, or null when there is none (or it isn't a plausible host). */
    public static String host(String referer) {
        if (referer == null) {
            return null;
        }
        String s = referer.trim();
        int scheme = s.indexOf("://");
        if (scheme <= 0) {
            return null;
        }
        s = s.substring(scheme + 3);
        int end = indexOfAny(s, "/?#");
        if (end >= 0) {
            s = s.substring(0, end);
        }
        int at = s.lastIndexOf('@');
        if (at >= 0) {
            s = s.substring(at + 1); // userinfo: never kept (it can be a password)
        }
        if (s.startsWith("[")) {
            return null; // an IP literal: an address, not a site
        }
        int colon = s.indexOf(':');
        if (colon >= 0) {
            s = s.substring(0, colon);
        }
        if (s.endsWith(".")) {
            s = s.substring(0, s.length() - 1);
        }
        s = s.toLowerCase(Locale.ROOT);
        if (!HOST.matcher(s).matches()) {
            try {
                s = IDN.toASCII(s, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
            } catch (IllegalArgumentException notAHost) {
                return null;
            }
        }
        if (!HOST.matcher(s).matches() || ClientAddress.parse(s).isPresent()) {
            return null; // an IPv4 literal would put a (possibly private) address into the events
        }
        return s;
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
