package dev.shortener.create.redis;

import dev.shortener.create.domain.ratelimit.Bucket;
import dev.shortener.create.domain.ratelimit.RateDecision;
import dev.shortener.create.domain.ratelimit.RateLimiter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * Token buckets in Redis, each taken from by one Lua script ({@code token-bucket.lua}) so that the
 * read-refill-take-write is atomic across every execution environment.
 *
 * <p>The script is run by its SHA-1 ({@code EVALSHA}: only 40 bytes go over the wire); when Redis does not know it
 * (a restart, a failover, a fresh cache) it is loaded with {@code SCRIPT LOAD} and run again.
 */
public final class RedisTokenBuckets implements RateLimiter {

    static final String SCRIPT = readScript();
    static final String SCRIPT_SHA1 = sha1Hex(SCRIPT);

    private final UnifiedJedis redis;
    private final String keyPrefix;

    /** @param keyPrefix prepended to every bucket's key; tests use their own */
    public RedisTokenBuckets(UnifiedJedis redis, String keyPrefix) {
        this.redis = Objects.requireNonNull(redis, "redis");
        this.keyPrefix = Objects.requireNonNull(keyPrefix, "keyPrefix");
    }

    @Override
    public RateDecision take(String key, Bucket bucket, Instant now) {
        List<?> values = run(key, bucket, 1, now);
        return ((Long) values.get(0)) == 1L ? RateDecision.ALLOWED : RateDecision.refused((Long) values.get(1));
    }

    /** One script call, whatever {@code most} is. */
    @Override
    public int takeUpTo(String key, Bucket bucket, int most, Instant now) {
        return ((Long) run(key, bucket, most, now).get(0)).intValue();
    }

    private List<?> run(String key, Bucket bucket, int most, Instant now) {
        List<String> keys = List.of(keyPrefix + key);
        List<String> args = List.of(
                Integer.toString(bucket.burst()),
                Integer.toString(bucket.perMinute()),
                Long.toString(now.toEpochMilli()),
                Long.toString(bucket.refillMillis() + 1000),
                Integer.toString(most));
        try {
            Object reply;
            try {
                reply = redis.evalsha(SCRIPT_SHA1, keys, args);
            } catch (JedisNoScriptException notLoaded) {
                loadScript(redis);
                reply = redis.evalsha(SCRIPT_SHA1, keys, args);
            }
            return (List<?>) reply;
        } catch (JedisException e) {
            throw new RateLimiterUnavailableException(e);
        }
    }

    /**
     * Loads the script into {@code redis} (also done before a SnapStart snapshot, to prime the path): it is the same
     * script whatever the buckets' key prefix.
     */
    public static void loadScript(UnifiedJedis redis) {
        String loaded = redis.scriptLoad(SCRIPT);
        if (!SCRIPT_SHA1.equals(loaded)) {
            throw new IllegalStateException("Redis hashed the token-bucket script differently: " + loaded);
        }
    }

    private static String readScript() {
        try (InputStream in = RedisTokenBuckets.class.getResourceAsStream("token-bucket.lua")) {
            if (in == null) {
                throw new IllegalStateException("token-bucket.lua is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
    }
}
