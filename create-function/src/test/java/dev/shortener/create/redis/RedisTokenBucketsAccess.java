package dev.shortener.create.redis;

/** Lets tests outside the package see the script's hash. */
public final class RedisTokenBucketsAccess {

    private RedisTokenBucketsAccess() {}

    public static String sha1() {
        return RedisTokenBuckets.SCRIPT_SHA1;
    }
}
