package dev.shortener.analytics.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ReferrersTest {

    @ParameterizedTest
    @CsvSource({
        "https://t.co/abc, t.co",
        "https://News.Example.COM./path?q=1, news.example.com",
        "https://user:secret@host.example:8443/x, host.example",
        "http://my_host.example/x, my_host.example",
        "https://bücher.example/, xn--bcher-kva.example",
        "android-app://com.google.android.gm/, com.google.android.gm"
    })
    void keepsTheHostOnly(String referer, String host) {
        assertEquals(host, Referrers.host(referer));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "t.co",
                "https://",
                "https://203.0.113.5/x",
                "https://[2001:db8::1]/",
                "https://exa mple.com/"
            })
    void dropsWhatIsNotAHostName(String referer) {
        assertNull(Referrers.host(referer));
    }
}
