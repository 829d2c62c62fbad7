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
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
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

    /**
     * Each optional variable, set alone to a value other than its default, and what the configuration reads from it:
     * a variable read under another's name, or not at all, leaves the default and fails its case.
     */
    static Stream<Arguments> optionalVariables() {
        return Stream.of(
                read(
                        "SHORT_BASE_URL",
                        "https://sho.rt/",
                        c -> List.of(c.shortBaseUrl(), owns(c, "www.sho.rt")),
                        List.of("https://sho.rt", true)),
                read("SHORTCODE_LENGTH", "8", c -> c.shortCodes().codeLength(), 8),
                read("MAX_URL_LENGTH", "8192", CreateConfig::maxUrlLength, 8192),
                read(
                        "BLOCKED_DOMAINS",
                        "evil.example phish.test,b\u00fccher.example",
                        c -> List.of(blocks(c, "www.xn--bcher-kva.example"), blocks(c, "phish.test")),
                        List.of(true, true)),
                read("ALLOW_PRIVATE_ADDRESSES", "TRUE", CreateConfig::allowPrivateAddresses, true),
                read("MAX_EXPIRY_DAYS", "30", CreateConfig::maxExpiry, Duration.ofDays(30)),
                read("RATE_LIMIT_KEY_BURST", "5", c -> c.perKeyLimit().burst(), 5),
                read("RATE_LIMIT_KEY_PER_MINUTE", "10", c -> c.perKeyLimit().perMinute(), 10),
                read("RATE_LIMIT_IP_BURST", "7", c -> c.perClientLimit().burst(), 7),
                read("RATE_LIMIT_IP_PER_MINUTE", "14", c -> c.perClientLimit().perMinute(), 14),
                read(
                        "CLIENT_IP_HEADER",
                        "CloudFront-Viewer-Address",
                        CreateConfig::clientAddressHeader,
                        "CloudFront-Viewer-Address"),
                read(
                        "DYNAMODB_ENDPOINT",
                        "http://127.0.0.1:8000",
                        c -> c.dynamoDbEndpoint().toString(),
                        "http://127.0.0.1:8000"));
    }

    @ParameterizedTest(name = "{0}={1}")
    @MethodSource("optionalVariables")
    void everyOptionalVariable_isRead(
            String variable, String value, Function<CreateConfig, Object> reading, Object expected) {
        Map<String, String> env = complete();
        env.put(variable, value);

        CreateConfig config = CreateConfig.fromEnvironment(Environment.of(env));

        assertEquals(expected, reading.apply(config));
    }

    private static Arguments read(
            String variable, String value, Function<CreateConfig, Object> reading, Object expected) {
        return Arguments.of(variable, value, reading, expected);
    }

    private static boolean owns(CreateConfig config, String host) {
        return config.ownDomains().match(host).isPresent();
    }

    private static boolean blocks(CreateConfig config, String host) {
        return config.blockedDomains().match(host).isPresent();
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
