package dev.shortener.redirect.http;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptHeaderTest {

    @Test
    void jsonClients_getJson() {
        assertTrue(AcceptHeader.prefersJson("application/json"));
        assertTrue(AcceptHeader.prefersJson("application/problem+json"));
        assertTrue(AcceptHeader.prefersJson("application/json, text/html;q=0.5"));
        assertTrue(AcceptHeader.prefersJson("application/*, text/html;q=0.1"));
        assertTrue(AcceptHeader.prefersJson("application/json, text/plain, */*"), "axios: named beats wildcard");
    }

    @Test
    void browsersCurlAndNoHeader_getHtml() {
        assertFalse(AcceptHeader.prefersJson(null));
        assertFalse(AcceptHeader.prefersJson(""));
        assertFalse(AcceptHeader.prefersJson("*/*"));
        assertFalse(AcceptHeader.prefersJson(
                "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"));
        assertFalse(AcceptHeader.prefersJson("application/json;q=0.5, text/html"));
        assertFalse(AcceptHeader.prefersJson("application/json;q=0, */*"));
        assertFalse(AcceptHeader.prefersJson("application/json, text/html"), "a tie between named types: the page");
    }

    /** A range of semicolons alone made every request a 500 (Accept is read before the code is looked up). */
    @Test
    void emptyRangesAndParameters_areIgnored() {
        assertFalse(AcceptHeader.prefersJson(";"));
        assertFalse(AcceptHeader.prefersJson(";;, ;"));
        assertTrue(AcceptHeader.prefersJson("application/json, ;"));
        assertTrue(AcceptHeader.prefersJson("application/json;;;q=0.5;;, text/html;q=0.4"));
    }

    /** RFC 9110's qvalue only (what the CloudFront function also reads): any other number rates the range 0. */
    @Test
    void qValues_followRfc9110_andAMalformedOneRatesItsRangeZero() {
        assertTrue(AcceptHeader.prefersJson("application/json;q=0.5, text/html;q=0.4"));
        assertTrue(AcceptHeader.prefersJson("application/json;q=1., text/html;q=0.999"));
        assertFalse(AcceptHeader.prefersJson("application/json;q=0.5f, text/html;q=0.4"));
        assertFalse(AcceptHeader.prefersJson("application/json;q=5e-1, text/html;q=0.4"));
        assertFalse(AcceptHeader.prefersJson("application/json;q=0.5000, text/html;q=0.4"), "four decimals");
        assertFalse(AcceptHeader.prefersJson("application/json;q=1.001, text/html;q=0.4"), "above 1");
    }
}
