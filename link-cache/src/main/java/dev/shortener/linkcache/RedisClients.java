package dev.shortener.linkcache;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocketFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.util.JedisURIHelper;

/** Builds the one Redis client of an execution environment. */
public final class RedisClients {

    /**
     * JSSE's name for checking the server certificate against the host name, as HTTPS does (RFC 2818: a SAN, with
     * wildcards such as ElastiCache Serverless' {@code *.serverless.<region>.cache.amazonaws.com}). Without it, a
     * TLS socket checks the certificate chain but not the name: any certificate from a trusted CA would do.
     */
    static final String ENDPOINT_IDENTIFICATION = "HTTPS";

    private RedisClients() {}

    public static RedisClient create(RedisSettings settings) {
        return create(settings, null);
    }

    /** With the socket factory of a test's own trust store (null: the JVM's default). */
    static RedisClient create(RedisSettings settings, SSLSocketFactory socketFactory) {
        var uri = settings.uri();
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
                .clientConfig(clientConfig(settings, socketFactory))
                .poolConfig(pool)
                .build();
    }

    static JedisClientConfig clientConfig(RedisSettings settings, SSLSocketFactory socketFactory) {
        var uri = settings.uri();
        var client = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(
                        Math.toIntExact(settings.connectTimeout().toMillis()))
                .socketTimeoutMillis(Math.toIntExact(settings.commandTimeout().toMillis()))
                .ssl(settings.tls())
                .user(JedisURIHelper.getUser(uri))
                .password(JedisURIHelper.getPassword(uri))
                .database(JedisURIHelper.getDBIndex(uri))
                .clientName("url-shortener");
        if (settings.tls()) {
            // Jedis sets these on the socket before the handshake, which then fails on a certificate for
            // another name (a man in the middle holding any publicly trusted certificate).
            SSLParameters parameters = new SSLParameters();
            parameters.setEndpointIdentificationAlgorithm(ENDPOINT_IDENTIFICATION);
            client.sslParameters(parameters);
            if (socketFactory != null) {
                client.sslSocketFactory(socketFactory);
            }
        }
        return client.build();
    }
}
