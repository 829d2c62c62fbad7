package dev.shortener.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentTest {

    private enum Encoding {
        GZIP,
        NDJSON
    }

    @Test
    void blankCountsAsUnset_andValuesAreTrimmed() {
        Environment env = Environment.of(Map.of("A", "  ", "B", " value "));

        assertEquals(Optional.empty(), env.optional("A"));
        assertEquals(Optional.of("value"), env.optional("B"));
        assertEquals(Optional.empty(), env.optional("C"));
    }

    @Test
    void required_namesTheVariableAndWhatItHolds_whenMissing() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> Environment.of(Map.of()).required("LINKS_TABLE", "the table's name"));

        assertEquals("LINKS_TABLE", e.variable());
        assertEquals("LINKS_TABLE is not set: it must hold the table's name.", e.getMessage());
    }

    @Test
    void number_returnsTheDefaultWhenUnset_andRejectsOutOfRangeWithTheRange() {
        Environment env = Environment.of(Map.of("N", "70", "JUNK", "7x"));

        assertEquals(5, env.number("UNSET", 5, 1, 10));
        assertEquals(70, env.integer("N", 5, 1, 100));
        ConfigException outOfRange = assertThrows(ConfigException.class, () -> env.number("N", 5, 1, 10));
        assertEquals("N must be a whole number from 1 to 10, got '70' (unset means 5).", outOfRange.getMessage());
        assertThrows(ConfigException.class, () -> env.number("JUNK", 5, 1, 10));
    }

    @Test
    void durations_areReadInTheirUnit() {
        Environment env = Environment.of(Map.of("MS", "250", "S", "10"));

        assertEquals(Duration.ofMillis(250), env.millis("MS", 1, 0, 1000));
        assertEquals(Duration.ofSeconds(10), env.seconds("S", 1, 0, 60));
    }

    @Test
    void flag_acceptsOnlyTrueOrFalse() {
        Environment env = Environment.of(Map.of("YES", "TRUE", "NO", "false", "MAYBE", "yes"));

        assertTrue(env.flag("YES", false));
        assertFalse(env.flag("NO", true));
        assertTrue(env.flag("UNSET", true));
        ConfigException e = assertThrows(ConfigException.class, () -> env.flag("MAYBE", false));
        assertTrue(e.getMessage().startsWith("MAYBE must be true or false"), e.getMessage());
    }

    @Test
    void choice_readsAnEnumInAnyCase_andListsTheAllowedValues() {
        Environment env = Environment.of(Map.of("E", "ndjson", "BAD", "zip"));

        assertEquals(Encoding.NDJSON, env.choice("E", Encoding.class, Encoding.GZIP));
        assertEquals(Encoding.GZIP, env.choice("UNSET", Encoding.class, Encoding.GZIP));
        ConfigException e = assertThrows(ConfigException.class, () -> env.choice("BAD", Encoding.class, Encoding.GZIP));
        assertEquals("BAD must be one of gzip, ndjson, got 'zip' (unset means gzip).", e.getMessage());
    }

    @Test
    void list_splitsOnCommasAndWhiteSpace() {
        Environment env = Environment.of(Map.of("L", "a.example, b.example  c.example,,"));

        assertEquals(List.of("a.example", "b.example", "c.example"), env.list("L"));
        assertEquals(List.of(), env.list("UNSET"));
    }

    @Test
    void url_needsOneOfTheSchemesAndAHost() {
        Set<String> http = Set.of("http", "https");
        Environment env = Environment.of(Map.of(
                "OK", "http://127.0.0.1:8000", "FTP", "ftp://host", "NOHOST", "http:/x", "BROKEN", "http://a b"));

        assertEquals(Optional.of(URI.create("http://127.0.0.1:8000")), env.url("OK", http, "http://h:1"));
        assertEquals(Optional.empty(), env.url("UNSET", http, "http://h:1"));
        for (String name : List.of("FTP", "NOHOST", "BROKEN")) {
            ConfigException e = assertThrows(ConfigException.class, () -> env.url(name, http, "http://h:1"));
            assertTrue(
                    e.getMessage().startsWith(name + " must be a URL such as http://h:1 (scheme http or https"),
                    e.getMessage());
        }
        assertThrows(ConfigException.class, () -> env.requiredUrl("UNSET", http, "http://h:1"));
    }

    @Test
    void with_overridesTheUnderlyingVariables() {
        Environment env = Environment.of(Map.of("A", "process", "B", "process")).with(Map.of("A", "runner"));

        assertEquals(Optional.of("runner"), env.optional("A"));
        assertEquals(Optional.of("process"), env.optional("B"));
    }

    @Test
    void invalid_namesTheVariable() {
        ConfigException e = Environment.invalid("SHORTCODE_SECRET", "is too short: at least 32 characters.");

        assertEquals("SHORTCODE_SECRET", e.variable());
        assertEquals("SHORTCODE_SECRET is too short: at least 32 characters.", e.getMessage());
    }
}
