package dev.shortener.local;

import dev.shortener.analytics.ClickSink;
import dev.shortener.analytics.ClickSinks;
import dev.shortener.analytics.event.ClickEvents;
import dev.shortener.config.Environment;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreateWiring;
import dev.shortener.http.EmfMetrics;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.local.clicks.LocalClickSink;
import dev.shortener.redirect.RedirectConfig;
import dev.shortener.redirect.RedirectHandler;
import dev.shortener.redirect.RedirectWiring;
import dev.shortener.shortcode.ShortCodeSettings;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.RedisClient;

/**
 * The two real handlers, built through their "clients given" constructors from the same environment variables as
 * in Lambda, with the local defaults filled in where a variable is unset: the runner's table, Redis and dynalite,
 * the data folder's secrets, {@code SHORT_BASE_URL=http://localhost:<port>} and the local click sink.
 *
 * <p>The create function runs its production ports (same classes, same Redis key prefixes) on the runner's clients.
 */
public record Handlers(
        CreateHandler create, RedirectHandler redirect, Map<String, String> environment, Path clicksRoot) {

    static final String SHORT_BASE_URL = "SHORT_BASE_URL";

    public static Handlers build(
            RunnerSettings settings, DataFolder data, LocalSecrets secrets, Backends backends, int port) {
        Map<String, String> env = environment(settings, secrets, backends, port);
        Path clicksRoot = env.containsKey(LocalClickSink.LOCAL_DIR)
                ? Path.of(env.get(LocalClickSink.LOCAL_DIR))
                : data.clicksRoot();
        try {
            CreateConfig createConfig = CreateConfig.fromEnvironment(Environment.of(env));
            RedirectConfig redirectConfig = RedirectConfig.fromEnvironment(Environment.of(env));
            var dynamoDb = backends.linksTable().dynamoDb();

            RedisClient createRedis = backends.own(RedisClients.create(RedisSettings.of(createConfig.redisUrl())));
            CreateHandler create = new CreateHandler(
                    CreateWiring.onClients(createConfig, dynamoDb, createRedis, InstantSource.system()));

            RedisClient redirectRedis = backends.own(RedisClients.create(new RedisSettings(
                    redirectConfig.redisUrl(),
                    redirectConfig.redisConnectTimeout(),
                    redirectConfig.redisCommandTimeout(),
                    RedisSettings.DEFAULT_POOL_WAIT,
                    RedisSettings.DEFAULT_POOL_SIZE)));
            RedirectHandler redirect = new RedirectHandler(RedirectWiring.of(
                    redirectConfig,
                    new DynamoDbLinkStore(new LinksTable(dynamoDb, redirectConfig.linksTable())),
                    new RedisLinkCache(redirectRedis, RedisLinkCache.DEFAULT_KEY_PREFIX),
                    clickSink(settings, env, clicksRoot),
                    InstantSource.system(),
                    new StructuredLog(RedirectWiring.SERVICE)));
            redirect.warmUp();
            return new Handlers(create, redirect, Map.copyOf(env), clicksRoot);
        } catch (IllegalArgumentException | IllegalStateException | dev.shortener.config.ConfigException e) {
            throw new RunnerException("Configuration: " + e.getMessage(), e);
        }
    }

    /** The process environment, plus the local defaults for what it leaves unset. */
    static Map<String, String> environment(RunnerSettings settings, LocalSecrets secrets, Backends backends, int port) {
        Map<String, String> env = new HashMap<>();
        settings.env().forEach((name, value) -> {
            if (value != null && !value.isBlank()) {
                env.put(name, value);
            }
        });
        env.putIfAbsent(Backends.LINKS_TABLE, backends.linksTable().name());
        env.putIfAbsent(Backends.REDIS_URL, backends.redisUrl().toString());
        env.putIfAbsent(Backends.DYNAMODB_ENDPOINT, backends.dynamoDbEndpoint().toString());
        // localhost, not 127.0.0.1: links to the short domain are refused, and a local destination page on
        // 127.0.0.1 (with ALLOW_PRIVATE_ADDRESSES=true) must stay possible.
        env.putIfAbsent(SHORT_BASE_URL, "http://localhost:" + port);
        env.putIfAbsent(ShortCodeSettings.SHORTCODE_SECRET, secrets.shortCodeSecret());
        env.putIfAbsent(ClickSinks.VISITOR_SECRET, secrets.visitorSecret());
        // As the template does: a forwarded query may make a URL as long as a link may be created with.
        if (env.containsKey(CreateConfig.MAX_URL_LENGTH)) {
            env.putIfAbsent(RedirectConfig.MAX_REDIRECT_URL_LENGTH, env.get(CreateConfig.MAX_URL_LENGTH));
        }
        return env;
    }

    private static ClickSink clickSink(RunnerSettings settings, Map<String, String> env, Path clicksRoot) {
        if (settings.env(ClickSinks.STREAM_NAME) != null) {
            return ClickSinks.fromEnvironment(
                    Environment.system(),
                    new StructuredLog(RedirectWiring.SERVICE),
                    EmfMetrics.fromEnvironment(
                            Environment.system(), RedirectWiring.SERVICE)); // Firehose, exactly as in Lambda
        }
        byte[] secret = env.get(ClickSinks.VISITOR_SECRET).getBytes(StandardCharsets.UTF_8);
        return new LocalClickSink(clicksRoot, new ClickEvents(secret));
    }
}
