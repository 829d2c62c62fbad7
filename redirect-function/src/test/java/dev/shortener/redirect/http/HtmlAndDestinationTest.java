package dev.shortener.redirect.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HtmlAndDestinationTest {

    @Test
    void escape_coversTheFiveCharactersThatMatterInContentAndQuotedAttributes() {
        assertEquals(
                "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;",
                Html.escape("<a href=\"x\" title='y'>&amp;</a>"));
        String plain = "https://example.com/path?q=1";
        assertSame(plain, Html.escape(plain), "nothing to escape, nothing copied");
    }

    @Test
    void destination_showsTheHostInPunycode_keepingPortPathAndQuery() {
        Destination d = Destination.of("https://B\u00fccher.Example:8443/stra\u00dfe?x=1#top");

        assertEquals("xn--bcher-kva.example", d.asciiHost());
        assertEquals("https://xn--bcher-kva.example:8443/stra\u00dfe?x=1#top", d.displayUrl());
        assertTrue(d.followable());
    }

    @Test
    void destination_revealsALookalikeHost() {
        assertEquals(
                "xn--pple-43d.com",
                Destination.of("https://\u0430pple.com/login").asciiHost());
    }

    @Test
    void destination_handlesUnderscoresIpv6AndUserInfo_whichJavaNetUriWouldNot() {
        assertEquals(
                "my_host.example", Destination.of("http://my_host.example/").asciiHost());
        assertEquals(
                "[2001:db8::1]", Destination.of("http://[2001:db8::1]:8080/x").asciiHost());
        Destination disguised = Destination.of("https://paypal.com@evil.example/");
        assertEquals("evil.example", disguised.asciiHost());
    }

    @Test
    void destination_onlyOffersHttpAndHttpsAsALink() {
        assertFalse(Destination.of("javascript:alert(1)").followable());
        assertFalse(Destination.of("ftp://files.example/x").followable());
    }
}
