package dev.shortener.redirect;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.config.Environment;
import dev.shortener.http.StructuredLog;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.Link;
import dev.shortener.links.LinkStore;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.links.dynamodb.LinksTableSetup;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.testsupport.TestClock;
import dev.shortener.testsupport.TestServers;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A redirect handler wired as in production, against real servers: its own links table on dynalite, its own key
 * prefix on a redis-server, a clock the test steps, a recording click sink and a captured log.
 */
final class RedirectFixture implements AutoCloseable {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    static final String OWNER = "key-test";

    final DynamoDbClient admin;
    final String table;
    /** Writes links the way the create function does, straight into the table. */
    final LinkStore store;

    final UnifiedJedis redis;
    final RedisLinkCache cache;
    final TestClock clock = TestClock.atSystemTime();
    final RecordingClickSink clicks = new RecordingClickSink();
    final RedirectHandler handler;
    private final DynamoDbClient handlerDynamoDb;
    private final ByteArrayOutputStream log = new ByteArrayOutputStream();

    private RedirectFixture(
            URI redisUri, URI handlerDynamoDbEndpoint, Map<String, String> env, UnaryOperator<LinkStore> handlerStore) {
        URI dynamoDbEndpoint = TestServers.dynamoDbEndpoint();
        admin = DynamoDbClients.forEmulator(dynamoDbEndpoint);
        table = TestServers.uniqueName("redirect");
        LinksTableSetup.createIfMissing(admin, table);
        store = new DynamoDbLinkStore(new LinksTable(admin, table));
        redis = RedisClients.create(RedisSettings.of(redisUri));
        cache = new RedisLinkCache(redis, TestServers.uniqueName("redirect") + ":");

        Map<String, String> all = new HashMap<>(env);
        all.put(LinksTableSettings.LINKS_TABLE, table);
        all.put(RedisSettings.REDIS_URL, redisUri.toString());
        RedirectConfig config = RedirectConfig.fromEnvironment(Environment.of(all));
        // The handler's own client has the production redirect timeouts.
        handlerDynamoDb = DynamoDbClients.forEmulator(
                handlerDynamoDbEndpoint == null ? dynamoDbEndpoint : handlerDynamoDbEndpoint,
                DynamoDbTimeouts.REDIRECT);
        handler = new RedirectHandler(RedirectWiring.of(
                config,
                handlerStore.apply(new DynamoDbLinkStore(new LinksTable(handlerDynamoDb, table))),
                cache,
                clicks,
                clock,
                new StructuredLog(RedirectWiring.SERVICE, new PrintStream(log, true, StandardCharsets.UTF_8))));
    }

    static RedirectFixture create() {
        return create(Map.of());
    }

    static RedirectFixture create(Map<String, String> env) {
        return new RedirectFixture(TestServers.redisUri(), null, env, UnaryOperator.identity());
    }

    /** With a Redis of the test's own (one it can stop). */
    static RedirectFixture withRedis(URI redisUri, Map<String, String> env) {
        return new RedirectFixture(redisUri, null, env, UnaryOperator.identity());
    }

    /** With the handler's DynamoDB client pointed somewhere else (a closed port, a server that never answers). */
    static RedirectFixture withHandlerDynamoDb(URI endpoint) {
        return new RedirectFixture(TestServers.redisUri(), endpoint, Map.of(), UnaryOperator.identity());
    }

    /** With the handler's store wrapped, e.g. to hold a lookup between its read and the cache fill. */
    static RedirectFixture withHandlerStore(UnaryOperator<LinkStore> wrap) {
        return new RedirectFixture(TestServers.redisUri(), null, Map.of(), wrap);
    }

    Link link(String code, String url, Instant expiresAt) {
        return put(Link.create(code, url, clock.instant().minusSeconds(60), expiresAt, OWNER));
    }

    /** A link that forwards the visitor's query string, as the create function writes one. */
    Link forwardingLink(String code, String url) {
        return put(Link.create(code, url, clock.instant().minusSeconds(60), null, OWNER)
                .withForwardQuery(true));
    }

    private Link put(Link link) {
        if (!store.putIfAbsent(link)) {
            throw new IllegalStateException("code taken: " + link.code());
        }
        return link;
    }

    APIGatewayV2HTTPResponse send(String eventFile, String code) {
        return send(Events.load(eventFile, code));
    }

    /** Sends the sample for {@code code} after {@code change} (another method, path or query) through the handler. */
    APIGatewayV2HTTPResponse send(String eventFile, String code, Consumer<APIGatewayV2HTTPEvent> change) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile, code);
        change.accept(event);
        return send(event);
    }

    private APIGatewayV2HTTPResponse send(APIGatewayV2HTTPEvent event) {
        return handler.handleRequest(event, InvocationContext.fresh("redirect-function"));
    }

    APIGatewayV2HTTPResponse get(String code) {
        return send(Events.GET, code);
    }

    String logText() {
        return log.toString(StandardCharsets.UTF_8);
    }

    List<Map<String, Object>> logLines() {
        List<Map<String, Object>> lines = new ArrayList<>();
        for (String line : logText().split("\n")) {
            if (!line.isBlank()) {
                try {
                    lines.add(JSON.readValue(line, new TypeReference<Map<String, Object>>() {}));
                } catch (IOException e) {
                    throw new UncheckedIOException("not a JSON log line: " + line, e);
                }
            }
        }
        return lines;
    }

    /** The log line of the last request. */
    Map<String, Object> lastRequestLog() {
        List<Map<String, Object>> lines = logLines();
        for (int i = lines.size() - 1; i >= 0; i--) {
            if ("request".equals(lines.get(i).get("message"))) {
                return lines.get(i);
            }
        }
        throw new IllegalStateException("no request was logged");
    }

    @Override
    public void close() {
        redis.close();
        handlerDynamoDb.close();
        try {
            admin.deleteTable(delete -> delete.tableName(table));
        } catch (RuntimeException e) {
            // the emulator goes away with the JVM anyway
        }
        admin.close();
    }
}
