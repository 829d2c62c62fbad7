package dev.shortener.create.domain.url;

/**
 * A URL's host after normalisation.
 *
 * @param kind      a name, an IPv4 or an IPv6 address
 * @param text      as it goes into the URL, without brackets: a lower-case punycode name without a trailing dot, a
 *                  dotted quad, or RFC 5952 IPv6 text
 * @param unicode   a name as people read it (for the homograph check); equal to {@code text} for addresses
 * @param ipv4      the IPv4 address, or -1
 * @param ipv6      the IPv6 address, or null
 * @param canonical false when the address was written in a form browsers accept but people don't recognise
 *                  ({@code 2130706433}, {@code 0x7f.1}, percent-escaped digits)
 */
record Host(Kind kind, String text, String unicode, long ipv4, byte[] ipv6, boolean canonical) {

    enum Kind {
        NAME,
        IPV4,
        IPV6
    }

    static Host name(String ascii, String unicode) {
        return new Host(Kind.NAME, ascii, unicode, -1, null, true);
    }

    static Host ipv4(long address, boolean canonical) {
        String text = Ipv4Numbers.format(address);
        return new Host(Kind.IPV4, text, text, address, null, canonical);
    }

    static Host ipv6(byte[] address) {
        String text = Ipv6Addresses.format(address);
        return new Host(Kind.IPV6, text, text, -1, address.clone(), true);
    }

    boolean isAddress() {
        return kind != Kind.NAME;
    }

    boolean isPublicAddress() {
        return kind == Kind.IPV4 ? AddressRanges.isPublicIpv4(ipv4) : AddressRanges.isPublicIpv6(ipv6);
    }

    String inUrl() {
        return kind == Kind.IPV6 ? "[" + text + "]" : text;
    }
}
