package dev.shortener.create.domain.url;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shortener.create.domain.Reason;
import dev.shortener.create.domain.Rejection;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What the URL policy accepts and the form it stores: the other half of the hostile-input corpus (which holds the
 * refusals). Includes the {@code java.net.URI} traps: names with underscores and internationalised names.
 */
class UrlPolicyTest {

    private final UrlPolicy policy =
            new UrlPolicy(2048, DomainSet.of(List.of("sho.rt")), DomainSet.of(List.of("evil.example")), false);

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "https://example.com                         | https://example.com/",
                "HTTPS://Example.COM/Path?Q=1#Frag           | https://example.com/Path?Q=1#Frag",
                "http://example.com:80/a                     | http://example.com/a",
                "https://example.com:443/a                   | https://example.com/a",
                "http://example.com:443/a                    | http://example.com:443/a",
                "https://example.com:08080/                  | https://example.com:8080/",
                "https://example.com:/x                      | https://example.com/x",
                "https://example.com?x=1                     | https://example.com/?x=1",
                "https://example.com#top                     | https://example.com/#top",
                "https://my_host.example.com/a_b             | https://my_host.example.com/a_b",
                "https://_dmarc.example.com/                 | https://_dmarc.example.com/",
                "https://b\u00fccher.example/st\u00e4dte     | https://xn--bcher-kva.example/st%C3%A4dte",
                "https://xn--bcher-kva.example/              | https://xn--bcher-kva.example/",
                "https://\u4f8b\u3048.\u30c6\u30b9\u30c8/    | https://xn--r8jz45g.xn--zckzah/",
                "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/ | https://xn--e1afmkfd.xn--p1ai/",
                "https://EXAMPLE\uff0ecom/                   | https://example.com/",
                "https://example.com./a                      | https://example.com/a",
                "https://%65xample.com/                      | https://example.com/",
                "https://example.com/a%20b/%E2%82%AC         | https://example.com/a%20b/%E2%82%AC",
                "https://example.com/\"quoted\"<>            | https://example.com/%22quoted%22%3C%3E",
                "https://example.com/{a}^`                   | https://example.com/%7Ba%7D%5E%60",
                "https://example.com/#a#b                    | https://example.com/#a%23b",
                "https://example.com/?q=[1]                  | https://example.com/?q=%5B1%5D",
                "https://93.184.216.34/                      | https://93.184.216.34/",
                "https://[2606:2800:220:1:248:1893:25c8:1946]:8443/ | https://[2606:2800:220:1:248:1893:25c8:1946]:8443/",
                "https://[2606:2800:0220:0001:0000:0000:0000:1946]/ | https://[2606:2800:220:1::1946]/",
                "https://[::ffff:93.184.216.34]/             | https://[::ffff:93.184.216.34]/",
                "https://notsho.rt/                          | https://notsho.rt/",
                "https://sho.rt.example/                     | https://sho.rt.example/",
                "https://evil.example.org/                   | https://evil.example.org/",
                "https://127.0.0.1.nip.io/                   | https://127.0.0.1.nip.io/",
                "https://\u0430\u0431\u0432.example/         | https://xn--80acd.example/",
                "https://i\u2764.ws/                          | https://xn--i-7iq.ws/",
                "https://fa\u00df.de/                        | https://fass.de/",
            })
    void accepts_andNormalises(String input, String expected) {
        String normalised = policy.normalise(input);

        assertEquals(expected, normalised);
        assertEquals(normalised, URI.create(normalised).toASCIIString(), "a valid RFC 3986 URI");
    }

    @Test
    void javaNetUriTraps_areWhyTheHostIsParsedByHand() {
        assertNull(URI.create("https://my_host.example.com/").getHost(), "URI drops hosts with underscores");
        assertNull(
                URI.create("https://b\u00fccher.example/").getHost(),
                "URI drops internationalised hosts too (and never converts them to punycode)");

        assertEquals("https://my_host.example.com/", policy.normalise("https://my_host.example.com/"));
        assertEquals("https://xn--bcher-kva.example/", policy.normalise("https://b\u00fccher.example/"));
    }

    @Test
    void privateAddresses_areAllowedWhenConfigured() {
        UrlPolicy intranet = new UrlPolicy(2048, DomainSet.empty(), DomainSet.empty(), true);

        assertEquals("http://10.0.0.1:8080/", intranet.normalise("http://10.0.0.1:8080/"));
        assertEquals("http://wiki/", intranet.normalise("http://wiki/"));
        assertEquals("http://[fd00::1]/", intranet.normalise("http://[fd00::1]/"));
    }

    @Test
    void theLengthLimit_isConfigurable_upTo8192() {
        UrlPolicy longer = new UrlPolicy(8192, DomainSet.empty(), DomainSet.empty(), false);
        String url = "https://example.com/" + "a".repeat(8192 - 20);

        assertEquals(url, longer.normalise(url));
        var failure = assertThrows(Rejection.class, () -> longer.normalise(url + "a"));
        assertEquals(Reason.URL_TOO_LONG, failure.reason());
        assertThrows(
                IllegalArgumentException.class, () -> new UrlPolicy(8193, DomainSet.empty(), DomainSet.empty(), false));
    }

    @Test
    void ipv6Text_followsRfc5952() {
        assertEquals("2001:db8::1", Ipv6Addresses.format(Ipv6Addresses.parse("2001:0db8:0:0:0:0:0:1")));
        assertEquals("2001:db8:0:1:1:1:1:1", Ipv6Addresses.format(Ipv6Addresses.parse("2001:db8:0:1:1:1:1:1")));
        assertEquals("2001:0:0:1::1", Ipv6Addresses.format(Ipv6Addresses.parse("2001:0:0:1:0:0:0:1")));
        assertEquals("::", Ipv6Addresses.format(Ipv6Addresses.parse("::")));
        assertEquals("1::", Ipv6Addresses.format(Ipv6Addresses.parse("1::")));
        assertNull(Ipv6Addresses.parse("1:2:3:4:5:6:7:8:9"));
        assertNull(Ipv6Addresses.parse("1:2:3:4:5:6:7"));
        assertNull(Ipv6Addresses.parse("::1::"));
    }

    @Test
    void ipv4_isReadTheWayBrowsersReadIt() {
        assertEquals(0x7F000001L, Ipv4Numbers.parseLenient("2130706433"));
        assertEquals(0x7F000001L, Ipv4Numbers.parseLenient("0x7f.1"));
        assertEquals(0x7F000001L, Ipv4Numbers.parseLenient("0177.0.0.1"));
        assertEquals(0x7F000001L, Ipv4Numbers.parseLenient("127.1"));
        assertEquals(0x7F000001L, Ipv4Numbers.parseLenient("127.0.1"));
        assertEquals(-1, Ipv4Numbers.parseLenient("4294967296"));
        assertEquals(-1, Ipv4Numbers.parseLenient("1.256.1.1"));
        assertEquals(-1, Ipv4Numbers.parseLenient("09.1.1.1"), "9 is not an octal digit");
    }
}
