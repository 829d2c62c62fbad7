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

    @Test
    void roundTrip_keepsTheForwardQueryFlag() {
        CachedLink forwarding = CachedLink.found("https://example.com/?a=1", 0, true);

        String encoded = CachedLinkCodec.encode(forwarding);

        assertEquals("Q0 https://example.com/?a=1", encoded);
        assertEquals(forwarding, CachedLinkCodec.decode(encoded));
    }

    /** Entries cached before forwarding existed keep their meaning, and links that don't forward keep that format. */
    @Test
    void anEntryInTheFormatFromBeforeForwarding_readsAsNotForwarding_andIsStillWrittenThatWay() {
        String before = "F1800000000 https://example.com/?a=1";

        CachedLink read = CachedLinkCodec.decode(before);

        assertEquals(CachedLink.found("https://example.com/?a=1", 1_800_000_000L, false), read);
        assertEquals(before, CachedLinkCodec.encode(read));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "F",
                "F12",
                "F ",
                "Fx https://a",
                "F12 ",
                "Q",
                "Q ",
                "Q12 ",
                "Qx https://a",
                "F-",
                "F1a https://a",
                "X1 https://a"
            })
    void decode_returnsNullForValuesItDoesNotUnderstand(String value) {
        assertNull(CachedLinkCodec.decode(value));
    }
}
