package dev.shortener.create.domain.url;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.net.IDN;
import java.util.Locale;

/**
 * Turns the host of a URL into the form it is stored and compared in, reading it the way browsers do. Written by
 * hand because {@code java.net.URI} has two traps here: a name with an underscore gives a null {@code getHost()}
 * (such names exist in DNS and browsers follow them), and it never converts internationalised names, so
 * {@code exämple.com} and {@code xn--exmple-cua.com} would be two different hosts to every check.
 *
 * <p>Names go through {@link IDN#toASCII} (IDNA 2003: it also maps full-width dots and case) and are checked label
 * by label; hosts that end in a number are read as IPv4 addresses, as browsers read them. Code points unassigned in
 * IDNA 2003's Unicode 3.2 are allowed ({@link IDN#ALLOW_UNASSIGNED}): without it, Java refuses letters added since
 * 2002 that browsers accept, such as the Cyrillic palochka of the {@code аррӏе.com} homograph, and the homograph
 * check would never see them. One known difference from browsers (UTS #46): IDNA 2003 maps {@code ß} to {@code ss}.
 */
final class HostNormaliser {

    private static final int MAX_NAME_LENGTH = 253;
    private static final int MAX_LABEL_LENGTH = 63;

    private HostNormaliser() {}

    /** @param raw the host as written, brackets included for IPv6 */
    static Host normalise(String raw) {
        if (raw.isEmpty()) {
            throw invalid("The URL has no host; write it as https://example.com/...");
        }
        if (raw.charAt(0) == '[') {
            byte[] address = raw.endsWith("]") ? Ipv6Addresses.parse(raw.substring(1, raw.length() - 1)) : null;
            if (address == null) {
                throw invalid("The URL's host " + quoted(raw) + " is not a valid IPv6 address.");
            }
            return Host.ipv6(address);
        }
        String decoded = raw.indexOf('%') >= 0 ? PercentEncoding.decodeHost(raw) : raw;
        String ascii;
        try {
            ascii = IDN.toASCII(decoded, IDN.ALLOW_UNASSIGNED).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid("The URL's host " + quoted(raw) + " is not a valid domain name.");
        }
        String bare = ascii.endsWith(".") ? ascii.substring(0, ascii.length() - 1) : ascii;
        if (bare.isEmpty()) {
            throw invalid("The URL has no host; write it as https://example.com/...");
        }
        if (Ipv4Numbers.endsInNumber(bare)) {
            long address = Ipv4Numbers.parseLenient(bare);
            if (address < 0) {
                throw invalid("The URL's host " + quoted(raw) + " ends in a number but is not an IPv4 address.");
            }
            return Host.ipv4(address, Ipv4Numbers.format(address).equals(raw));
        }
        requireValidLabels(raw, bare);
        return Host.name(bare, IDN.toUnicode(bare, IDN.ALLOW_UNASSIGNED));
    }

    private static void requireValidLabels(String raw, String bare) {
        if (bare.length() > MAX_NAME_LENGTH) {
            throw invalid("The URL's host is longer than " + MAX_NAME_LENGTH + " characters.");
        }
        for (String label : bare.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > MAX_LABEL_LENGTH) {
                throw invalid("The URL's host " + quoted(raw) + " has an empty label or one longer than "
                        + MAX_LABEL_LENGTH + " characters.");
            }
            // Underscores are allowed: they occur in real DNS names and browsers follow them.
            if (!label.chars()
                    .allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) {
                throw invalid("The URL's host " + quoted(raw) + " contains characters a domain name cannot have.");
            }
            if (label.startsWith("xn--")
                    && IDN.toUnicode(label, IDN.ALLOW_UNASSIGNED).equals(label)) {
                throw invalid("The URL's host " + quoted(raw) + " has a label that is not valid punycode.");
            }
        }
    }

    /** Quotes a host for a detail message, cut short so a hostile host can't make the response huge. */
    static String quoted(String host) {
        return "'" + (host.length() > 80 ? host.substring(0, 80) + "..." : host) + "'";
    }

    private static Rejection invalid(String detail) {
        return new Rejection(Reason.INVALID_URL, UrlPolicy.FIELD, detail);
    }
}
