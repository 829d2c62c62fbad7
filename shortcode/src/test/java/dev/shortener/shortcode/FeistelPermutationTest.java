package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FeistelPermutationTest {

    static final String SECRET = "test-secret-that-is-long-enough-0123456789";

    @ParameterizedTest
    @ValueSource(ints = {2, 3, 12, 13, 16})
    void permute_isABijectionOnTheWholeRange(int bits) {
        FeistelPermutation permutation = FeistelPermutation.fromSecret(SECRET, bits);
        int size = 1 << bits;
        BitSet seen = new BitSet(size);

        for (long value = 0; value < size; value++) {
            long image = permutation.permute(value);

            assertTrue(image >= 0 && image < size, "in range");
            assertFalse(seen.get((int) image), "distinct");
            seen.set((int) image);
            assertEquals(value, permutation.inverse(image));
        }
        assertEquals(size, seen.cardinality());
    }

    @ParameterizedTest
    @ValueSource(ints = {41, 47, 53, 59, 63})
    void inverse_undoesPermute_forRandomValuesAndTheEdges(int bits) {
        FeistelPermutation permutation = FeistelPermutation.fromSecret(SECRET, bits);
        SplittableRandom random = new SplittableRandom(bits);
        long largest = -1L >>> (64 - bits);

        for (int i = 0; i < 20_000; i++) {
            long value = i == 0 ? 0 : i == 1 ? largest : random.nextLong() >>> (64 - bits);
            long image = permutation.permute(value);

            assertEquals(0, image >>> bits, "in range");
            assertEquals(value, permutation.inverse(image));
        }
    }

    @Test
    void permute_scramblesNeighbours() {
        FeistelPermutation permutation = FeistelPermutation.fromSecret(SECRET, 41);
        int adjacentImages = 0;

        for (long value = 0; value < 1_000; value++) {
            if (Math.abs(permutation.permute(value) - permutation.permute(value + 1)) < 1_000_000) {
                adjacentImages++;
            }
        }

        assertTrue(adjacentImages < 5, "consecutive values must not map to nearby values: " + adjacentImages);
    }

    @Test
    void differentSecrets_giveDifferentPermutations() {
        FeistelPermutation one = FeistelPermutation.fromSecret(SECRET, 41);
        FeistelPermutation other = FeistelPermutation.fromSecret(SECRET + "!", 41);
        int same = 0;

        for (long value = 0; value < 1_000; value++) {
            if (one.permute(value) == other.permute(value)) {
                same++;
            }
        }

        assertEquals(0, same);
    }

    @Test
    void sameSecret_givesTheSamePermutation() {
        FeistelPermutation one = FeistelPermutation.fromSecret(SECRET, 41);
        FeistelPermutation again = FeistelPermutation.fromSecret(SECRET, 41);

        assertEquals(one.permute(123_456_789L), again.permute(123_456_789L));
    }

    @Test
    void fromSecret_rejectsASecretShorterThan32CharactersNamingTheVariable() {
        var error =
                assertThrows(IllegalArgumentException.class, () -> FeistelPermutation.fromSecret("x".repeat(31), 41));

        assertTrue(error.getMessage().contains("SHORTCODE_SECRET"), error.getMessage());
        assertTrue(error.getMessage().contains("at least 32 characters"), error.getMessage());
    }

    @Test
    void permuteAndInverse_rejectValuesOutOfRangeAndWidthsOutside2To63() {
        FeistelPermutation permutation = FeistelPermutation.fromSecret(SECRET, 41);

        assertThrows(IllegalArgumentException.class, () -> permutation.permute(1L << 41));
        assertThrows(IllegalArgumentException.class, () -> permutation.inverse(-1));
        assertThrows(IllegalArgumentException.class, () -> FeistelPermutation.fromSecret(SECRET, 1));
        assertThrows(IllegalArgumentException.class, () -> FeistelPermutation.fromSecret(SECRET, 64));
    }
}
