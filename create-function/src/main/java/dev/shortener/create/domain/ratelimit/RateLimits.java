package dev.shortener.create.domain.ratelimit;

import dev.shortener.create.domain.OperationalEvents;
import dev.shortener.create.domain.ratelimit.RateLimiter.RateLimiterUnavailableException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Objects;

/**
 * The two limits every request passes: per client address (before authentication, so that guessing keys and
 * unauthenticated floods are limited too) and per API key (a shared NAT or a client with many addresses can't
 * dodge it). Either alone fails, as the rate-limiter design says.
 *
 * <p><b>When the limiter can't be reached, requests are let through</b> (fail open), with a log line and a metric.
 * Abuse stays bounded without it: every caller holds an API key that can be revoked, API Gateway's stage
 * throttling caps the total rate, and DynamoDB's conditional writes keep data correct under any load; whereas
 * failing closed would make the whole management API as available as its cache. After a failure the limiter is
 * not asked again for {@link #BREAKER_OPEN}, so an unreachable Redis doesn't add its timeout to every request.
 */
public final class RateLimits {

    public static final Duration BREAKER_OPEN = Duration.ofSeconds(10);

    private final RateLimiter limiter;
    private final Bucket perClient;
    private final Bucket perKey;
    private final InstantSource clock;
    private final OperationalEvents events;
    private volatile Instant skipUntil = Instant.MIN;

    public RateLimits(
            RateLimiter limiter, Bucket perClient, Bucket perKey, InstantSource clock, OperationalEvents events) {
        this.limiter = Objects.requireNonNull(limiter, "limiter");
        this.perClient = Objects.requireNonNull(perClient, "perClient");
        this.perKey = Objects.requireNonNull(perKey, "perKey");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.events = Objects.requireNonNull(events, "events");
    }

    public RateDecision forClient(String clientAddress) {
        return take("ip", "ip:" + ClientKeys.of(clientAddress), perClient);
    }

    public RateDecision forApiKey(String keyId) {
        return take("key", "key:" + keyId, perKey);
    }

    /**
     * Charges {@code items} more tokens to the API key's bucket (a bulk request's items beyond the one its request
     * already paid): as many as it holds.
     *
     * @return how many items may go ahead; all of them when the limiter can't be asked (failing open)
     */
    public int forApiKeyItems(String keyId, int items) {
        if (items <= 0) {
            return 0;
        }
        Instant now = clock.instant();
        if (now.isBefore(skipUntil)) {
            events.rateLimiterFailedOpen("key", false);
            return items;
        }
        try {
            return limiter.takeUpTo("key:" + keyId, perKey, items, now);
        } catch (RateLimiterUnavailableException e) {
            skipUntil = now.plus(BREAKER_OPEN);
            events.rateLimiterFailedOpen("key", true);
            return items;
        }
    }

    private RateDecision take(String scope, String key, Bucket bucket) {
        Instant now = clock.instant();
        if (now.isBefore(skipUntil)) {
            events.rateLimiterFailedOpen(scope, false);
            return RateDecision.FAILED_OPEN;
        }
        try {
            return limiter.take(key, bucket, now);
        } catch (RateLimiterUnavailableException e) {
            skipUntil = now.plus(BREAKER_OPEN);
            events.rateLimiterFailedOpen(scope, true);
            return RateDecision.FAILED_OPEN;
        }
    }

    /** Forgets a broken limiter (after a SnapStart restore, the network is new). */
    public void reset() {
        skipUntil = Instant.MIN;
    }
}
