package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.ConfigException;
import dev.shortener.config.Environment;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The configuration fails fast, naming the variable, and has sensible defaults. */
class CreateConfigTest {

    private static Map<String, String> complete() {
        Map<String, String> env = new HashMap<>();
        env.put("LINKS_TABLE", "links");
        env.put("REDIS_URL", "rediss://cache.example:6379");
        env.put("SHORT_BASE_URL", "https://sho.rt");
        env.put("SHORTCODE_SECRET", TestBed.SECRET);
        return env;
    }

    @ParameterizedTest
    @ValueSource(strings = {"LINKS_TABLE", "REDIS_URL", "SHORT_BASE_URL", "SHORTCODE_SECRET"})
    void aMissingRequiredVariable_failsNamingIt(String variable) {
        Map<String, String> env = complete();
        env.remove(variable);

        var failure = assertThrows(ConfigException.class, () -> CreateConfig.fromEnvironment(Environment.of(env)));

        assertTrue(failure.getMessage().startsWith(variable), failure.getMessage());
    }

    @Test
    void aBlankRequiredVariable_countsAsMissing() {
        Map<String, String> env = complete();
        env.put("LINKS_TABLE", "  ");

        var failure = assertThrows(ConfigException.class, () -> CreateConfig.fromEnvironment(Environment.of(env)));

        assertTrue(failure.getMessage().startsWith("LINKS_TABLE is not set"), failure.getMessage());
    }

    @ParameterizedTest(name = "{0}={1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "REDIS_URL                 | http://cache.example:6379",
                "REDIS_URL                 | not a url",
                "SHORT_BASE_URL            | sho.rt",
                "SHORT_BASE_URL            | https://sho.rt/s",
                "SHORT_BASE_URL            | https://sho.rt?x=1",
                "SHORT_BASE_URL            | ftp://sho.rt",
                "SHORTCODE_SECRET          | too-short",
                "SHORTCODE_LENGTH          | 6",
                "MAX_URL_LENGTH            | 8193",
                "MAX_URL_LENGTH            | lots",
                "MAX_EXPIRY_DAYS           | 0",
                "ALLOW_PRIVATE_ADDRESSES   | yes",
                "RATE_LIMIT_KEY_BURST      | 0",
                "RATE_LIMIT_KEY_PER_MINUTE | -5",
                "RATE_LIMIT_IP_BURST       | 1.5",
                "RATE_LIMIT_IP_PER_MINUTE  | many",
                "BLOCKED_DOMAINS           | evil.example, not a domain!",
                "DYNAMODB_ENDPOINT         | localhost:8000",
            })
    void aMalformedVariable_failsNamingIt(String variable, String value) {
        Map<String, String> env = complete();
        env.put(variable, value);

        var failure = assertThrows(ConfigException.class, () -> CreateConfig.fromEnvironment(Environment.of(env)));

        assertTrue(failure.getMessage().startsWith(variable), failure.getMessage());
    }

    @Test
    void defaults_applyWhenOptionalVariablesAreUnset() {
        CreateConfig config = CreateConfig.fromEnvironment(Environment.of(complete()));

        assertEquals(2048, config.maxUrlLength());
        assertFalse(config.allowPrivateAddresses());
        assertEquals(Duration.ofDays(3650), config.maxExpiry());
        assertEquals(60, config.perKeyLimit().burst());
        assertEquals(120, config.perKeyLimit().perMinute());
        assertEquals(100, config.perClientLimit().burst());
        assertEquals(300, config.perClientLimit().perMinute());
        assertTrue(config.blockedDomains().isEmpty());
        assertNull(config.clientAddressHeader());
        assertNull(config.dynamoDbEndpoint());
        assertEquals(7, config.shortCodes().codeLength());
    }

    @Test
    void everyOptionalVariable_isRead() {
        Map<String, String> env = complete();
        env.put("SHORT_BASE_URL", "https://sho.rt/");
        env.put("SHORTCODE_LENGTH", "8");
        env.put("MAX_URL_LENGTH", "8192");
        env.put("BLOCKED_DOMAINS", "evil.example phish.test,b\u00fccher.example");
        env.put("ALLOW_PRIVATE_ADDRESSES", "TRUE");
        env.put("MAX_EXPIRY_DAYS", "30");
        env.put("RATE_LIMIT_KEY_BURST", "5");
        env.put("RATE_LIMIT_KEY_PER_MINUTE", "10");
        env.put("RATE_LIMIT_IP_BURST", "7");
        env.put("RATE_LIMIT_IP_PER_MINUTE", "14");
        env.put("CLIENT_IP_HEADER", "CloudFront-Viewer-Address");
        env.put("DYNAMODB_ENDPOINT", "http://127.0.0.1:8000");

        CreateConfig config = CreateConfig.fromEnvironment(Environment.of(env));

        assertEquals("https://sho.rt", config.shortBaseUrl());
        assertEquals(8, config.shortCodes().codeLength());
        assertEquals(8192, config.maxUrlLength());
        assertTrue(config.blockedDomains().match("www.xn--bcher-kva.example").isPresent());
        assertTrue(config.blockedDomains().match("phish.test").isPresent());
        assertTrue(config.allowPrivateAddresses());
        assertEquals(Duration.ofDays(30), config.maxExpiry());
        assertEquals(5, config.perKeyLimit().burst());
        assertEquals(14, config.perClientLimit().perMinute());
        assertEquals("CloudFront-Viewer-Address", config.clientAddressHeader());
        assertEquals("http://127.0.0.1:8000", config.dynamoDbEndpoint().toString());
        assertTrue(config.ownDomains().match("www.sho.rt").isPresent());
    }

    @Test
    void theNoArgHandler_failsFastWithoutItsEnvironment() {
        // The build's environment has no LINKS_TABLE: constructing the Lambda handler must say so, at init.
        if (System.getenv("LINKS_TABLE") == null) {
            var failure = assertThrows(ConfigException.class, CreateHandler::new);
            assertTrue(failure.getMessage().startsWith("LINKS_TABLE is not set"), failure.getMessage());
        }
    }
}
