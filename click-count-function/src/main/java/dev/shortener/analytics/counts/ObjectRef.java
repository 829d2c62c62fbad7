package dev.shortener.analytics.counts;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * One S3 object of click events, as a notification names it. Key and ETag together identify its content:
 * Firehose never rewrites an object, and a redelivered notification names the same pair.
 */
public record ObjectRef(String bucket, String key, String etag) {

    public ObjectRef {
        Objects.requireNonNull(bucket, "bucket");
        Objects.requireNonNull(key, "key");
        etag = etag == null ? "" : etag.replace("\"", "");
    }

    /** A short, stable token for this object, small enough to sit in each counted link's item for a while. */
    public String token() {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((bucket + "/" + key + "#" + etag).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
