package dev.shortener.redirect;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.shortener.create.CreateConfig;
import dev.shortener.create.CreateHandler;
import dev.shortener.create.CreatePorts;
import dev.shortener.create.domain.auth.ApiKeyFormat;
import dev.shortener.create.domain.auth.Caller;
import dev.shortener.create.dynamodb.DynamoDbApiKeys;
import dev.shortener.create.dynamodb.DynamoDbCodeReservations;
import dev.shortener.create.dynamodb.DynamoDbIdempotencyStore;
import dev.shortener.create.dynamodb.DynamoDbLinkStats;
import dev.shortener.create.redis.RedisLinkInvalidation;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.http.InvocationContext;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.DynamoDbWorkerLeases;
import dev.shortener.localservers.TestServers;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The two functions together, as deployed: links created, changed and deleted through the real create handler,
 * followed through the real redirect handler, on one table and one Redis. A change is seen by the very next
 * redirect, though the old destination was cached in Redis a moment before.
 */
class ManagedLinkRedirectTest {

    /** An independent reader of what the code under test writes. */
    private static final ObjectMapper JSON = new ObjectMapper();

    private RedirectFixture redirect;
    private CreateHandler create;
    private String apiKey;

    @BeforeEach
    void deployBothFunctions() {
        redirect = RedirectFixture.create();
        Map<String, String> env = new HashMap<>();
        env.put(CreateConfig.LINKS_TABLE, redirect.table);
        env.put(CreateConfig.REDIS_URL, TestServers.redisUri().toString());
        env.put(CreateConfig.SHORT_BASE_URL, "https://sho.rt");
        env.put("SHORTCODE_SECRET", "cross-function-test-secret-of-32-characters+");
        CreatePorts ports = new CreatePorts(
                new DynamoDbLinkStore(redirect.admin, redirect.table),
                new DynamoDbCodeReservations(redirect.admin, redirect.table),
                new DynamoDbLinkStats(redirect.admin, redirect.table),
                new DynamoDbApiKeys(redirect.admin, redirect.table),
                new DynamoDbIdempotencyStore(redirect.admin, redirect.table),
                new RedisTokenBuckets(redirect.redis, TestServers.uniqueName("ratelimit") + ":"),
                new RedisLinkInvalidation(redirect.cache),
                new DynamoDbWorkerLeases(redirect.admin, redirect.table));
        create = new CreateHandler(CreateConfig.fromEnvironment(env), ports, redirect.clock);
        apiKey = ApiKeyFormat.generate(new SecureRandom());
        String hash = ApiKeyFormat.hash(apiKey);
        new DynamoDbApiKeys(redirect.admin, redirect.table)
                .add(hash, new Caller("owner-1", ApiKeyFormat.keyId(hash)), redirect.clock.instant());
    }

    @AfterEach
    void tearDown() {
        redirect.close();
    }

    @Test
    void afterPatch_theNextRedirectGoesToTheNewDestination_thoughTheOldOneWasCached() throws Exception {
        String code = createLink("{\"url\":\"https://old.example/page\"}");
        assertEquals("https://old.example/page", location(redirect.get(code)));
        assertEquals("https://old.example/page", location(redirect.get(code)), "now served from Redis");
        assertEquals("hit", redirect.lastRequestLog().get("cache"));

        APIGatewayV2HTTPResponse patched = manage("api-update-link.json", "PATCH", code,
                "{\"url\":\"https://new.example/page\"}");
        APIGatewayV2HTTPResponse next = redirect.get(code);

        assertEquals(200, patched.getStatusCode(), patched.getBody());
        assertEquals(302, next.getStatusCode());
        assertEquals("https://new.example/page", location(next));
    }

    @Test
    void afterDelete_theNextRedirectIsGone_thoughTheLinkWasCached() throws Exception {
        String code = createLink("{\"url\":\"https://soon-deleted.example/\"}");
        redirect.get(code);
        redirect.get(code);

        APIGatewayV2HTTPResponse deleted = manage("api-delete-link.json", "DELETE", code, null);
        APIGatewayV2HTTPResponse next = redirect.get(code);

        assertEquals(204, deleted.getStatusCode());
        assertEquals(410, next.getStatusCode());
    }

    @Test
    void anAliasProbedBeforeItExisted_redirectsAsSoonAsItIsCreated() throws Exception {
        assertEquals(404, redirect.get("launch-day").getStatusCode(), "remembered as unknown in Redis");

        String code = createLink("{\"url\":\"https://launch.example/\",\"alias\":\"launch-day\"}");

        assertEquals("launch-day", code);
        assertEquals("https://launch.example/", location(redirect.get(code)));
    }

    private String createLink(String body) throws Exception {
        APIGatewayV2HTTPResponse created = manage("api-create-link.json", "POST", null, body);
        assertEquals(201, created.getStatusCode(), created.getBody());
        return JSON.readTree(created.getBody()).get("code").asText();
    }

    private APIGatewayV2HTTPResponse manage(String eventFile, String method, String code, String body) {
        APIGatewayV2HTTPEvent event = Events.load(eventFile);
        String path = code == null ? "/api/links" : "/api/links/" + code;
        event.setRawPath(path);
        event.getRequestContext().getHttp().setPath(path);
        event.getRequestContext().getHttp().setMethod(method);
        Map<String, String> headers = new HashMap<>(event.getHeaders());
        headers.put("x-api-key", apiKey);
        headers.remove("idempotency-key");
        headers.put("content-type", "application/json");
        event.setHeaders(headers);
        event.setPathParameters(code == null ? null : Map.of("code", code));
        event.setBody(body);
        event.setIsBase64Encoded(false);
        return create.handleRequest(event, InvocationContext.fresh("redirect-function"));
    }

    private static String location(APIGatewayV2HTTPResponse response) {
        return response.getHeaders().get("Location");
    }
}
