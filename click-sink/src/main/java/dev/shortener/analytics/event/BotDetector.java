package dev.shortener.analytics.event;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Recognises crawlers, link previewers and HTTP tools by their User-Agent, so that counts can leave them out.
 * They are flagged, never dropped: a wrong rule then costs a query filter, not lost data.
 *
 * <p>Link previewers matter most for a shortener: a link pasted into Slack, Discord or a Mastodon post is
 * fetched by the platform (and by every Mastodon server that sees the post) before any person clicks it.
 */
public final class BotDetector {

    /** First match wins: specific agents before the generic words. Needles are lower case. */
    private static final List<Rule> RULES = List.of(
            // Telegram's agent is "TelegramBot (like TwitterBot)": before Twitterbot.
            new Rule("telegrambot", "TelegramBot"),
            new Rule("slackbot", "Slackbot"),
            new Rule("slack-imgproxy", "Slackbot"),
            new Rule("twitterbot", "Twitterbot"),
            new Rule("facebookexternalhit", "facebookexternalhit"),
            new Rule("facebookcatalog", "facebookexternalhit"),
            new Rule("meta-externalagent", "facebookexternalhit"),
            new Rule("discordbot", "Discordbot"),
            new Rule("mastodon", "Mastodon"),
            new Rule("pleroma", "Fediverse"),
            new Rule("misskey", "Fediverse"),
            new Rule("akkoma", "Fediverse"),
            new Rule("linkedinbot", "LinkedInBot"),
            new Rule("whatsapp", "WhatsApp"),
            new Rule("skypeuripreview", "SkypeUriPreview"),
            new Rule("googlebot", "Googlebot"),
            new Rule("google-inspectiontool", "Googlebot"),
            new Rule("adsbot-google", "Googlebot"),
            new Rule("googleother", "Googlebot"),
            new Rule("bingbot", "bingbot"),
            new Rule("bingpreview", "bingbot"),
            new Rule("applebot", "Applebot"),
            new Rule("yandex", "YandexBot"),
            new Rule("baiduspider", "Baiduspider"),
            new Rule("duckduckbot", "DuckDuckBot"),
            new Rule("redditbot", "redditbot"),
            new Rule("pinterest", "Pinterestbot"),
            new Rule("embedly", "Embedly"),
            new Rule("iframely", "Iframely"),
            new Rule("headlesschrome", "HeadlessChrome"),
            new Rule("phantomjs", "PhantomJS"),
            new Rule("lighthouse", "Lighthouse"),
            new Rule("curl/", "curl"),
            new Rule("wget/", "Wget"),
            new Rule("python-requests", "python"),
            new Rule("python-urllib", "python"),
            new Rule("aiohttp", "python"),
            new Rule("python-httpx", "python"),
            new Rule("go-http-client", "Go-http-client"),
            new Rule("java/", "Java"),
            new Rule("apache-httpclient", "Apache-HttpClient"),
            new Rule("node-fetch", "node"),
            new Rule("axios/", "node"),
            new Rule("undici", "node"),
            new Rule("libwww-perl", "libwww-perl"),
            new Rule("scrapy", "Scrapy"),
            new Rule("uptimerobot", "monitor"),
            new Rule("pingdom", "monitor"));

    /** User-Agents repeat heavily; classifying one costs microseconds, a lookup nanoseconds. Bounded. */
    private static final int CACHE_SIZE = 4096;

    private static final Map<String, Optional<String>> CACHE = new ConcurrentHashMap<>();

    private BotDetector() {}

    /** The rule a User-Agent matches, or empty for what looks like a person's browser. */
    public static Optional<String> classify(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return Optional.of("no_user_agent"); // every browser sends one
        }
        Optional<String> known = CACHE.get(userAgent);
        if (known != null) {
            return known;
        }
        Optional<String> result = match(userAgent.toLowerCase(Locale.ROOT));
        if (userAgent.length() <= 512) {
            if (CACHE.size() >= CACHE_SIZE) {
                CACHE.clear(); // crude, but bounded: a flood of unique agents can't grow the heap
            }
            CACHE.put(userAgent, result);
        }
        return result;
    }

    private static Optional<String> match(String ua) {
        for (Rule rule : RULES) {
            if (ua.contains(rule.needle)) {
                return Optional.of(rule.reason);
            }
        }
        return isGeneric(ua) ? Optional.of("generic") : Optional.empty();
    }

    /**
     * The usual self-descriptions, as whole words: a word ending in "bot", "crawler" or "spider" ("CUBOT", a phone
     * maker, excepted), a "+http" contact link, or "link preview".
     */
    static boolean isGeneric(String ua) {
        if (ua.contains("+http") || ua.contains("linkpreview") || ua.contains("link preview")) {
            return true;
        }
        int i = 0;
        while (i < ua.length()) {
            while (i < ua.length() && !isLetter(ua.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < ua.length() && isLetter(ua.charAt(i))) {
                i++;
            }
            String word = ua.substring(start, i);
            if ((word.endsWith("bot") && !word.equals("cubot"))
                    || word.endsWith("crawler")
                    || word.endsWith("spider")
                    || word.equals("crawl")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isLetter(char c) {
        return c >= 'a' && c <= 'z';
    }

    private record Rule(String needle, String reason) {}
}
