package dev.shortener.shortcode;

/**
 * Fixed-length Base62: non-negative longs to codes of exactly {@link #length()} characters of {@link #ALPHABET},
 * most significant digit first and left-padded with {@code '0'}, so that every code of a length has the same size.
 *
 * <p>Instances are immutable and shared ({@link #ofLength}). Encoding and decoding use precomputed tables and no
 * formatting or regular expressions, since they run on every create and every redirect.
 */
public final class Base62 {

    /** Digits, then upper case, then lower case: codes sort like the numbers they encode. */
    public static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    /** 62^11 exceeds {@code Long.MAX_VALUE}: longer codes would not add values a long can hold. */
    public static final int MAX_LENGTH = 11;

    private static final int BASE = 62;
    private static final char[] DIGITS = ALPHABET.toCharArray();
    /** Digit value of each ASCII character, or -1 for characters outside the alphabet. */
    private static final byte[] DIGIT_OF = new byte[128];

    private static final Base62[] BY_LENGTH = new Base62[MAX_LENGTH + 1];

    static {
        java.util.Arrays.fill(DIGIT_OF, (byte) -1);
        for (int digit = 0; digit < BASE; digit++) {
            DIGIT_OF[DIGITS[digit]] = (byte) digit;
        }
        for (int length = 1; length <= MAX_LENGTH; length++) {
            BY_LENGTH[length] = new Base62(length);
        }
    }

    private final int length;
    private final long maxValue;

    private Base62(int length) {
        this.length = length;
        long capacity = 1;
        for (int i = 0; i < length && capacity <= Long.MAX_VALUE / BASE; i++) {
            capacity *= BASE;
        }
        this.maxValue = length < MAX_LENGTH ? capacity - 1 : Long.MAX_VALUE;
    }

    /** The codec for codes of exactly {@code length} characters, 1 to 11. */
    public static Base62 ofLength(int length) {
        if (length < 1 || length > MAX_LENGTH) {
            throw new IllegalArgumentException(
                    "Base62 codes are 1 to " + MAX_LENGTH + " characters long; got " + length);
        }
        return BY_LENGTH[length];
    }

    public int length() {
        return length;
    }

    /** The largest value a code of this length holds: 62^length - 1, or {@code Long.MAX_VALUE} for 11 characters. */
    public long maxValue() {
        return maxValue;
    }

    /** The code of {@code value}, exactly {@link #length()} characters long. */
    public String encode(long value) {
        if (value < 0 || value > maxValue) {
            throw new IllegalArgumentException("Value " + value + " does not fit " + length
                    + " Base62 characters: it must be in [0, " + maxValue + "]");
        }
        char[] code = new char[length];
        for (int i = length - 1; i >= 0; i--) {
            code[i] = DIGITS[(int) (value % BASE)];
            value /= BASE;
        }
        return new String(code);
    }

    /**
     * The value of {@code code}.
     *
     * @throws IllegalArgumentException naming the length, or the first bad character and its position
     */
    public long decode(CharSequence code) {
        long value = valueOrMinusOne(code);
        if (value < 0) {
            throw new IllegalArgumentException(whyInvalid(code));
        }
        return value;
    }

    /** Whether {@link #decode} would accept {@code code}. */
    public boolean isValid(CharSequence code) {
        return valueOrMinusOne(code) >= 0;
    }

    private long valueOrMinusOne(CharSequence code) {
        if (code == null || code.length() != length) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            int digit = c < 128 ? DIGIT_OF[c] : -1;
            // Only 11 characters can overflow a long (62^10 < 2^63 < 62^11).
            if (digit < 0 || (length == MAX_LENGTH && value > (Long.MAX_VALUE - digit) / BASE)) {
                return -1;
            }
            value = value * BASE + digit;
        }
        return value;
    }

    private String whyInvalid(CharSequence code) {
        if (code == null || code.length() != length) {
            return "A code must be " + length + " characters long; got "
                    + (code == null ? "none" : code.length() + " characters");
        }
        for (int i = 0; i < length; i++) {
            char c = code.charAt(i);
            if (c >= 128 || DIGIT_OF[c] < 0) {
                return "Invalid character '" + c + "' (U+" + String.format("%04X", (int) c) + ") at position " + i
                        + ": codes use only 0-9, A-Z and a-z";
            }
        }
        return "Code " + code + " is beyond the largest " + length + "-character value " + encode(maxValue);
    }
}
