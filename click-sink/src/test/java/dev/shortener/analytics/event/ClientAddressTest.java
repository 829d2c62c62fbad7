package dev.shortener.analytics.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ClientAddressTest {

    @ParameterizedTest
    @CsvSource({
        "203.0.113.77, 203.0.113.0/24",
        "203.0.113.77:46532, 203.0.113.0/24",
        "' 10.1.2.3 ', 10.1.2.0/24",
        "::ffff:198.51.100.9, 198.51.100.0/24",
        "2001:db8:85a3:8d3:1319:8a2e:370:7348, 2001:db8:85a3::/48",
        "[2001:db8:85a3::1]:443, 2001:db8:85a3::/48",
        "2001:DB8:0:0:8:800:200c:417a, 2001:db8:0::/48",
        "fe80::1%eth0, fe80:0:0::/48",
        "::1, 0:0:0::/48"
    })
    void parses_andKeepsOnlyTheNetwork(String text, String prefix) {
        assertEquals(prefix, ClientAddress.parse(text).orElseThrow().anonymisedPrefix());
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "localhost",
                "example.com",
                "1.2.3",
                "1.2.3.4.5",
                "256.1.1.1",
                "1.2.3.-4",
                "12345::g",
                "deadbeef",
                "1.2.3.4:5:6",
                "::ffff:1.2.3.4.5",
                "[::1"
            })
    void rejects_whatIsNotAnAddress_withoutLookingItUp(String text) {
        assertEquals(Optional.empty(), ClientAddress.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"203.0.113.77", "2001:db8::7348"})
    void toString_neverShowsTheAddress(String text) {
        String shown = ClientAddress.parse(text).orElseThrow().toString();
        assertFalse(shown.contains(text));
        assertTrue(shown.contains("/"));
    }
}
