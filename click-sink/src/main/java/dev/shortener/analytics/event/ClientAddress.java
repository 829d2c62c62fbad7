package dev.shortener.analytics.event;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * A viewer's IP address, parsed strictly from its text and never resolved: the only things taken from it are
 * its network prefix and the bytes that feed the visitor hash. Neither this class nor its callers print it.
 *
 * <p>IPv4 is parsed here (four decimal octets). IPv6 goes to {@link InetAddress#getByName} only after checking
 * that the text can only be a literal (hex digits, colons and dots, with a colon): for such text the JDK parses
 * and never asks DNS. An IPv4-mapped IPv6 address ({@code ::ffff:a.b.c.d}) comes back as IPv4.
 */
public final class ClientAddress {

    private final byte[] bytes; // 4 or 16

    private ClientAddress(byte[] bytes) {
        this.bytes = bytes;
    }

    /**
     * Accepts {@code 203.0.113.7}, {@code 2001:db8::1}, {@code [2001:db8::1]:443}, {@code 203.0.113.7:443}
     * (CloudFront-Viewer-Address carries the port) and a zone suffix; anything else is empty.
     */
    public static Optional<ClientAddress> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String s = text.trim();
        if (s.startsWith("[")) { // [v6]:port
            int close = s.indexOf(']');
            if (close < 0) {
                return Optional.empty();
            }
            s = s.substring(1, close);
        }
        int zone = s.indexOf('%');
        if (zone >= 0) {
            s = s.substring(0, zone);
        }
        byte[] v4 = parseIpv4(s);
        if (v4 == null && s.indexOf(':') == s.lastIndexOf(':') && s.indexOf(':') > 0) {
            v4 = parseIpv4(s.substring(0, s.indexOf(':'))); // a.b.c.d:port
        }
        if (v4 != null) {
            return Optional.of(new ClientAddress(v4));
        }
        return parseIpv6(s).map(ClientAddress::new);
    }

    public boolean isIpv4() {
        return bytes.length == 4;
    }

    /** The address as bytes (4 or 16), a canonical form whatever the text looked like. */
    byte[] bytes() {
        return bytes.clone();
    }

    /** IPv4 /24 ({@code 203.0.113.0/24}) or IPv6 /48 ({@code 2001:db8:85a3::/48}): a network, never a host. */
    public String anonymisedPrefix() {
        if (isIpv4()) {
            return (bytes[0] & 0xff) + "." + (bytes[1] & 0xff) + "." + (bytes[2] & 0xff) + ".0/24";
        }
        StringBuilder prefix = new StringBuilder();
        for (int group = 0; group < 3; group++) {
            prefix.append(Integer.toHexString(((bytes[2 * group] & 0xff) << 8) | (bytes[2 * group + 1] & 0xff)))
                    .append(':');
        }
        return prefix.append(":/48").toString();
    }

    /** The address itself is never printed, not even by accident. */
    @Override
    public String toString() {
        return "ClientAddress[" + anonymisedPrefix() + "]";
    }

    private static byte[] parseIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            String part = parts[i];
            if (part.isEmpty() || part.length() > 3 || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return null;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return null;
            }
            out[i] = (byte) value;
        }
        return out;
    }

    private static Optional<byte[]> parseIpv6(String s) {
        boolean literalOnly = s.length() >= 2
                && s.length() <= 45
                && s.indexOf(':') >= 0
                && s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0);
        if (!literalOnly) {
            return Optional.empty(); // might be a host name: never hand it to anything that resolves names
        }
        try {
            // A literal: parsed, not looked up. ::ffff:a.b.c.d comes back as an Inet4Address (4 bytes).
            return Optional.of(InetAddress.getByName(s).getAddress());
        } catch (UnknownHostException notAnAddress) {
            return Optional.empty();
        }
    }
}
