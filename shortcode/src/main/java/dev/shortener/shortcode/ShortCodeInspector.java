package dev.shortener.shortcode;

import java.time.Instant;

/**
 * Reads a short code back into the time, worker id and sequence it was minted with, for support and debugging.
 * The code's length selects the standard layout, so one inspector reads codes of every length 7 to 11.
 *
 * <p>Any well-formed code decodes: this does not prove a code was ever minted (only the links table knows that).
 */
public final class ShortCodeInspector {

    private static final int MIN_LENGTH = 7;
    private static final int MAX_LENGTH = 11;

    /** One permutation per code length, indexed by length; the secret itself is not kept. */
    private final FeistelPermutation[] permutations = new FeistelPermutation[MAX_LENGTH + 1];

    /** @throws IllegalArgumentException when the secret is shorter than 32 characters */
    public ShortCodeInspector(String secret) {
        for (int length = MIN_LENGTH; length <= MAX_LENGTH; length++) {
            permutations[length] = FeistelPermutation.fromSecret(
                    secret, BitLayout.forCodeLength(length).totalBits());
        }
    }

    /** What a code holds. */
    public record Parts(Instant time, int workerId, int sequence) {}

    /**
     * The parts of {@code code}.
     *
     * @throws IllegalArgumentException when the code has the wrong length, a character outside 0-9, A-Z, a-z, or a
     *                                  value no id of its layout can have
     */
    public Parts inspect(CharSequence code) {
        if (code == null || code.length() < MIN_LENGTH || code.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("Short codes are " + MIN_LENGTH + " to " + MAX_LENGTH
                    + " characters long; got " + (code == null ? "none" : code.length() + " characters"));
        }
        BitLayout layout = BitLayout.forCodeLength(code.length());
        long value = Base62.ofLength(code.length()).decode(code);
        if ((value >>> layout.totalBits()) != 0) {
            throw new IllegalArgumentException("'" + code + "' cannot be a short code: its value is beyond the "
                    + layout.totalBits() + " bits of the " + code.length() + "-character layout");
        }
        long id = permutations[code.length()].inverse(value);
        return new Parts(layout.instantOf(layout.time(id)), layout.worker(id), layout.sequence(id));
    }
}
