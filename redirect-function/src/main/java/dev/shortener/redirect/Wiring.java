package dev.shortener.redirect;

import dev.shortener.analytics.ClickSink;
import dev.shortener.analytics.ClickSinks;
import dev.shortener.config.Environment;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinkStore;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The production clients, built once per execution environment. The configuration is read first, so a missing
 * variable fails the init before any client is built; the clients live as long as the environment.
 */
record Wiring(RedirectConfig config, LinkStore links, RedisLinkCache cache, ClickSink clicks) {

    static Wiring fromEnvironment() {
        RedirectConfig config = RedirectConfig.fromEnvironment();
        // The redirect timeouts: a miss is answered, with a 503 if need be, well within a second.
        DynamoDbClient dynamoDb = DynamoDbClients.forFunction(DynamoDbTimeouts.REDIRECT, config.dynamoDbEndpoint());
        UnifiedJedis redis = RedisClients.create(new RedisSettings(
                config.redisUrl(),
                config.redisConnectTimeout(),
                config.redisCommandTimeout(),
                RedisSettings.DEFAULT_POOL_WAIT,
                RedisSettings.DEFAULT_POOL_SIZE));
        return new Wiring(
                config,
                new DynamoDbLinkStore(dynamoDb, config.linksTable()),
                // The production prefix, which the create function invalidates: never configurable apart.
                new RedisLinkCache(redis, RedisLinkCache.DEFAULT_KEY_PREFIX),
                ClickSinks.fromEnvironment(Environment.system()));
    }
}
