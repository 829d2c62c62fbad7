package dev.shortener.create;

import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.create.dynamodb.DynamoDbCodeReservations;
import dev.shortener.create.dynamodb.DynamoDbIdempotencyStore;
import dev.shortener.create.dynamodb.DynamoDbLinkStats;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.create.redis.SharedLinkCache;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.DynamoDbWorkerLeases;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The create function's ports on real clients, with the production Redis key prefixes: what Lambda runs, and
 * what the local runner runs against its own dynalite and redis-server.
 */
public final class ProductionPorts {

    /** Rate-limit buckets' keys; the links' keys are the shared cache's own ({@link RedisLinkCache#DEFAULT_KEY_PREFIX}). */
    public static final String RATE_LIMIT_KEY_PREFIX = "ratelimit:";

    private ProductionPorts() {}

    public static CreatePorts on(DynamoDbClient dynamoDb, UnifiedJedis redis, String table) {
        return new CreatePorts(
                new DynamoDbLinkStore(dynamoDb, table),
                new DynamoDbCodeReservations(dynamoDb, table),
                new DynamoDbLinkStats(dynamoDb, table),
                new DynamoDbApiKeys(dynamoDb, table),
                new DynamoDbIdempotencyStore(dynamoDb, table),
                new RedisTokenBuckets(redis, RATE_LIMIT_KEY_PREFIX),
                new SharedLinkCache(new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX)),
                new DynamoDbWorkerLeases(dynamoDb, table));
    }
}
