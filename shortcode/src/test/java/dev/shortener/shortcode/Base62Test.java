package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class Base62Test {

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11})
    void encodeThenDecode_returnsTheValue_forRandomValuesAndTheEdges(int length) {
        Base62 base62 = Base62.ofLength(length);
        SplittableRandom random = new SplittableRandom(length);

        for (int i = 0; i < 20_000; i++) {
            long value = random.nextLong(base62.maxValue()) + (i & 1); // reaches maxValue too
            String code = base62.encode(value);

            assertEquals(length, code.length());
            assertEquals(value, base62.decode(code));
        }
        assertEquals("0".repeat(length), base62.encode(0));
        assertEquals(0, base62.decode("0".repeat(length)));
        assertEquals(base62.maxValue(), base62.decode(base62.encode(base62.maxValue())));
    }

    @Test
    void maxValue_is62ToTheLengthMinusOne_orLongMaxFor11Characters() {
        assertEquals(61, Base62.ofLength(1).maxValue());
        assertEquals(3_521_614_606_207L, Base62.ofLength(7).maxValue());
        assertEquals(839_299_365_868_340_223L, Base62.ofLength(10).maxValue());
        assertEquals(Long.MAX_VALUE, Base62.ofLength(11).maxValue());
        assertEquals("zzzzzzz", Base62.ofLength(7).encode(Base62.ofLength(7).maxValue()));
    }

    @Test
    void encode_padsWithZerosAndUsesDigitsThenUpperThenLowerCase() {
        Base62 base62 = Base62.ofLength(7);

        assertEquals("0000001", base62.encode(1));
        assertEquals("000000A", base62.encode(10));
        assertEquals("000000a", base62.encode(36));
        assertEquals("0000010", base62.encode(62));
    }

    @Test
    void encode_rejectsNegativeValuesAndValuesThatDoNotFit() {
        Base62 base62 = Base62.ofLength(7);

        assertThrows(IllegalArgumentException.class, () -> base62.encode(-1));
        var error = assertThrows(IllegalArgumentException.class, () -> base62.encode(base62.maxValue() + 1));
        assertTrue(error.getMessage().contains("does not fit 7 Base62 characters"), error.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Base62.ofLength(11).encode(Long.MIN_VALUE));
    }

    @Test
    void decode_rejectsCharactersOutsideTheAlphabet() {
        Base62 base62 = Base62.ofLength(7);

        var dash = assertThrows(IllegalArgumentException.class, () -> base62.decode("abc-def"));
        var accent = assertThrows(IllegalArgumentException.class, () -> base62.decode("abcdeé0"));

        assertEquals(
                "Invalid character '-' (U+002D) at position 3: codes use only 0-9, A-Z and a-z", dash.getMessage());
        assertTrue(accent.getMessage().contains("'é' (U+00E9) at position 5"), accent.getMessage());
        assertFalse(base62.isValid("abc def"));
        assertFalse(base62.isValid("abc_def"));
    }

    @Test
    void decode_rejectsTheWrongLength() {
        Base62 base62 = Base62.ofLength(7);

        var tooShort = assertThrows(IllegalArgumentException.class, () -> base62.decode("abcdef"));
        var tooLong = assertThrows(IllegalArgumentException.class, () -> base62.decode("abcdefgh"));

        assertEquals("A code must be 7 characters long; got 6 characters", tooShort.getMessage());
        assertTrue(tooLong.getMessage().contains("got 8 characters"), tooLong.getMessage());
        assertThrows(IllegalArgumentException.class, () -> base62.decode(null));
        assertFalse(base62.isValid(""));
        assertFalse(base62.isValid(null));
    }

    @Test
    void decode_rejects11CharacterCodesBeyondTheLargestLong() {
        Base62 base62 = Base62.ofLength(11);

        var error = assertThrows(IllegalArgumentException.class, () -> base62.decode("zzzzzzzzzzz"));

        assertTrue(error.getMessage().contains("beyond the largest 11-character value"), error.getMessage());
        assertFalse(base62.isValid("zzzzzzzzzzz"));
        assertTrue(base62.isValid(base62.encode(Long.MAX_VALUE)));
    }

    @Test
    void isValid_acceptsEveryCodeItEncodes() {
        Base62 base62 = Base62.ofLength(9);

        assertTrue(base62.isValid(base62.encode(123_456_789L)));
        assertTrue(base62.isValid(new StringBuilder("0aZ9zA000")));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 12, -1})
    void ofLength_rejectsLengthsOutside1To11(int length) {
        var error = assertThrows(IllegalArgumentException.class, () -> Base62.ofLength(length));

        assertEquals("Base62 codes are 1 to 11 characters long; got " + length, error.getMessage());
    }
}
