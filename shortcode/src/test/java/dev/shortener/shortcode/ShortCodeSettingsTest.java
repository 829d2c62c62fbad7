package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ShortCodeSettingsTest {

    private static final String SECRET = ShortCodeMinterTest.SECRET;

    @Test
    void fromEnvironment_defaultsTo7Characters() {
        ShortCodeSettings settings =
                ShortCodeSettings.fromEnvironment(Environment.of(Map.of("SHORTCODE_SECRET", SECRET)));

        assertEquals(7, settings.codeLength());
        assertEquals(
                BitLayout.forCodeLength(7).totalBits(), settings.permutation().bits());
        assertEquals(7, settings.base62().length());
    }

    @Test
    void fromEnvironment_readsTheCodeLength() {
        ShortCodeSettings settings = ShortCodeSettings.fromEnvironment(
                Environment.of(Map.of("SHORTCODE_SECRET", SECRET, "SHORTCODE_LENGTH", " 9 ")));

        assertEquals(9, settings.codeLength());
        assertEquals(53, settings.layout().totalBits());
    }

    @ParameterizedTest
    @ValueSource(strings = {"6", "12", "seven", "7.5"})
    void fromEnvironment_rejectsAMalformedLength_namingTheVariable(String length) {
        var error = assertThrows(
                ConfigException.class,
                () -> ShortCodeSettings.fromEnvironment(
                        Environment.of(Map.of("SHORTCODE_SECRET", SECRET, "SHORTCODE_LENGTH", length))));

        assertEquals(
                "SHORTCODE_LENGTH must be a whole number from 7 to 11, got '" + length + "' (unset means 7).",
                error.getMessage());
    }

    @Test
    void fromEnvironment_rejectsAMissingSecret_namingTheVariable() {
        var error =
                assertThrows(ConfigException.class, () -> ShortCodeSettings.fromEnvironment(Environment.of(Map.of())));

        assertTrue(error.getMessage().startsWith("SHORTCODE_SECRET is not set"), error.getMessage());
    }

    @Test
    void fromEnvironment_rejectsASecretShorterThan32Characters() {
        var error = assertThrows(
                ConfigException.class,
                () -> ShortCodeSettings.fromEnvironment(Environment.of(Map.of("SHORTCODE_SECRET", "x".repeat(31)))));

        assertEquals(
                "SHORTCODE_SECRET is too short: it must be at least 32 characters long, got 31.", error.getMessage());
    }

    @Test
    void toString_doesNotRevealTheSecret() {
        ShortCodeSettings settings =
                ShortCodeSettings.fromEnvironment(Environment.of(Map.of("SHORTCODE_SECRET", SECRET)));

        assertFalse(settings.toString().contains(SECRET));
    }
}
