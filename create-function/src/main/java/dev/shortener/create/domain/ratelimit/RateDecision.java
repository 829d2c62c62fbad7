package dev.shortener.create.domain.ratelimit;

/**
 * The answer of a rate limiter.
 *
 * @param allowed           whether the request may go ahead
 * @param retryAfterSeconds when refused, whole seconds until a token is there (at least 1)
 * @param failedOpen        allowed only because the limiter could not be asked
 */
public record RateDecision(boolean allowed, long retryAfterSeconds, boolean failedOpen) {

    public static final RateDecision ALLOWED = new RateDecision(true, 0, false);
    public static final RateDecision FAILED_OPEN = new RateDecision(true, 0, true);

    public static RateDecision refused(long retryAfterMillis) {
        return new RateDecision(false, Math.max(1, (retryAfterMillis + 999) / 1000), false);
    }
}
