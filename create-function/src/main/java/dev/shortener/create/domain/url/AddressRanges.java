package dev.shortener.create.domain.url;

/**
 * Which IP addresses are not public: a link to one leads into the reader's own network (a router's admin page, a
 * cloud metadata endpoint at 169.254.169.254) or nowhere. IPv6 is judged by an allowlist, global unicast
 * 2000::/3, since everything outside it (loopback, link-local, unique-local, multicast, IPv4-compatible, NAT64) is
 * not a place to send people; IPv4-mapped addresses are judged as the IPv4 address they carry.
 */
final class AddressRanges {

    /** {first address, prefix length}: RFC 6890 special-purpose blocks that are not globally reachable. */
    private static final long[][] NON_PUBLIC_IPV4 = {
        {ip(0, 0, 0, 0), 8}, // "this network"
        {ip(10, 0, 0, 0), 8}, // private
        {ip(100, 64, 0, 0), 10}, // carrier-grade NAT
        {ip(127, 0, 0, 0), 8}, // loopback
        {ip(169, 254, 0, 0), 16}, // link-local (cloud metadata lives here)
        {ip(172, 16, 0, 0), 12}, // private
        {ip(192, 0, 0, 0), 24}, // IETF protocol assignments
        {ip(192, 0, 2, 0), 24}, // documentation
        {ip(192, 88, 99, 0), 24}, // 6to4 relay anycast (deprecated)
        {ip(192, 168, 0, 0), 16}, // private
        {ip(198, 18, 0, 0), 15}, // benchmarking
        {ip(198, 51, 100, 0), 24}, // documentation
        {ip(203, 0, 113, 0), 24}, // documentation
        {ip(224, 0, 0, 0), 4}, // multicast
        {ip(240, 0, 0, 0), 4}, // reserved, and the broadcast address
    };

    private AddressRanges() {}

    static boolean isPublicIpv4(long address) {
        for (long[] block : NON_PUBLIC_IPV4) {
            long mask = (0xFFFF_FFFFL << (32 - block[1])) & 0xFFFF_FFFFL;
            if ((address & mask) == block[0]) {
                return false;
            }
        }
        return true;
    }

    static boolean isPublicIpv6(byte[] bytes) {
        if (isIpv4Mapped(bytes)) {
            return isPublicIpv4(embeddedIpv4(bytes));
        }
        int first = bytes[0] & 0xFF;
        int second = bytes[1] & 0xFF;
        int third = bytes[2] & 0xFF;
        int fourth = bytes[3] & 0xFF;
        if ((first & 0xE0) != 0x20) {
            return false; // outside global unicast 2000::/3
        }
        boolean protocolAssignments = first == 0x20 && second == 0x01 && third < 0x02; // 2001::/23 (Teredo...)
        boolean documentation = (first == 0x20 && second == 0x01 && third == 0x0D && fourth == 0xB8) // 2001:db8::/32
                || (first == 0x3F && second == 0xFF && (third & 0xF0) == 0); // 3fff::/20
        boolean sixToFour = first == 0x20 && second == 0x02; // 2002::/16
        return !(protocolAssignments || documentation || sixToFour);
    }

    /** ::ffff:a.b.c.d */
    static boolean isIpv4Mapped(byte[] bytes) {
        for (int i = 0; i < 10; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return (bytes[10] & 0xFF) == 0xFF && (bytes[11] & 0xFF) == 0xFF;
    }

    static long embeddedIpv4(byte[] bytes) {
        return ip(bytes[12] & 0xFF, bytes[13] & 0xFF, bytes[14] & 0xFF, bytes[15] & 0xFF);
    }

    private static long ip(int a, int b, int c, int d) {
        return ((long) a << 24) | (b << 16) | (c << 8) | d;
    }
}
