package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.config.Environment;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreatePorts;
import dev.shortener.create.CreateWiring;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.create.dynamodb.DynamoDbCodeReservations;
import dev.shortener.create.dynamodb.DynamoDbIdempotencyStore;
import dev.shortener.create.dynamodb.DynamoDbLinkListing;
import dev.shortener.create.dynamodb.DynamoDbLinkStats;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.create.redis.SharedLinkCache;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.LinksTableSettings;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.DynamoDbWorkerLeases;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.localservers.lambda.InvocationContext;
import dev.shortener.testsupport.TestServers;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * The real create function, wired as in production on a given table and Redis, with an API key of its own:
 * what a test drives to create, change and delete the links the redirect function then follows.
 */
final class ManagementApi {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CreateHandler create;
    private final String apiKey = ApiKeyFormat.generate(new SecureRandom());

    ManagementApi(
            DynamoDbClient dynamoDb, String table, UnifiedJedis redis, RedisLinkCache cache, InstantSource clock) {
        Map<String, String> env = new HashMap<>();
        env.put(LinksTableSettings.LINKS_TABLE, table);
        env.put(RedisSettings.REDIS_URL, TestServers.redisUri().toString());
        env.put(CreateConfig.SHORT_BASE_URL, "https://sho.rt");
        env.put("SHORTCODE_SECRET", "cross-function-test-secret-of-32-characters+");
        LinksTable linksTable = new LinksTable(dynamoDb, table);
        CreatePorts ports = new CreatePorts(
                new DynamoDbLinkStore(linksTable),
                new DynamoDbCodeReservations(linksTable),
                new DynamoDbLinkStats(linksTable),
                new dev.shortener.create.dynamodb.DynamoDbDailyStats(linksTable),
                new DynamoDbApiKeys(linksTable),
                new DynamoDbIdempotencyStore(linksTable),
                new RedisTokenBuckets(redis, TestServers.uniqueName("ratelimit") + ":"),
                new SharedLinkCache(cache),
                new DynamoDbWorkerLeases(linksTable),
                new DynamoDbLinkListing(linksTable));
        create = new CreateHandler(CreateWiring.of(CreateConfig.fromEnvironment(Environment.of(env)), ports, clock));
        String hash = ApiKeyFormat.hash(apiKey);
        new DynamoDbApiKeys(linksTable).add(hash, new Caller("owner-1", ApiKeyFormat.keyId(hash)), clock.instant());
    }

    /** POST /api/links with {@code body}; the new link's code. */
    String createLink(String body) throws IOException {
        APIGatewayV2HTTPResponse created = send("api-create-link.json", "POST", null, body);
        assertEquals(201, created.getStatusCode(), created.getBody());
        return JSON.readTree(created.getBody()).get("code").asText();
    }

    /** GET /api/links/{code}/stats: the stats document. */
    JsonNode stats(String code) throws IOException {
        APIGatewayV2HTTPResponse stats = send("api-get-link-stats.json", "GET", code + "/stats", null);
        assertEquals(200, stats.getStatusCode(), stats.getBody());
        return JSON.readTree(stats.getBody());
    }

    /**
     * A request to the API built from a committed sample event.
     *
     * @param path what follows {@code /api/links/} (a code, {@code code/stats}), or null for the collection
     */
    APIGatewayV2HTTPResponse send(String eventFile, String method, String path, String body) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        String fullPath = path == null ? "/api/links" : "/api/links/" + path;
        event.setRawPath(fullPath);
        event.getRequestContext().getHttp().setPath(fullPath);
        event.getRequestContext().getHttp().setMethod(method);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-api-key", apiKey);
        headers.remove("idempotency-key");
        headers.put("content-type", "application/json");
        event.setHeaders(headers);
        event.setPathParameters(path == null ? null : Map.of("code", path.replace("/stats", "")));
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return create.handleRequest(event, InvocationContext.fresh("create-function"));
    }
}
