package dev.shortener.create.domain.auth;

import dev.shortener.create.domain.idempotency.RequestFingerprint;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The shape of API keys: {@code shk_} and 43 base64url characters (256 random bits). The prefix lets secret
 * scanners and people recognise a leaked key. A key has so much entropy that a plain SHA-256 of it is a safe
 * thing to store (a slow password hash protects guessable secrets, which these are not).
 */
public final class ApiKeyFormat {

    public static final String PREFIX = "shk_";
    /** Longer headers are refused before hashing, so a huge header costs nothing. */
    private static final int MAX_LENGTH = 128;

    private ApiKeyFormat() {}

    /** A new key, from {@code random} (a SecureRandom, created when the key is made: never in a snapshot). */
    public static String generate(SecureRandom random) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** Whether {@code key} is worth looking up: printable ASCII of a sane length. */
    public static boolean isPlausible(String key) {
        return !key.isEmpty() && key.length() <= MAX_LENGTH && key.chars().allMatch(c -> c > 0x20 && c < 0x7F);
    }

    public static String hash(String key) {
        return RequestFingerprint.sha256Hex(key);
    }

    /** The public id of a key: the first 16 hex digits of its hash (64 bits, enough to tell keys apart). */
    public static String keyId(String hash) {
        return hash.substring(0, 16);
    }
}
