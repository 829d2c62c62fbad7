package dev.shortener.analytics.event;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.Base64;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Visitor ids: HMAC-SHA256(day salt, IP bytes + User-Agent), 128 bits in base64url. They let a query count
 * unique visitors per day (as Plausible and Dub do) without storing anything that identifies a person.
 *
 * <p>The day's salt is HMAC-SHA256(secret, "visitor-salt/v1/" + UTC date). Every execution environment, and the
 * local runner, derives the same salt from the configured secret without coordinating, so a visitor has one id
 * per day everywhere, and a different, unlinkable id the next day. The honest limit: whoever holds the secret
 * can recompute any past day's salt; the salt is "forgotten" only in the sense that it is never stored. Rotating
 * the secret (a new deployment parameter) makes older ids permanently unlinkable.
 */
public final class VisitorIds {

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder BASE64URL = Base64.getUrlEncoder().withoutPadding();
    private static final ThreadLocal<Mac> MAC = ThreadLocal.withInitial(VisitorIds::newMac);

    private final byte[] secret;
    private volatile DaySalt current = new DaySalt(LocalDate.MIN, new byte[0]);

    public VisitorIds(byte[] secret) {
        Objects.requireNonNull(secret, "secret");
        if (secret.length < 16) {
            throw new IllegalArgumentException("the visitor-id secret needs at least 16 bytes, got " + secret.length);
        }
        this.secret = secret.clone();
    }

    /** The id of a visitor on {@code day} (UTC). The User-Agent may be null. */
    public String visitorId(ClientAddress address, String userAgent, LocalDate day) {
        Mac mac = MAC.get();
        init(mac, saltFor(day));
        mac.update(address.bytes());
        mac.update((byte) 0); // separates the address from the User-Agent
        if (userAgent != null) {
            mac.update(userAgent.getBytes(StandardCharsets.UTF_8));
        }
        return BASE64URL.encodeToString(Arrays.copyOf(mac.doFinal(), 16));
    }

    byte[] saltFor(LocalDate day) {
        DaySalt salt = current;
        if (!salt.day.equals(day)) {
            Mac mac = MAC.get();
            init(mac, secret);
            salt = new DaySalt(day, mac.doFinal(("visitor-salt/v1/" + day).getBytes(StandardCharsets.US_ASCII)));
            current = salt; // a click from another day (around midnight) just derives again
        }
        return salt.salt;
    }

    private static void init(Mac mac, byte[] key) {
        try {
            mac.init(new SecretKeySpec(key, ALGORITHM));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 rejected its key", e);
        }
    }

    private static Mac newMac() {
        try {
            return Mac.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HMAC-SHA256", e);
        }
    }

    private record DaySalt(LocalDate day, byte[] salt) {}
}
