package dev.shortener.http;

import dev.shortener.config.Environment;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A secret CloudFront adds to every request it forwards to the API (an origin custom header), so that a function
 * can tell requests that came through CloudFront from direct calls to the public execute-api endpoint. Only the
 * former may have their {@code CloudFront-Viewer-*} headers believed: a direct caller can send any it likes, and
 * would pick its own rate-limit bucket or click address. The management API only: the redirect function sits behind
 * a function URL that only this distribution can invoke (origin access control signs each request).
 */
public final class OriginSecret {

    /** The origin custom header CloudFront sets (API Gateway hands header names over in lower case). */
    public static final String HEADER = "x-origin-verify";

    /**
     * The secret CloudFront adds as {@code X-Origin-Verify}; when set, {@code CloudFront-Viewer-*} headers are
     * believed only on requests that present it. Unset (tests, the local runner): always.
     */
    public static final String ORIGIN_VERIFY_SECRET = "ORIGIN_VERIFY_SECRET";

    private static final OriginSecret NONE = new OriginSecret(null);

    private final byte[] secret;

    private OriginSecret(byte[] secret) {
        this.secret = secret;
    }

    /** The secret in {@value #ORIGIN_VERIFY_SECRET}, if any. */
    public static OriginSecret from(Environment env) {
        return of(env.optional(ORIGIN_VERIFY_SECRET).orElse(null));
    }

    /** @param secret the configured secret, or null or blank when nothing sits in front of the API */
    public static OriginSecret of(String secret) {
        return secret == null || secret.isBlank() ? NONE : new OriginSecret(secret.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Whether a request's proxy headers can be believed: it presents the secret, or no secret is configured (no
     * CloudFront in front: tests, the local runner).
     *
     * @param presented the request's {@link #HEADER} value, or null
     */
    public boolean vouchesFor(String presented) {
        if (secret == null) {
            return true;
        }
        // Constant time: the comparison must not tell a caller how much of a guess was right.
        return presented != null && MessageDigest.isEqual(secret, presented.getBytes(StandardCharsets.UTF_8));
    }

    public boolean configured() {
        return secret != null;
    }

    /** Never prints the secret. */
    @Override
    public String toString() {
        return "OriginSecret[" + (configured() ? "configured" : "none") + "]";
    }
}
