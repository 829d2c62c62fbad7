package dev.shortener.redirect.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AcceptHeaderTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "application/json",
                "application/problem+json",
                "application/json, text/html;q=0.5",
                "application/*, text/html;q=0.1",
                "application/json, text/plain, */*", // axios: named beats wildcard
            })
    void jsonClients_getJson(String accept) {
        assertTrue(AcceptHeader.prefersJson(accept));
    }

    @ParameterizedTest(name = "{0}")
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "*/*",
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8",
                "application/json;q=0.5, text/html",
                "application/json;q=0, */*",
                "application/json, text/html", // a tie between named types: the page
            })
    void browsersCurlAndNoHeader_getHtml(String accept) {
        assertFalse(AcceptHeader.prefersJson(accept));
    }

    /** A range of semicolons alone made every request a 500 (Accept is read before the code is looked up). */
    @ParameterizedTest(name = "{0} -> json: {1}")
    @CsvSource(delimiter = '|', textBlock = """
                ;                                              | false
                ;;, ;                                          | false
                application/json, ;                            | true
                application/json;;;q=0.5;;, text/html;q=0.4    | true
                """)
    void emptyRangesAndParameters_areIgnored(String accept, boolean prefersJson) {
        assertEquals(prefersJson, AcceptHeader.prefersJson(accept));
    }

    /** RFC 9110's qvalue only (what the CloudFront function also reads): any other number rates the range 0. */
    @ParameterizedTest(name = "{0} -> json: {1}")
    @CsvSource(delimiter = '|', textBlock = """
                application/json;q=0.5, text/html;q=0.4       | true
                application/json;q=1., text/html;q=0.999      | true
                application/json;q=0.5f, text/html;q=0.4      | false
                application/json;q=5e-1, text/html;q=0.4      | false
                application/json;q=0.5000, text/html;q=0.4    | false
                application/json;q=1.001, text/html;q=0.4     | false
                """)
    void qValues_followRfc9110_andAMalformedOneRatesItsRangeZero(String accept, boolean prefersJson) {
        assertEquals(prefersJson, AcceptHeader.prefersJson(accept));
    }
}
