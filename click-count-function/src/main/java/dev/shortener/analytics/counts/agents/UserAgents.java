package dev.shortener.analytics.counts.agents;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import ua_parser.Client;
import ua_parser.Parser;

/**
 * User agent to device class, browser and OS, with ua-parser's Java port (uap-java: the regexes that
 * ua-parser/uap-core maintains for every language's port) and a bounded cache, since an object's clicks repeat a
 * few thousand agents. Here and not in the redirect function: parsing costs milliseconds per new agent.
 *
 * <p>Chosen over Yauaa 7.31.0, measured on this machine (C1 only, as Lambda runs): uap-java starts in 0.6-1.0 s
 * and adds 1.15 MB (uap-java 63 KB, SnakeYAML 334 KB, commons-collections4 752 KB); Yauaa took 4.2 s to build
 * and 4.6-7.6 s more on its first parse, and adds 4.1 MB (yauaa 2.8 MB, Caffeine 0.9 MB, log4j-api 0.35 MB, ...).
 * Yauaa's device classes are finer, but a cold start of ten seconds on every new execution environment is not
 * worth them; uap-java's families give the browser and OS, and the device class is derived here.
 */
public final class UserAgents {

    /** Agents remembered across objects (an execution environment lives for many). */
    static final int CACHE_SIZE = 20_000;

    private static final Set<String> DESKTOP_SYSTEMS =
            Set.of("Windows", "Mac OS X", "Linux", "Ubuntu", "Chrome OS", "Fedora", "FreeBSD", "Debian");

    /** What the stats keep of a user agent. */
    public record Agent(DeviceClass device, String browser, String os) {}

    private static final Agent NONE = new Agent(DeviceClass.OTHER, "Other", "Other");

    private final Parser parser = new Parser();
    private final Map<String, Agent> cache = new LinkedHashMap<>(1024, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Agent> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    public Agent parse(String userAgent) {
        if (userAgent == null || userAgent.isBlank()) {
            return NONE;
        }
        synchronized (cache) {
            Agent known = cache.get(userAgent);
            if (known != null) {
                return known;
            }
        }
        Agent agent = classify(userAgent, parser.parse(userAgent));
        synchronized (cache) {
            cache.put(userAgent, agent);
        }
        return agent;
    }

    private static Agent classify(String userAgent, Client client) {
        String browser = client.userAgent == null ? "Other" : client.userAgent.family;
        String os = client.os == null ? "Other" : client.os.family;
        String device = client.device == null ? "Other" : client.device.family;
        return new Agent(deviceClass(userAgent, device, os), browser, os);
    }

    /** uap-core names device families (iPhone, iPad, Spider, ...), not classes: the class follows from them. */
    static DeviceClass deviceClass(String userAgent, String device, String os) {
        String ua = userAgent.toLowerCase(Locale.ROOT);
        if ("Spider".equals(device)) {
            return DeviceClass.BOT;
        }
        if ("iPad".equals(device) || ua.contains("tablet") || ua.contains("kindle") || ua.contains("silk/")) {
            return DeviceClass.TABLET;
        }
        if (ua.contains("mobi") || "iPhone".equals(device) || "iPod".equals(device)) {
            return DeviceClass.MOBILE;
        }
        if ("Android".equals(os)) {
            return DeviceClass.TABLET; // Android browsers say "Mobile" on phones only
        }
        if (DESKTOP_SYSTEMS.contains(os)) {
            return DeviceClass.DESKTOP;
        }
        return DeviceClass.OTHER;
    }
}
