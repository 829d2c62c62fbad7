package dev.shortener.create.domain.url;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Percent-encoding for the parts of a URL after the host. The stored URL goes out in a {@code Location} header and
 * into an HTML preview, so it is kept to the characters RFC 3986 allows: everything else (non-ASCII letters,
 * {@code "}, {@code <}, {@code >}, a second {@code #}, ...) is encoded as UTF-8 the way browsers do. Escapes already
 * present are kept as they are; a {@code %} that starts no escape is refused rather than guessed at.
 */
final class PercentEncoding {

    private static final String ALLOWED_PUNCTUATION = "-._~!$&'()*+,;=:@/?";
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private PercentEncoding() {}

    /** Path, query and fragment, from the first {@code /}, {@code ?} or {@code #} after the host. */
    static String encodeAfterHost(String rest) {
        StringBuilder out = new StringBuilder(rest.length() + 16);
        boolean inFragment = false;
        for (int i = 0; i < rest.length(); ) {
            int c = rest.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= rest.length() || !isHex(rest.charAt(i + 1)) || !isHex(rest.charAt(i + 2))) {
                    throw new Rejection(
                            Reason.INVALID_URL,
                            UrlPolicy.FIELD,
                            "The URL has a '%' at position " + i
                                    + " that does not start an escape such as %20; write a literal percent sign as %25.");
                }
                out.append(rest, i, i + 3);
                i += 3;
                continue;
            }
            if (c == '#' && !inFragment) {
                inFragment = true;
                out.append('#');
            } else if (c < 0x80 && (Character.isLetterOrDigit(c) || ALLOWED_PUNCTUATION.indexOf(c) >= 0)) {
                out.append((char) c);
            } else {
                for (byte b : new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8)) {
                    out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
                }
            }
            i += Character.charCount(c);
        }
        return out.toString();
    }

    /** Decodes the escapes in a host ({@code %65xample.com} is {@code example.com} to a browser). */
    static String decodeHost(String host) {
        ByteBuffer bytes = ByteBuffer.allocate(host.length() * 4);
        for (int i = 0; i < host.length(); ) {
            int c = host.codePointAt(i);
            if (c == '%') {
                if (i + 2 >= host.length() || !isHex(host.charAt(i + 1)) || !isHex(host.charAt(i + 2))) {
                    throw invalidHost("has a '%' that does not start an escape");
                }
                bytes.put((byte) Integer.parseInt(host.substring(i + 1, i + 3), 16));
                i += 3;
            } else {
                bytes.put(new String(Character.toChars(c)).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(c);
            }
        }
        bytes.flip();
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(bytes)
                    .toString();
        } catch (CharacterCodingException e) {
            throw invalidHost("has percent-escapes that are not UTF-8");
        }
    }

    private static Rejection invalidHost(String why) {
        return new Rejection(Reason.INVALID_URL, UrlPolicy.FIELD, "The URL's host " + why + ".");
    }

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0 && c < 0x80;
    }
}
