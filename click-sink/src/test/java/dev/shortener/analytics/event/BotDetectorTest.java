package dev.shortener.analytics.event;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.shortener.analytics.TestClicks;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class BotDetectorTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)|Slackbot",
                "Slackbot 1.0 (+https://api.slack.com/robots)|Slackbot",
                "Twitterbot/1.0|Twitterbot",
                "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)|facebookexternalhit",
                "Mozilla/5.0 (compatible; Discordbot/2.0; +https://discordapp.com)|Discordbot",
                "Mastodon/4.2.8 (http.rb/5.1.1; +https://mastodon.social/) Bot|Mastodon",
                "LinkedInBot/1.0 (compatible; Mozilla/5.0; Apache-HttpClient +http://www.linkedin.com)|LinkedInBot",
                "WhatsApp/2.23.20.0|WhatsApp",
                "TelegramBot (like TwitterBot)|TelegramBot",
                "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)|Googlebot",
                "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)|bingbot",
                "curl/8.5.0|curl",
                "Wget/1.21.4|Wget",
                "python-requests/2.31.0|python",
                "Go-http-client/1.1|Go-http-client",
                "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) HeadlessChrome/124.0 Safari/537.36|HeadlessChrome",
                "Mozilla/5.0 (compatible; SomeNewCrawler/0.1)|generic",
                "FooFetcher/1.0 (+https://foo.example/bot)|generic",
                "Mozilla/5.0 (compatible; AhrefsBot/7.0)|generic"
            })
    void flagsKnownBots_withTheirReason(String agent, String reason) {
        assertEquals(Optional.of(reason), BotDetector.classify(agent));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                TestClicks.SAFARI,
                TestClicks.CHROME,
                "Mozilla/5.0 (Linux; Android 13; CUBOT P80) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120 Mobile",
                "Mozilla/5.0 (X11; Linux x86_64; rv:125.0) Gecko/20100101 Firefox/125.0",
                "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) "
                        + "Mobile/15E148 [FBAN/FBIOS;FBAV/460.0]"
            })
    void letsBrowsersThrough(String agent) {
        assertEquals(Optional.empty(), BotDetector.classify(agent));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void flagsAMissingAgent(String agent) {
        assertEquals(Optional.of("no_user_agent"), BotDetector.classify(agent));
    }
}
