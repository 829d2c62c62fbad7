package dev.shortener.linkcache;

import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** Builds the one Redis client of an execution environment. */
public final class RedisClients {

    private RedisClients() {}

    public static RedisClient create(RedisSettings settings) {
        var uri = settings.uri();
        var client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(
                        Math.toIntExact(settings.connectTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(settings.commandTimeout().toMillis()))
                .ssl(settings.tls())
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .clientName("url-shortener")
                .build();
        var pool = new ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMinIdle(0);
        pool.setBlockWhenExhausted(true);
        pool.setMaxWait(settings.poolWait());
        // A broken connection is detected by the command that uses it (and its timeout); testing on borrow
        // would add a round trip to every request.
        pool.setTestOnBorrow(false);
        pool.setJmxEnabled(false);
        return RedisClient.builder()
                .hostAndPort(JedisURIHelper.getHostAndPort(uri))
                .clientConfig(client)
                .poolConfig(pool)
                .build();
    }
}
