package dev.shortener.create.domain.url;

/**
 * IPv4 hosts as browsers read them (the WHATWG URL standard): one to four dot-separated numbers, each decimal,
 * octal (leading {@code 0}) or hex ({@code 0x}), the last filling the remaining bytes. So {@code 2130706433},
 * {@code 0x7f.1} and {@code 0177.0.0.1} all mean 127.0.0.1, and a check that only knows dotted quads lets them
 * through.
 */
public final class Ipv4Numbers {

    private Ipv4Numbers() {}

    /**
     * Whether browsers would parse {@code host} (lower case, no trailing dot) as an IPv4 address: its last label is a
     * decimal or {@code 0x} number. Such a host that does not parse is invalid, not a name.
     */
    static boolean endsInNumber(String host) {
        String last = host.substring(host.lastIndexOf('.') + 1);
        if (last.startsWith("0x")) {
            return last.chars().skip(2).allMatch(c -> Character.digit(c, 16) >= 0);
        }
        return !last.isEmpty() && last.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** The address in {@code host} read the browsers' way, or -1 when it is not a valid IPv4 host. */
    static long parseLenient(String host) {
        String[] parts = host.split("\\.", -1);
        if (parts.length > 4) {
            return -1;
        }
        long address = 0;
        for (int i = 0; i < parts.length; i++) {
            long number = number(parts[i]);
            boolean last = i == parts.length - 1;
            if (number < 0 || (!last && number > 255) || (last && number >= 1L << (8 * (4 - i)))) {
                return -1;
            }
            address = last ? address << (8 * (4 - i)) | number : address << 8 | number;
        }
        return address;
    }

    /** The address in a strict dotted quad ({@code 93.184.216.34}, no leading zeros), or -1. */
    public static long parseDottedQuad(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long address = 0;
        for (String part : parts) {
            if (part.isEmpty()
                    || part.length() > 3
                    || (part.length() > 1 && part.charAt(0) == '0')
                    || !part.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return -1;
            }
            int value = Integer.parseInt(part);
            if (value > 255) {
                return -1;
            }
            address = address << 8 | value;
        }
        return address;
    }

    public static String format(long address) {
        return (address >>> 24 & 0xFF) + "." + (address >>> 16 & 0xFF) + "." + (address >>> 8 & 0xFF) + "."
                + (address & 0xFF);
    }

    private static long number(String part) {
        int radix = 10;
        String digits = part;
        if (part.startsWith("0x")) {
            radix = 16;
            digits = part.substring(2);
        } else if (part.length() > 1 && part.charAt(0) == '0') {
            radix = 8;
            digits = part.substring(1);
        }
        if (part.isEmpty()) {
            return -1;
        }
        if (digits.isEmpty()) {
            return 0;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int digit = Character.digit(digits.charAt(i), radix);
            if (digit < 0) {
                return -1;
            }
            value = value * radix + digit;
            if (value > 0xFFFF_FFFFL) {
                return -1; // larger than any address: stop before the long overflows
            }
        }
        return value;
    }
}
