package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(
            RedirectConfig.LINKS_TABLE, "links",
            RedirectConfig.REDIS_URL, "rediss://cache.example.com:6379");

    @Test
    void missingLinksTable_failsFast_namingTheVariable() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> RedirectConfig.from(Map.of(RedirectConfig.REDIS_URL, "redis://127.0.0.1:6379")::get));

        assertTrue(e.getMessage().startsWith("LINKS_TABLE is not set"), e.getMessage());
    }

    @Test
    void lambdasConstructor_failsAtInit_whenLinksTableIsMissing() {
        assumeTrue(System.getenv(RedirectConfig.LINKS_TABLE) == null, "LINKS_TABLE is set in this environment");

        ConfigException e = assertThrows(ConfigException.class, RedirectHandler::new);

        assertTrue(e.getMessage().contains("LINKS_TABLE"), e.getMessage());
    }

    @Test
    void missingOrMalformedRedisUrl_namesTheVariable() {
        ConfigException missing = assertThrows(
                ConfigException.class, () -> RedirectConfig.from(Map.of(RedirectConfig.LINKS_TABLE, "links")::get));
        ConfigException wrongScheme = assertThrows(
                ConfigException.class,
                () -> RedirectConfig.from(with(RedirectConfig.REDIS_URL, "http://cache:6379")::get));

        assertTrue(missing.getMessage().startsWith("REDIS_URL"), missing.getMessage());
        assertTrue(wrongScheme.getMessage().startsWith("REDIS_URL"), wrongScheme.getMessage());
    }

    @Test
    void malformedOrOutOfRangeNumbers_nameTheVariableAndTheRange() {
        ConfigException word = assertThrows(
                ConfigException.class,
                () -> RedirectConfig.from(with(RedirectConfig.EDGE_CACHE_SECONDS, "sixty")::get));
        ConfigException zero = assertThrows(
                ConfigException.class,
                () -> RedirectConfig.from(with(RedirectConfig.NEGATIVE_CACHE_SECONDS, "0")::get));

        assertEquals(
                "EDGE_CACHE_SECONDS must be a whole number from 0 to 86400, got 'sixty' (unset means 60).",
                word.getMessage());
        assertTrue(zero.getMessage().startsWith("NEGATIVE_CACHE_SECONDS"), zero.getMessage());
    }

    @Test
    void unsetOrBlankVariables_takeTheirDefaults() {
        RedirectConfig config = RedirectConfig.from(with(RedirectConfig.EDGE_CACHE_SECONDS, " ")::get);

        assertEquals("links", config.linksTable());
        assertEquals(URI.create("rediss://cache.example.com:6379"), config.redisUrl());
        assertNull(config.dynamoDbEndpoint());
        assertEquals(60, config.edgeCacheSeconds());
        assertEquals(10, config.errorEdgeCacheSeconds());
        assertEquals(86_400, config.linkCacheSeconds());
        assertEquals(60, config.negativeCacheSeconds());
        assertEquals(Duration.ofMillis(100), config.redisConnectTimeout());
        assertEquals(Duration.ofMillis(250), config.redisCommandTimeout());
        assertEquals(3, config.breakerFailures());
        assertEquals(Duration.ofSeconds(10), config.breakerOpenFor());
        assertEquals(Duration.ofMillis(20), config.clickBudget());
    }

    @Test
    void dynamoDbEndpoint_mustBeAnHttpUrl() {
        ConfigException e = assertThrows(
                ConfigException.class,
                () -> RedirectConfig.from(with(RedirectConfig.DYNAMODB_ENDPOINT, "localhost:8000")::get));

        assertTrue(e.getMessage().startsWith("DYNAMODB_ENDPOINT"), e.getMessage());
        assertEquals(
                URI.create("http://127.0.0.1:8000"),
                RedirectConfig.from(with(RedirectConfig.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000")::get)
                        .dynamoDbEndpoint());
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(name, value);
        return env;
    }
}
