package dev.shortener.redirect.http;

import java.net.IDN;
import java.util.Locale;

/**
 * A destination as the preview page shows it: its host in punycode (so {@code аpple.com} with a Cyrillic
 * {@code а} reads {@code xn--pple-43d.com}, not a lookalike), and the whole URL with that host.
 *
 * <p>Parsed by hand rather than with {@code java.net.URI}, which returns no host for names with underscores and
 * rejects characters some stored URLs hold; the preview must show something for every destination.
 *
 * @param url        the destination as stored
 * @param asciiHost  the host in punycode, empty when the URL has none
 * @param displayUrl the URL with its host in punycode
 * @param followable whether the page may offer a link to it (http and https only)
 */
record Destination(String url, String asciiHost, String displayUrl, boolean followable) {

    static Destination of(String url) {
        int schemeEnd = url.indexOf("://");
        if (schemeEnd <= 0) {
            return new Destination(url, "", url, false);
        }
        String scheme = url.substring(0, schemeEnd).toLowerCase(Locale.ROOT);
        int authorityStart = schemeEnd + 3;
        int authorityEnd = authorityStart;
        while (authorityEnd < url.length() && "/?#".indexOf(url.charAt(authorityEnd)) < 0) {
            authorityEnd++;
        }
        String authority = url.substring(authorityStart, authorityEnd);
        int at = authority.lastIndexOf('@');
        String userInfo = authority.substring(0, at + 1);
        String hostAndPort = authority.substring(at + 1);
        int portStart = hostAndPort.startsWith("[")
                ? hostAndPort.indexOf(']') + 1
                : hostAndPort.lastIndexOf(':') >= 0 ? hostAndPort.lastIndexOf(':') : hostAndPort.length();
        if (portStart <= 0) {
            portStart = hostAndPort.length(); // an unclosed '[': show it as it is
        }
        String host = hostAndPort.substring(0, portStart);
        String asciiHost = toAscii(host);
        String displayUrl = url.substring(0, authorityStart)
                + userInfo
                + asciiHost
                + hostAndPort.substring(portStart)
                + url.substring(authorityEnd);
        boolean followable = ("http".equals(scheme) || "https".equals(scheme)) && !asciiHost.isEmpty();
        return new Destination(url, asciiHost, displayUrl, followable);
    }

    private static String toAscii(String host) {
        if (host.isEmpty() || host.startsWith("[")) {
            return host;
        }
        try {
            return IDN.toASCII(host.toLowerCase(Locale.ROOT), IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException notAHostName) {
            return host; // still shown escaped; the page says where the link goes as best it can
        }
    }
}
