package dev.shortener.deploycheck.options;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.deploycheck.checks.CheckName;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Environment KEY = Environment.of(Map.of("SHORTENER_API_KEY", "shk_from-the-environment"));

    private static Settings parse(Environment env, String... argv) {
        return Settings.from(CommandLine.parse(argv), env);
    }

    private static ConfigException refused(String... argv) {
        return assertThrows(ConfigException.class, () -> parse(KEY, argv));
    }

    @Test
    void defaults_andTheKeyFromTheEnvironment() {
        Settings settings = parse(KEY, "--short-url", "https://sho.rt");

        assertEquals(Optional.of(URI.create("https://sho.rt")), settings.shortUrl());
        assertEquals("shk_from-the-environment", settings.apiKey());
        assertEquals(Duration.ofSeconds(330), settings.athenaWait());
        assertEquals("clicks", settings.athenaTable());
        assertEquals(200, settings.rateLimitBound());
        assertTrue(settings.edgeCacheSeconds().isEmpty());
        assertFalse(settings.toString().contains("shk_"), "the key stays out of any printed settings");
    }

    @Test
    void explicitValues_andEqualsSyntax_andSkips() {
        Settings settings = parse(
                Environment.of(Map.of()),
                "--stack=url-shortener",
                "--api-key",
                "shk_given",
                "--athena-wait",
                "0",
                "--edge-cache-seconds",
                "5",
                "--skip",
                "gone-edge-cached,rate-limited");

        assertEquals(Optional.of("url-shortener"), settings.stack());
        assertEquals("shk_given", settings.apiKey());
        assertEquals(Duration.ZERO, settings.athenaWait());
        assertEquals(5, settings.edgeCacheSeconds().getAsInt());
        assertEquals(Set.of(CheckName.GONE_EDGE_CACHED, CheckName.RATE_LIMITED), settings.skipped());
    }

    @Test
    void badOptions_failNamingTheOption_andWhatItMustHold() {
        assertEquals(
                "--athena-wait must be a whole number from 0 to 3600, got 'soon' (unset means 330).",
                refused("--short-url", "https://sho.rt", "--athena-wait", "soon")
                        .getMessage());
        assertEquals(
                "Unknown option '--athena-wiat'; run with --help for the list.",
                refused("--short-url", "https://sho.rt", "--athena-wiat", "5").getMessage());
        assertEquals(
                "--stack needs a value, e.g. --stack url-shortener.",
                refused("--stack", "--region", "eu-west-1").getMessage());
        assertEquals(
                "--stack is given twice; give it once.",
                refused("--stack", "a", "--stack", "b").getMessage());
        assertTrue(refused("--short-url", "sho.rt").getMessage().startsWith("--short-url must be a URL such as"));
        assertTrue(refused("--short-url", "https://sho.rt", "--skip", "everything")
                .getMessage()
                .startsWith("--skip names checks, one of create-link, "));
        assertTrue(refused("--short-url", "https://sho.rt", "--athena-database", "x; DROP")
                .getMessage()
                .startsWith("--athena-database must match"));
        assertTrue(refused("--region", "eu-west-1").getMessage().startsWith("Say what to check: --stack NAME"));
    }

    @Test
    void noApiKey_anywhere_says_whereToPutIt() {
        ConfigException missing = assertThrows(
                ConfigException.class, () -> parse(Environment.of(Map.of()), "--short-url", "https://sho.rt"));

        assertEquals("SHORTENER_API_KEY", missing.variable());
        assertTrue(missing.getMessage().startsWith("No API key: set SHORTENER_API_KEY (or give --api-key)"));
    }
}
