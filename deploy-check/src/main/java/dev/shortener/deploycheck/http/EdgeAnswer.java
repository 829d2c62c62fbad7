package dev.shortener.deploycheck.http;

import java.util.Locale;
import java.util.Optional;

/**
 * What CloudFront's response headers say about where an answer came from. CloudFront adds {@code X-Cache} to
 * every answer ({@code Hit from cloudfront} when the edge answered from its cache; {@code Miss},
 * {@code RefreshHit}, {@code Error}, ... when it asked the origin) and {@code Age} (seconds in its cache) to
 * cached ones. An answer with no {@code X-Cache} did not come through CloudFront at all (a local runner).
 */
public record EdgeAnswer(Optional<String> xCache, Optional<String> age) {

    static EdgeAnswer of(Reply reply) {
        return new EdgeAnswer(reply.header("X-Cache"), reply.header("Age"));
    }

    public boolean throughCloudFront() {
        return xCache.isPresent();
    }

    /** Answered from the edge's cache, without asking the origin. */
    public boolean hit() {
        return xCache.map(value -> value.strip().toLowerCase(Locale.ROOT).startsWith("hit from cloudfront"))
                .orElse(false);
    }

    /** {@code X-Cache: Hit from cloudfront, Age: 3}, or {@code no X-Cache}. */
    public String describe() {
        if (xCache.isEmpty()) {
            return "no X-Cache";
        }
        return "X-Cache: " + xCache.get() + age.map(value -> ", Age: " + value).orElse("");
    }
}
