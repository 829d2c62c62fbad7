package dev.shortener.linkcache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CachedLinkCodecTest {

    @Test
    void roundTrip_keepsUrlsWithSpacesAndDigits() {
        CachedLink link = CachedLink.found("https://example.com/12 34?x=5 6", 1_800_000_000L);

        assertEquals(link, CachedLinkCodec.decode(CachedLinkCodec.encode(link)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "F", "F12", "F ", "Fx https://a", "F12 ", "Q", "F-", "F1a https://a"})
    void decode_returnsNullForValuesItDoesNotUnderstand(String value) {
        assertNull(CachedLinkCodec.decode(value));
    }
}
