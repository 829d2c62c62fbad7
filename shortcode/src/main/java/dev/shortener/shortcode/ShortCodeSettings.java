package dev.shortener.shortcode;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import java.time.InstantSource;

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
     * Reads {@value #SHORTCODE_SECRET} and {@value #SHORTCODE_LENGTH}.
     *
     * @throws ConfigException naming the variable that is missing or malformed
     */
    public static ShortCodeSettings fromEnvironment(Environment env) {
        BitLayout layout = BitLayout.forCodeLength(env.integer(SHORTCODE_LENGTH, DEFAULT_LENGTH, 7, 11));
        return new ShortCodeSettings(layout, FeistelPermutation.fromSecret(secretFrom(env), layout.totalBits()));
    }

    /** The secret from {@value #SHORTCODE_SECRET}, checked to be at least 32 characters long. */
    public static String secretFrom(Environment env) {
        String secret = env.required(
                SHORTCODE_SECRET, "a secret of at least " + FeistelPermutation.MIN_SECRET_LENGTH + " characters");
        if (secret.length() < FeistelPermutation.MIN_SECRET_LENGTH) {
            throw Environment.invalid(
                    SHORTCODE_SECRET,
                    "is too short: it must be at least " + FeistelPermutation.MIN_SECRET_LENGTH
                            + " characters long, got " + secret.length() + ".");
        }
        return secret;
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
