package dev.shortener.analytics;

import dev.shortener.analytics.event.ClickEvents;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/** Clicks for tests: realistic headers, distinct request ids, a fixed visitor secret. */
public final class TestClicks {

    public static final byte[] SECRET = "test-visitor-secret-0123456789".getBytes(StandardCharsets.UTF_8);
    public static final String SAFARI = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
            + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1";
    public static final String CHROME = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/124.0.0.0 Safari/537.36";
    private static final AtomicLong REQUESTS = new AtomicLong();

    private TestClicks() {}

    public static ClickEvents events() {
        return new ClickEvents(SECRET);
    }

    public static Click click(String code) {
        return click(code, Instant.now(), "203.0.113." + (REQUESTS.get() % 250), SAFARI);
    }

    public static Click click(String code, Instant at, String ip, String userAgent) {
        return new Click(
                code, at, ip, userAgent, "https://t.co/abc?x=1", "US", "req-" + REQUESTS.incrementAndGet(), true);
    }
}
