package dev.shortener.testsupport;

import dev.shortener.config.Environment;
import dev.shortener.localservers.DynaliteProcess;
import dev.shortener.localservers.LocalServerException;
import dev.shortener.localservers.RedisProcess;
import dev.shortener.localservers.SharedServer;
import java.net.URI;
import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Assumptions;

/**
 * The DynamoDB endpoint and Redis URI that integration tests of every module use: the servers named by
 * {@code DYNAMODB_ENDPOINT} / {@code REDIS_URL} when those are set, otherwise one dynalite and one
 * redis-server per JVM, started on first use and stopped when the JVM exits.
 *
 * <p>When a server cannot start, a test is skipped with a visible reason on a developer's machine, but
 * fails on CI ({@code CI=true}): there a silently skipped integration test would hide a broken setup.
 * Each test should name its own table or key prefix with {@link #uniqueName(String)}.
 */
public final class TestServers {

    public static final String DYNAMODB_ENDPOINT_ENV = "DYNAMODB_ENDPOINT";
    public static final String REDIS_URL_ENV = "REDIS_URL";

    private static final SharedServer<DynaliteProcess> DYNALITE =
            new SharedServer<>("dynalite", DynaliteProcess::start);
    private static final SharedServer<RedisProcess> REDIS = new SharedServer<>("redis-server", RedisProcess::start);

    private static final String RUN_ID = randomRunId();
    private static final AtomicLong NAMES = new AtomicLong();
    private static final int MAX_NAME_LENGTH = 255;

    private TestServers() {}

    /** The DynamoDB endpoint to pass as the SDK's endpoint override. */
    public static URI dynamoDbEndpoint() {
        return configuredOrShared(DYNAMODB_ENDPOINT_ENV, () -> DYNALITE.get().endpoint());
    }

    /** The Redis server's URI, {@code redis://host:port}. */
    public static URI redisUri() {
        return configuredOrShared(REDIS_URL_ENV, () -> REDIS.get().uri());
    }

    /**
     * A name no other test (in this JVM or another) gets, usable as a DynamoDB table name or a Redis key
     * prefix: {@code prefix} with characters other than letters, digits, '-', '_' and '.' replaced by
     * '-', followed by a per-JVM random part and a counter; 3 to 255 characters.
     */
    public static String uniqueName(String prefix) {
        String clean = prefix == null ? "" : prefix.replaceAll("[^A-Za-z0-9_.-]", "-");
        if (clean.isEmpty()) {
            clean = "test";
        }
        String suffix = "-" + RUN_ID + "-" + NAMES.incrementAndGet();
        if (clean.length() + suffix.length() > MAX_NAME_LENGTH) {
            clean = clean.substring(0, MAX_NAME_LENGTH - suffix.length());
        }
        return clean + suffix;
    }

    /**
     * Runs {@code starter}; when it throws a {@link LocalServerException}, applies the same policy as the
     * shared servers (fail on CI, skip elsewhere). For tests that need a server of their own.
     */
    public static <T> T startOrSkip(Supplier<T> starter) {
        try {
            return starter.get();
        } catch (LocalServerException e) {
            return unavailable(e);
        }
    }

    /** The server {@code variable} names when it is set; otherwise the shared one, started on first use. */
    private static URI configuredOrShared(String variable, Supplier<URI> shared) {
        return Environment.system().optional(variable).map(URI::create).orElseGet(() -> startOrSkip(shared));
    }

    /** Fails on CI; elsewhere aborts the calling test (shown as skipped, with the reason). */
    private static <T> T unavailable(LocalServerException e) {
        if (Environment.system().flag("CI", false)) {
            throw e;
        }
        String message = e.getMessage() + "\n(Skipped because CI is not 'true'; with CI=true this fails.)";
        System.err.println("SKIPPED: " + message);
        return Assumptions.abort(message);
    }

    private static String randomRunId() {
        return Long.toString(new SecureRandom().nextLong() >>> 24, 36);
    }
}
