package dev.shortener.deploycheck.stack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.config.Environment;
import dev.shortener.deploycheck.options.CommandLine;
import dev.shortener.deploycheck.options.Settings;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The stack's outputs (named as in template.yaml) and parameters become the target; explicit options win. */
class TargetTest {

    private static final StackFacts STACK = new StackFacts(
            "url-shortener",
            Map.of(
                    "ShortLinkBaseUrl", "https://d111.cloudfront.net",
                    "ApiUrl", "https://d111.cloudfront.net/api",
                    "RedirectFunctionUrl", "https://abc.lambda-url.eu-west-1.on.aws/",
                    "ManagementApiEndpoint", "https://def.execute-api.eu-west-1.amazonaws.com",
                    "AthenaWorkGroup", "url-shortener-analytics",
                    "GlueDatabase", "url_shortener_clicks"),
            Map.of("EdgeCacheSeconds", "30", "RateLimitPerKeyBurst", "60"));

    private static Settings settings(String... argv) {
        return Settings.from(CommandLine.parse(argv), Environment.of(Map.of("SHORTENER_API_KEY", "shk_x")));
    }

    @Test
    void everythingFromTheStack() {
        Target target = Target.resolve(settings("--stack", "url-shortener"), Optional.of(STACK));

        assertEquals(URI.create("https://d111.cloudfront.net"), target.shortBase());
        assertEquals(URI.create("https://d111.cloudfront.net/api"), target.apiBase());
        assertEquals(Optional.of(URI.create("https://abc.lambda-url.eu-west-1.on.aws/")), target.redirectOrigin());
        assertEquals(
                Optional.of(URI.create("https://def.execute-api.eu-west-1.amazonaws.com")), target.managementOrigin());
        assertEquals(
                Optional.of(new AthenaTarget("url-shortener-analytics", "url_shortener_clicks", "clicks")),
                target.athena());
        assertEquals(30, target.edgeCacheSeconds(), "the parameter, as the stack has no such output");
        assertEquals(60, target.rateLimitBurst().getAsInt());
    }

    @Test
    void explicitOptions_winOverTheStack() {
        Target target = Target.resolve(
                settings(
                        "--stack",
                        "s",
                        "--short-url",
                        "https://sho.rt",
                        "--edge-cache-seconds",
                        "5",
                        "--athena-table",
                        "clicks_v2"),
                Optional.of(STACK));

        assertEquals(URI.create("https://sho.rt"), target.shortBase());
        assertEquals(URI.create("https://d111.cloudfront.net/api"), target.apiBase(), "not given: the stack's");
        assertEquals(5, target.edgeCacheSeconds());
        assertEquals("clicks_v2", target.athena().orElseThrow().table());
    }

    @Test
    void withoutAStack_theApiIsUnderTheShortBase_andTheRestIsEmpty() {
        Target target = Target.resolve(settings("--short-url", "http://localhost:8080/"), Optional.empty());

        assertEquals(URI.create("http://localhost:8080/api"), target.apiBase());
        assertTrue(
                target.redirectOrigin().isEmpty() && target.managementOrigin().isEmpty());
        assertTrue(target.athena().isEmpty() && target.rateLimitBurst().isEmpty());
        assertEquals(Target.DEFAULT_EDGE_CACHE_SECONDS, target.edgeCacheSeconds());
    }
}
