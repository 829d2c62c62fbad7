package dev.shortener.analytics.event;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.analytics.Click;
import dev.shortener.analytics.TestClicks;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ClickEventsTest {

    private final ClickEvents events = TestClicks.events();
    private final Instant noon = Instant.parse("2026-05-01T12:34:56.789Z");

    @Test
    void event_carriesTheSchemaFields_andNoRawAddress() {
        Click click = new Click(
                "aB3dE5f",
                noon,
                "203.0.113.77",
                TestClicks.SAFARI,
                "https://user:pw@news.example.com:8443/path?q=secret#frag",
                "de",
                "req-1",
                true);

        ClickEvent event = events.from(click);

        assertEquals(1, event.v());
        assertEquals("aB3dE5f", event.code());
        assertEquals("2026-05-01T12:34:56.789Z", event.ts());
        assertEquals("2026-05-01", event.day());
        assertEquals("news.example.com", event.referrerHost(), "host only: no userinfo, port, path or query");
        assertEquals("DE", event.country());
        assertFalse(event.bot());
        assertNull(event.botReason());
        assertEquals("203.0.113.0/24", event.ipPrefix());
        assertEquals(22, event.visitorId().length());
        assertEquals("req-1", event.requestId());
        assertTrue(event.cacheHit());
        String line = new String(ClickEventCodec.toLine(event), StandardCharsets.UTF_8);
        assertTrue(line.endsWith("}\n") && line.indexOf('\n') == line.length() - 1, "exactly one line");
        assertFalse(line.contains("203.0.113.77"));
        assertFalse(line.contains("null"), "absent values are omitted, not written as null");
        assertEquals(event, ClickEventCodec.fromJson(line.trim()));
    }

    @Test
    void eventIds_areUniqueTimeOrderedUuidV7() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            ids.add(events.from(TestClicks.click("x", noon, "192.0.2.1", TestClicks.CHROME))
                    .eventId());
        }
        assertEquals(10_000, ids.size());
        UUID id = UUID.fromString(ids.iterator().next());
        assertEquals(7, id.version());
        assertEquals(2, id.variant());
        assertEquals(noon.toEpochMilli(), id.getMostSignificantBits() >>> 16, "the first 48 bits are the time");
    }

    @Test
    void visitorId_isStableWithinADay_andChangesWithDayAgentOrSecret() {
        Instant later = noon.plusSeconds(3_600);
        Instant nextDay = noon.plusSeconds(86_400);
        String a = visitor(noon, "198.51.100.20", TestClicks.SAFARI);

        assertEquals(a, visitor(later, "198.51.100.20", TestClicks.SAFARI), "same visitor, same day");
        assertEquals(a, visitor(later, "::ffff:198.51.100.20", TestClicks.SAFARI), "the address, not its spelling");
        assertNotEquals(a, visitor(nextDay, "198.51.100.20", TestClicks.SAFARI), "the salt rotates daily");
        assertNotEquals(a, visitor(noon, "198.51.100.20", TestClicks.CHROME));
        assertNotEquals(a, visitor(noon, "198.51.100.21", TestClicks.SAFARI));
        var otherSecret = new ClickEvents("another-secret-0123456789".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(
                a,
                otherSecret
                        .from(TestClicks.click("x", noon, "198.51.100.20", TestClicks.SAFARI))
                        .visitorId());
        // Another environment (a new instance) derives the same day salt from the same secret.
        assertEquals(
                a,
                TestClicks.events()
                        .from(TestClicks.click("y", later, "198.51.100.20", TestClicks.SAFARI))
                        .visitorId());
    }

    @Test
    void userAgent_isTruncated_atACodePointBoundary() {
        String agent = "A".repeat(255) + "\uD83D\uDE00" + "tail";
        ClickEvent event = events.from(TestClicks.click("x", noon, "192.0.2.1", agent));
        assertEquals(255, event.userAgent().length(), "the emoji would be split: it is dropped whole");
        String plain = "B".repeat(1_000);
        assertEquals(
                ClickEvents.MAX_USER_AGENT,
                events.from(TestClicks.click("x", noon, "192.0.2.1", plain))
                        .userAgent()
                        .length());
    }

    @Test
    void missingOrOddHeaders_leaveFieldsOut() {
        Click click = new Click("x", noon, "not-an-ip", null, "android-app://com.slack/", "Narnia", null, false);
        ClickEvent event = events.from(click);
        assertNull(event.ipPrefix());
        assertNull(event.visitorId());
        assertNull(event.country());
        assertEquals("com.slack", event.referrerHost());
        assertTrue(event.bot());
        assertEquals("no_user_agent", event.botReason());
    }

    @Test
    void ipv6_isCutToItsSlash48() {
        ClickEvent event =
                events.from(TestClicks.click("x", noon, "2001:db8:85a3:8d3:1319:8a2e:370:7348", TestClicks.CHROME));
        assertEquals("2001:db8:85a3::/48", event.ipPrefix());
    }

    private String visitor(Instant at, String ip, String agent) {
        return events.from(TestClicks.click("x", at, ip, agent)).visitorId();
    }
}
