package dev.shortener.create.domain.url;

/**
 * Parses and prints IPv6 literals without {@code InetAddress}, whose parser is lenient in places (zone ids,
 * embedded forms) and which resolves names through DNS when handed something that is not a literal.
 */
public final class Ipv6Addresses {

    private Ipv6Addresses() {}

    /** The 16 bytes of an IPv6 literal (no brackets, no zone id), or null when it is not one. */
    public static byte[] parse(String text) {
        if (text.isEmpty() || text.length() > 45) {
            return null;
        }
        int gap = text.indexOf("::");
        if (gap >= 0 && text.indexOf("::", gap + 1) >= 0) {
            return null;
        }
        int[] head = groups(gap < 0 ? text : text.substring(0, gap), gap < 0);
        int[] tail = gap < 0 ? new int[0] : groups(text.substring(gap + 2), true);
        if (head == null || tail == null) {
            return null;
        }
        int total = head.length + tail.length;
        if (gap < 0 ? total != 8 : total > 7) {
            return null;
        }
        byte[] bytes = new byte[16];
        for (int i = 0; i < head.length; i++) {
            put(bytes, i, head[i]);
        }
        for (int i = 0; i < tail.length; i++) {
            put(bytes, 8 - tail.length + i, tail[i]);
        }
        return bytes;
    }

    /** 16-bit groups; the last may be a dotted IPv4 address (two groups) when {@code last} says it ends the literal. */
    private static int[] groups(String part, boolean last) {
        if (part.isEmpty()) {
            return new int[0];
        }
        String[] pieces = part.split(":", -1);
        int dotted = last && pieces[pieces.length - 1].indexOf('.') >= 0 ? 1 : 0;
        int[] groups = new int[pieces.length + dotted];
        for (int i = 0; i < pieces.length - dotted; i++) {
            String piece = pieces[i];
            if (piece.isEmpty() || piece.length() > 4 || !piece.chars().allMatch(ch -> Character.digit(ch, 16) >= 0)) {
                return null;
            }
            groups[i] = Integer.parseInt(piece, 16);
        }
        if (dotted == 1) {
            long v4 = Ipv4Numbers.parseDottedQuad(pieces[pieces.length - 1]);
            if (v4 < 0) {
                return null;
            }
            groups[pieces.length - 1] = (int) (v4 >>> 16);
            groups[pieces.length] = (int) (v4 & 0xFFFF);
        }
        return groups;
    }

    private static void put(byte[] bytes, int group, int value) {
        bytes[2 * group] = (byte) (value >>> 8);
        bytes[2 * group + 1] = (byte) value;
    }

    /** RFC 5952 text: lower case, no leading zeros, the longest run of zero groups as {@code ::}. */
    public static String format(byte[] bytes) {
        if (AddressRanges.isIpv4Mapped(bytes)) {
            return "::ffff:" + Ipv4Numbers.format(AddressRanges.embeddedIpv4(bytes));
        }
        int bestStart = -1;
        int bestLength = 1; // a single zero group is not compressed
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && group(bytes, j) == 0) {
                j++;
            }
            if (j - i > bestLength) {
                bestStart = i;
                bestLength = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                text.append("::");
                i += bestLength - 1;
                continue;
            }
            if (text.length() > 0 && text.charAt(text.length() - 1) != ':') {
                text.append(':');
            }
            text.append(Integer.toHexString(group(bytes, i)));
        }
        return text.toString();
    }

    private static int group(byte[] bytes, int group) {
        return ((bytes[2 * group] & 0xFF) << 8) | (bytes[2 * group + 1] & 0xFF);
    }
}
