package dev.shortener.create;

import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import java.util.Map;
import redis.clients.jedis.RedisClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The real clients of an execution environment, built once at init: one DynamoDB client (explicit timeouts, the
 * URL-connection HTTP client, the default credentials chain) and one bounded Redis pool. Also what SnapStart's
 * hooks need from them: a cheap call to each to prime the path, and dropping pooled Redis connections, which
 * would be dead sockets in every environment restored from a snapshot.
 */
final class AwsConnections {

    private static final Map<String, AttributeValue> PRIME_KEY =
            Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS("prime#snapstart"));

    private final DynamoDbClient dynamoDb;
    private final RedisClient redis;
    private final String table;
    private final RedisTokenBuckets buckets;

    private AwsConnections(DynamoDbClient dynamoDb, RedisClient redis, String table) {
        this.dynamoDb = dynamoDb;
        this.redis = redis;
        this.table = table;
        this.buckets = new RedisTokenBuckets(redis, ProductionPorts.RATE_LIMIT_KEY_PREFIX);
    }

    static AwsConnections open(CreateConfig config) {
        return new AwsConnections(
                DynamoDbClients.forFunction(DynamoDbTimeouts.MANAGEMENT, config.dynamoDbEndpoint()),
                RedisClients.create(RedisSettings.of(config.redisUrl())),
                config.linksTable());
    }

    CreatePorts ports() {
        return ProductionPorts.on(dynamoDb, redis, table);
    }

    /** A read of a key that never exists: signs a request, opens a connection, parses a response. */
    void touchDynamoDb() {
        dynamoDb.getItem(get -> get.tableName(table).key(PRIME_KEY));
    }

    /** A PING, and the rate-limit script loaded, so the first EVALSHA finds it. */
    void touchRedis() {
        redis.ping();
        buckets.load();
    }

    /** Closes the idle pooled Redis connections; the pool opens new ones on demand. */
    void dropRedisConnections() {
        redis.getPool().clear();
    }
}
