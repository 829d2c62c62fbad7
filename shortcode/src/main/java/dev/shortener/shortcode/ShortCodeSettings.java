package dev.shortener.shortcode;

import java.time.InstantSource;
import java.util.Map;

/**
 * The short-code configuration a function reads from its environment, checked at once so that a bad deployment
 * fails at start-up naming the variable instead of minting wrong codes later.
 *
 * <p>Holds what the secret keys (the permutation), never the secret itself, so it is safe to log.
 */
public final class ShortCodeSettings {

    /** The secret keying the permutation: at least 32 characters. Changing it changes every future code. */
    public static final String SHORTCODE_SECRET = "SHORTCODE_SECRET";
    /** Code length, 7 to 11; 7 when unset. */
    public static final String SHORTCODE_LENGTH = "SHORTCODE_LENGTH";

    public static final int DEFAULT_LENGTH = 7;

    private final BitLayout layout;
    private final FeistelPermutation permutation;

    private ShortCodeSettings(BitLayout layout, FeistelPermutation permutation) {
        this.layout = layout;
        this.permutation = permutation;
    }

    /**
     * Reads {@value #SHORTCODE_SECRET} and {@value #SHORTCODE_LENGTH} from {@code env} (e.g. {@code System.getenv()}).
     *
     * @throws IllegalArgumentException naming the variable that is missing or malformed
     */
    public static ShortCodeSettings fromEnvironment(Map<String, String> env) {
        BitLayout layout = BitLayout.forCodeLength(codeLengthFrom(env));
        return new ShortCodeSettings(layout, FeistelPermutation.fromSecret(secretFrom(env), layout.totalBits()));
    }

    /** The secret from {@value #SHORTCODE_SECRET}, checked to be at least 32 characters long. */
    public static String secretFrom(Map<String, String> env) {
        String secret = env.get(SHORTCODE_SECRET);
        if (secret == null || secret.isBlank()) {
            throw new IllegalArgumentException(SHORTCODE_SECRET + " is not set: it must hold a secret of at least "
                    + FeistelPermutation.MIN_SECRET_LENGTH + " characters");
        }
        if (secret.length() < FeistelPermutation.MIN_SECRET_LENGTH) {
            throw new IllegalArgumentException(SHORTCODE_SECRET + " is too short: it must be at least "
                    + FeistelPermutation.MIN_SECRET_LENGTH + " characters long, got " + secret.length());
        }
        return secret;
    }

    private static int codeLengthFrom(Map<String, String> env) {
        String value = env.get(SHORTCODE_LENGTH);
        if (value == null || value.isBlank()) {
            return DEFAULT_LENGTH;
        }
        try {
            int length = Integer.parseInt(value.strip());
            if (length >= 7 && length <= 11) {
                return length;
            }
        } catch (NumberFormatException e) {
            // reported below, with the variable's name
        }
        throw new IllegalArgumentException(
                SHORTCODE_LENGTH + " must be a whole number from 7 to 11; got '" + value + "'");
    }

    public int codeLength() {
        return layout.codeLength();
    }

    public BitLayout layout() {
        return layout;
    }

    public FeistelPermutation permutation() {
        return permutation;
    }

    public Base62 base62() {
        return Base62.ofLength(layout.codeLength());
    }

    /** A minter with the default lease timings. Acquires nothing yet: safe to call before a SnapStart snapshot. */
    public ShortCodeMinter newMinter(InstantSource clock, WorkerLeases leases) {
        return new ShortCodeMinter(layout, permutation, base62(), clock, leases);
    }

    @Override
    public String toString() {
        return "ShortCodeSettings[" + layout + "]";
    }
}
