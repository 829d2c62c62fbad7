package dev.shortener.create.domain.idempotency;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Identifies a create request's payload, for the "same key, different payload" check. Computed from the members
 * as sent (before normalisation), since unknown members are refused and these are the whole payload; each value is
 * length-prefixed so that no two payloads share a fingerprint by concatenation.
 */
public final class RequestFingerprint {

    private RequestFingerprint() {}

    /** @param url, alias and expiresAt as sent; null for an absent member */
    public static String of(String url, String alias, String expiresAt) {
        return of(url, alias, expiresAt, null, null);
    }

    /**
     * @param forwardQuery as sent; null when absent, which fingerprints as before the member existed, so a retry of a
     *                     request made before it keeps matching its record
     * @param tags         as sent, or null when the request has no {@code tags} member (likewise)
     */
    public static String of(
            String url, String alias, String expiresAt, Boolean forwardQuery, java.util.List<String> tags) {
        StringBuilder canonical = new StringBuilder("create-link/v1");
        for (String value : new String[] {url, alias, expiresAt}) {
            append(canonical, value);
        }
        if (tags != null) {
            canonical.append("|tags:").append(tags.size());
            tags.forEach(tag -> append(canonical, tag));
        }
        if (forwardQuery != null) {
            canonical.append("|forwardQuery=").append(forwardQuery);
        }
        return sha256Hex(canonical.toString());
    }

    private static void append(StringBuilder canonical, String value) {
        canonical.append('|').append(value == null ? "-" : value.length() + ":" + value);
    }

    public static String sha256Hex(String text) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(digest.digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
