package dev.shortener.analytics.counts.agents;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class UserAgentsTest {

    private final UserAgents agents = new UserAgents();

    @Test
    void browsersSystemsAndDeviceClasses_ofCommonAgents() {
        assertEquals(
                new UserAgents.Agent(DeviceClass.MOBILE, "Mobile Safari", "iOS"),
                agents.parse("Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15"
                        + " (KHTML, like Gecko) Version/17.4 Mobile/15E148 Safari/604.1"));
        assertEquals(
                new UserAgents.Agent(DeviceClass.DESKTOP, "Chrome", "Windows"),
                agents.parse("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko)"
                        + " Chrome/124.0.0.0 Safari/537.36"));
        assertEquals(
                DeviceClass.TABLET,
                agents.parse("Mozilla/5.0 (iPad; CPU OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko)"
                                + " Version/17.0 Mobile/15E148 Safari/604.1")
                        .device());
        assertEquals(
                DeviceClass.MOBILE,
                agents.parse("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko)"
                                + " Chrome/120.0.0.0 Mobile Safari/537.36")
                        .device());
        assertEquals(
                DeviceClass.BOT,
                agents.parse("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)")
                        .device());
    }

    @Test
    void noAgent_isOther() {
        assertEquals(new UserAgents.Agent(DeviceClass.OTHER, "Other", "Other"), agents.parse(null));
        assertEquals(new UserAgents.Agent(DeviceClass.OTHER, "Other", "Other"), agents.parse(" "));
    }
}
