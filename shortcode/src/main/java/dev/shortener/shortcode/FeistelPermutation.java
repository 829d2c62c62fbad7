package dev.shortener.shortcode;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A keyed bijection on {@code [0, 2^bits)}, {@code bits} from 2 to 63: it scrambles ids so that consecutive ids
 * give unrelated codes and nobody without the secret can tell the next code from the last one.
 *
 * <p>It is not what protects links from being found by guessing: any code that exists can be typed in. That
 * protection comes from sparsity (how few of all possible codes are in use), i.e. from the code length.
 *
 * <p>Why it is a bijection: a balanced Feistel network over the even width {@code w} (bits rounded up) maps
 * {@code (L, R)} to {@code (R, L xor F(round, R))}; each round is undone by {@code (L, R) -> (R xor F(round, L), L)}
 * whatever {@code F} is, so the network permutes {@code [0, 2^w)}. For an odd {@code bits}, that domain is twice the
 * range; cycle-walking applies the network again until the value falls back into {@code [0, 2^bits)}. Following a
 * permutation's cycle from a value in range must return to the range (at the latest at the value itself), and the
 * "next value in range along the cycle" map is itself a bijection of the range, undone by walking the cycle
 * backwards (Black and Rogaway, 2002). On average two passes suffice.
 *
 * <p>Round function: SipHash-2-4 of (width, round index, half) under a 128-bit key derived from the secret with
 * HMAC-SHA256 and the label {@value #KEY_LABEL}. Changing the label, the rounds or the round function changes
 * every code: bump the label's version if they ever change.
 */
public final class FeistelPermutation {

    /** Shorter secrets are rejected: the key must not be guessable. */
    public static final int MIN_SECRET_LENGTH = 32;

    static final String KEY_LABEL = "shortcode-permutation-v1";
    /** Comfortably above the 4 that make Feistel a strong pseudorandom permutation (Luby-Rackoff). */
    static final int ROUNDS = 10;

    private final int bits;
    private final int halfBits;
    private final long halfMask;
    private final SipHash roundFunction;

    FeistelPermutation(int bits, SipHash roundFunction) {
        if (bits < 2 || bits > 63) {
            throw new IllegalArgumentException("The permutation works on 2 to 63 bits; got " + bits);
        }
        this.bits = bits;
        this.halfBits = (bits + 1) / 2;
        this.halfMask = (1L << halfBits) - 1;
        this.roundFunction = roundFunction;
    }

    /**
     * The permutation of {@code [0, 2^bits)} keyed by {@code secret}.
     *
     * @throws IllegalArgumentException when the secret is shorter than {@value #MIN_SECRET_LENGTH} characters
     */
    public static FeistelPermutation fromSecret(String secret, int bits) {
        if (secret == null || secret.length() < MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException("The short-code secret (" + ShortCodeSettings.SHORTCODE_SECRET
                    + ") must be at least " + MIN_SECRET_LENGTH + " characters long");
        }
        try {
            Mac hmac = Mac.getInstance("HmacSHA256");
            hmac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] key = hmac.doFinal(KEY_LABEL.getBytes(StandardCharsets.UTF_8));
            return new FeistelPermutation(
                    bits, new SipHash(SipHash.littleEndian(key, 0, 8), SipHash.littleEndian(key, 8, 8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is missing from this JVM", e); // every JDK must provide it
        }
    }

    public int bits() {
        return bits;
    }

    /** The image of {@code value}, in {@code [0, 2^bits)}. */
    public long permute(long value) {
        return cycleWalk(value, true);
    }

    /** The value whose image is {@code image}: {@code inverse(permute(x)) == x}. */
    public long inverse(long image) {
        return cycleWalk(image, false);
    }

    /**
     * Passes through the network ({@code forward}) or back until the value is in {@code [0, 2^bits)} again (after
     * one pass when the width is even). A flag rather than a function: a captured method reference costs an
     * allocation per call wherever the JIT does not inline this method.
     */
    private long cycleWalk(long value, boolean forward) {
        long walked = requireInRange(value);
        do {
            walked = forward ? encryptOnce(walked) : decryptOnce(walked);
        } while ((walked >>> bits) != 0);
        return walked;
    }

    private long encryptOnce(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = 0; round < ROUNDS; round++) {
            long next = left ^ roundValue(round, right);
            left = right;
            right = next;
        }
        return left << halfBits | right;
    }

    private long decryptOnce(long value) {
        long left = value >>> halfBits;
        long right = value & halfMask;
        for (int round = ROUNDS - 1; round >= 0; round--) {
            long previous = right ^ roundValue(round, left);
            right = left;
            left = previous;
        }
        return left << halfBits | right;
    }

    /** Includes the width, so that permutations of different widths under one secret are unrelated. */
    private long roundValue(int round, long half) {
        return roundFunction.hash((long) bits << 8 | round, half) & halfMask;
    }

    private long requireInRange(long value) {
        if ((value >>> bits) != 0) {
            throw new IllegalArgumentException("Value " + value + " is outside [0, 2^" + bits + ")");
        }
        return value;
    }
}
