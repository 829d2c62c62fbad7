package dev.shortener.redirect.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.junit.jupiter.api.Test;

class LocationsTest {

    @Test
    void aCleanUrl_isSentUnchanged() {
        String url = "https://Example.com/a/b?c=d&e=%20f#g";

        assertSame(url, Locations.toAscii(url));
    }

    @Test
    void nonAsciiAndUnsafeCharacters_arePercentEncoded_andTheHostGoesToPunycode() {
        assertEquals(
                "https://xn--bcher-kva.example/stra%C3%9Fe?q=%3Cb%3E%20%22x%22",
                Locations.toAscii("https://b\u00fccher.example/stra\u00dfe?q=<b> \"x\""));
    }

    @Test
    void lineBreaks_canNeverReachTheHeader() {
        assertEquals(
                "https://example.com/a%0D%0ASet-Cookie:%20x=1",
                Locations.toAscii("https://example.com/a\r\nSet-Cookie: x=1"));
    }

    @Test
    void existingEscapesAndEmoji_areKeptAndEncodedCorrectly() {
        assertEquals("https://example.com/%41/%F0%9F%98%80", Locations.toAscii("https://example.com/%41/\uD83D\uDE00"));
    }
}
