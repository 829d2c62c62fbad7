package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSettings;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RedirectConfigTest {

    private static final Map<String, String> MINIMAL = Map.of(
            LinksTableSettings.LINKS_TABLE, "links",
            RedisSettings.REDIS_URL, "rediss://cache.example.com:6379");

    @Test
    void missingLinksTable_failsFast_namingTheVariable() {
        ConfigException e = assertThrows(
                ConfigException.class, () -> read(Map.of(RedisSettings.REDIS_URL, "redis://127.0.0.1:6379")));

        assertTrue(e.getMessage().startsWith("LINKS_TABLE is not set"), e.getMessage());
    }

    @Test
    void lambdasConstructor_failsAtInit_whenLinksTableIsMissing() {
        assumeTrue(System.getenv(LinksTableSettings.LINKS_TABLE) == null, "LINKS_TABLE is set in this environment");

        ConfigException e = assertThrows(ConfigException.class, RedirectHandler::new);

        assertTrue(e.getMessage().contains("LINKS_TABLE"), e.getMessage());
    }

    @Test
    void missingOrMalformedRedisUrl_namesTheVariable() {
        ConfigException missing =
                assertThrows(ConfigException.class, () -> read(Map.of(LinksTableSettings.LINKS_TABLE, "links")));
        ConfigException wrongScheme = rejected(RedisSettings.REDIS_URL, "http://cache:6379");

        assertTrue(missing.getMessage().startsWith("REDIS_URL"), missing.getMessage());
        assertTrue(wrongScheme.getMessage().startsWith("REDIS_URL"), wrongScheme.getMessage());
    }

    @Test
    void malformedOrOutOfRangeNumbers_nameTheVariableAndTheRange() {
        ConfigException word = rejected(RedirectConfig.EDGE_CACHE_SECONDS, "sixty");
        ConfigException zero = rejected(RedirectConfig.NEGATIVE_CACHE_SECONDS, "0");

        assertEquals(
                "EDGE_CACHE_SECONDS must be a whole number from 0 to 86400, got 'sixty' (unset means 60).",
                word.getMessage());
        assertEquals(RedirectConfig.EDGE_CACHE_SECONDS, word.variable());
        assertTrue(zero.getMessage().startsWith("NEGATIVE_CACHE_SECONDS"), zero.getMessage());
    }

    @Test
    void unsetOrBlankVariables_takeTheirDefaults() {
        RedirectConfig config = read(with(RedirectConfig.EDGE_CACHE_SECONDS, " "));

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
        assertEquals(2048, config.maxRedirectUrlLength());
        assertNull(config.rootRedirectUrl(), "no ROOT_REDIRECT_URL: / answers the page");
    }

    @Test
    void rootRedirectUrl_mustBeAnHttpUrlWithAHostAndNoUserInfo_namingTheVariable() {
        for (String bad :
                new String[] {"www.example.com", "ftp://example.com/", "https://", "https://user@example.com/"}) {
            ConfigException e = rejected(RedirectConfig.ROOT_REDIRECT_URL, bad);

            assertEquals(RedirectConfig.ROOT_REDIRECT_URL, e.variable(), bad);
            assertTrue(e.getMessage().startsWith("ROOT_REDIRECT_URL"), e.getMessage());
        }
        assertEquals(
                URI.create("https://www.example.com/about?from=short"),
                read(with(RedirectConfig.ROOT_REDIRECT_URL, "https://www.example.com/about?from=short"))
                        .rootRedirectUrl());
    }

    @Test
    void maxRedirectUrlLength_isHeldToTheUrlPolicysRange() {
        ConfigException tooShort = rejected(RedirectConfig.MAX_REDIRECT_URL_LENGTH, "31");
        ConfigException beyondCloudFront = rejected(RedirectConfig.MAX_REDIRECT_URL_LENGTH, "8193");

        assertEquals(RedirectConfig.MAX_REDIRECT_URL_LENGTH, tooShort.variable());
        assertEquals(RedirectConfig.MAX_REDIRECT_URL_LENGTH, beyondCloudFront.variable());
        assertEquals(
                8192, read(with(RedirectConfig.MAX_REDIRECT_URL_LENGTH, "8192")).maxRedirectUrlLength());
    }

    @Test
    void dynamoDbEndpoint_mustBeAnHttpUrl() {
        ConfigException e = rejected(LinksTableSettings.DYNAMODB_ENDPOINT, "localhost:8000");

        assertTrue(e.getMessage().startsWith("DYNAMODB_ENDPOINT"), e.getMessage());
        assertEquals(
                URI.create("http://127.0.0.1:8000"),
                read(with(LinksTableSettings.DYNAMODB_ENDPOINT, "http://127.0.0.1:8000"))
                        .dynamoDbEndpoint());
    }

    /** What reading the minimal variables with {@code name} set to {@code value} throws. */
    private static ConfigException rejected(String name, String value) {
        return assertThrows(
                ConfigException.class, () -> read(with(name, value)), () -> name + "=" + value + " must be refused");
    }

    private static RedirectConfig read(Map<String, String> variables) {
        return RedirectConfig.fromEnvironment(Environment.of(variables));
    }

    private static Map<String, String> with(String name, String value) {
        Map<String, String> env = new HashMap<>(MINIMAL);
        env.put(name, value);
        return env;
    }
}
