package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.Environment;
import dev.shortener.testsupport.TestClock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortCodeInspectorTest {

    private static final String SECRET = ShortCodeMinterTest.SECRET;

    private final ShortCodeInspector inspector = new ShortCodeInspector(SECRET);

    @ParameterizedTest
    @ValueSource(ints = {7, 8, 9, 10, 11})
    void inspect_givesBackTheTimeWorkerAndSequenceOfAMintedCode(int length) {
        ShortCodeSettings settings = ShortCodeSettings.fromEnvironment(Environment.of(
                Map.of(ShortCodeSettings.SHORTCODE_SECRET, SECRET, ShortCodeSettings.SHORTCODE_LENGTH, "" + length)));
        ShortCodeMinter minter =
                settings.newMinter(TestClock.fixedAt(ShortCodeMinterTest.START), new InMemoryWorkerLeases());
        minter.mint();
        String code = minter.mint();

        ShortCodeInspector.Parts parts = inspector.inspect(code);

        assertEquals(length, code.length());
        assertEquals(new ShortCodeInspector.Parts(ShortCodeMinterTest.START, 0, 1), parts);
    }

    @Test
    void inspect_rejectsTheWrongLength() {
        var error = assertThrows(IllegalArgumentException.class, () -> inspector.inspect("abc"));

        assertEquals("Short codes are 7 to 11 characters long; got 3 characters", error.getMessage());
    }

    @Test
    void inspect_rejectsCharactersOutsideTheAlphabet() {
        var error = assertThrows(IllegalArgumentException.class, () -> inspector.inspect("abc+def"));

        assertTrue(error.getMessage().contains("'+' (U+002B) at position 3"), error.getMessage());
    }

    @Test
    void inspect_rejectsACodeBeyondTheLayoutsBits() {
        var error = assertThrows(IllegalArgumentException.class, () -> inspector.inspect("zzzzzzz"));

        assertTrue(error.getMessage().contains("beyond the 41 bits"), error.getMessage());
    }

    @Test
    void constructor_rejectsAShortSecret() {
        var error = assertThrows(IllegalArgumentException.class, () -> new ShortCodeInspector("short"));

        assertTrue(error.getMessage().contains("SHORTCODE_SECRET"), error.getMessage());
    }
}
