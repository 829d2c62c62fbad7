package dev.shortener.create.api;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key that signs listing cursors. Derived from the short-code secret (HMAC-SHA256 of a fixed label keyed by
 * it), so a deployment needs no second secret and the cursor key is still unrelated to the permutation's key:
 * knowing one says nothing about the other. Changing {@code SHORTCODE_SECRET} invalidates every cursor, which only
 * makes clients start their listing again.
 */
public final class CursorKey {

    private static final String LABEL = "url-shortener/list-cursor/v1";

    private final byte[] key;

    private CursorKey(byte[] key) {
        this.key = key;
    }

    public static CursorKey derivedFrom(String secret) {
        return new CursorKey(hmac(secret.getBytes(StandardCharsets.UTF_8), LABEL));
    }

    /** HMAC-SHA256 of {@code text} under this key. */
    byte[] sign(String text) {
        return hmac(key, text);
    }

    /** Compares in constant time, so that timing tells nothing about a forged signature. */
    boolean verify(String text, byte[] signature) {
        return MessageDigest.isEqual(sign(text), signature);
    }

    private static byte[] hmac(byte[] key, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has HmacSHA256", e);
        }
    }

    @Override
    public String toString() {
        return "CursorKey[hidden]";
    }
}
