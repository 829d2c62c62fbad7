package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.create.redis.SharedLinkCache;
import dev.shortener.linkcache.RedisClients;
import dev.shortener.linkcache.RedisLinkCache;
import dev.shortener.linkcache.RedisSettings;
import dev.shortener.links.dynamodb.DynamoDbClients;
import dev.shortener.links.dynamodb.DynamoDbClients.DynamoDbTimeouts;
import dev.shortener.links.dynamodb.DynamoDbLinkStore;
import dev.shortener.links.dynamodb.LinksTable;
import java.net.URI;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every kind of error, through the handler: status, headers and the problem+json body. */
class ErrorKindsTest {

    private static final URI NOWHERE = URI.create("http://127.0.0.1:1");

    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    private Answer create(String body) {
        return bed.create(key, body);
    }

    @Test
    void malformedJson_is400() {
        Answer answer = create("{\"url\": \"https://example.com/\"");

        answer.assertProblem(400, "malformed-json");
        assertTrue(answer.text("detail").contains("line 1"), answer.text("detail"));
    }

    @Test
    void aRepeatedMember_isMalformed() {
        create("{\"url\":\"https://a.example/\",\"url\":\"https://b.example/\"}")
                .assertProblem(400, "malformed-json");
    }

    @Test
    void anUnknownMember_is400_namingIt() {
        Answer answer = create("{\"url\":\"https://example.com/\",\"expiresat\":\"2027-01-01T00:00:00Z\"}");

        answer.assertProblem(400, "unknown-field").assertField("expiresat");
        assertTrue(answer.text("detail").contains("url, alias, expiresAt"), answer.text("detail"));
    }

    @Test
    void aMemberOfTheWrongType_is400_namingIt() {
        create("{\"url\": 42}").assertProblem(400, "invalid-field-type").assertField("url");
        create("{\"url\":\"https://example.com/\",\"alias\":[\"a\"]}")
                .assertProblem(400, "invalid-field-type")
                .assertField("alias");
    }

    @Test
    void aMissingUrl_is400() {
        create("{\"alias\":\"promo\"}").assertProblem(400, "missing-field").assertField("url");
    }

    @Test
    void aPatchThatChangesNothing_is400() {
        create("{\"url\":\"https://example.com/\",\"alias\":\"promo1\"}").assertStatus(201);

        bed.send(Events.withBody(Events.keyed(Events.UPDATE, key, "promo1"), "{}"))
                .assertProblem(400, "missing-field");
    }

    @Test
    void aPatchOfTheAlias_isAnUnknownField() {
        create("{\"url\":\"https://example.com/\",\"alias\":\"promo2\"}").assertStatus(201);

        bed.send(Events.withBody(Events.keyed(Events.UPDATE, key, "promo2"), "{\"alias\":\"other\"}"))
                .assertProblem(400, "unknown-field")
                .assertField("alias");
    }

    @Test
    void aBadIdempotencyKey_is400_namingTheHeader() {
        Answer answer =
                bed.send(Events.withHeader(Events.keyed(Events.CREATE, key), "idempotency-key", "x".repeat(300)));

        answer.assertProblem(400, "invalid-idempotency-key");
        assertEquals("Idempotency-Key", answer.text("header"));
    }

    @Test
    void aBodyOverTheCap_is413() {
        Answer answer = create("{\"url\":\"https://example.com/" + "a".repeat(17_000) + "\"}");

        answer.assertProblem(413, "payload-too-large");
    }

    @Test
    void aNonJsonContentType_is415() {
        bed.send(Events.withHeader(Events.keyed(Events.CREATE, key), "content-type", "text/plain"))
                .assertProblem(415, "unsupported-media-type");
        bed.send(Events.withHeader(Events.keyed(Events.CREATE, key), "content-type", null))
                .assertProblem(415, "unsupported-media-type");
    }

    @Test
    void anUnknownRoute_is404_andAWrongMethod_is405WithAllow() {
        bed.send(Events.at(Events.keyed(Events.CREATE, key), "POST", "/api/link"))
                .assertProblem(404, "not-found");
        bed.send(Events.at(Events.keyed(Events.CREATE, key), "GET", "/api/links/a/b/c"))
                .assertProblem(404, "not-found");
        Answer answer = bed.send(Events.at(Events.keyed(Events.CREATE, key), "POST", "/api/links/x1y2z3"));
        answer.assertProblem(405, "method-not-allowed");
        assertEquals("GET, PATCH, DELETE", answer.header("Allow"));
    }

    @Test
    void noApiKey_is401_withAChallenge() {
        Answer answer = bed.send(Events.keyed(Events.CREATE, null));

        answer.assertProblem(401, "missing-api-key");
        assertEquals("ApiKey header=\"X-Api-Key\"", answer.header("WWW-Authenticate"));
    }

    @Test
    void anUnknownOrRevokedApiKey_is401() {
        bed.send(Events.keyed(Events.CREATE, "shk_not-a-real-key")).assertProblem(401, "invalid-api-key");
        bed.send(Events.keyed(Events.CREATE, "bad key\u0001")).assertProblem(401, "invalid-api-key");
        bed.items().keySet().stream()
                .filter(pk -> pk.startsWith("apikey#"))
                .forEach(pk -> TestBed.dynamoDb()
                        .updateItem(update -> update.tableName(bed.table)
                                .key(Map.of("pk", AttributeValue.fromS(pk)))
                                .updateExpression("SET revoked_at = :now")
                                .expressionAttributeValues(Map.of(":now", AttributeValue.fromN("1795780800")))));

        bed.send(Events.keyed(Events.CREATE, key)).assertProblem(401, "invalid-api-key");
    }

    @Test
    void anUnknownCode_is404() {
        bed.send(Events.keyed(Events.GET, key, "nosuch1")).assertProblem(404, "link-not-found");
        bed.send(Events.keyed(Events.STATS, key, "nosuch1")).assertProblem(404, "link-not-found");
        bed.send(Events.keyed(Events.GET, key, "worker%230")).assertProblem(404, "link-not-found");
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "ftp://example.com/file                 | url-scheme-not-allowed",
                "example.com/page                       | invalid-url",
                "https://user:pw@example.com/           | url-userinfo-not-allowed",
                "https://sho.rt/abc1234                 | url-own-domain",
                "https://www.evil.example/              | url-blocked-domain",
                "http://169.254.169.254/latest/meta-data | url-private-address",
                "https://xn--80ak6aa92e.com/            | url-confusable-host",
            })
    void urlPolicyRefusals_are422_naming_url(String url, String type) {
        create("{\"url\":\"" + url + "\"}").assertProblem(422, type).assertField("url");
    }

    @Test
    void aUrlOverTheLengthCap_is422() {
        Answer answer = create("{\"url\":\"https://example.com/" + "a".repeat(2100) + "\"}");

        answer.assertProblem(422, "url-too-long").assertField("url");
        assertTrue(answer.text("detail").contains("2048"), answer.text("detail"));
    }

    @ParameterizedTest(name = "{0}: {1} -> {2}")
    @CsvSource(
            delimiter = '|',
            value = {
                "alias     | a/b                  | invalid-alias",
                "alias     | ab                   | invalid-alias",
                "alias     | api                  | reserved-alias",
                "alias     | Stats                | reserved-alias",
                "expiresAt | next week            | invalid-expiry",
                "expiresAt | 2026-11-27T11:59:59Z | expiry-not-in-future",
                "expiresAt | 2046-11-27T12:00:00Z | expiry-too-far",
            })
    void aliasAndExpiryRefusals_are422_namingTheMember(String member, String value, String type) {
        create("{\"url\":\"https://example.com/\",\"" + member + "\":\"" + value + "\"}")
                .assertProblem(422, type)
                .assertField(member);
    }

    @Test
    void aTakenAlias_is409() {
        create("{\"url\":\"https://example.com/\",\"alias\":\"taken-1\"}").assertStatus(201);

        Answer answer = create("{\"url\":\"https://other.example/\",\"alias\":\"taken-1\"}");

        answer.assertProblem(409, "alias-taken").assertField("alias");
    }

    @Test
    void anUnexpectedFailure_is500_revealingNothing() {
        TestBed broken = TestBed.create(adapters -> adapters.stats = code -> {
            throw new IllegalStateException("secret-internal-detail");
        });
        String brokenKey = broken.newApiKey("owner-b");
        broken.create(brokenKey, "{\"url\":\"https://example.com/\",\"alias\":\"stats-1\"}")
                .assertStatus(201);

        Answer answer = broken.send(Events.keyed(Events.STATS, brokenKey, "stats-1"));

        answer.assertProblem(500, "internal-error");
        assertFalse(answer.response().getBody().contains("secret-internal-detail"));
    }

    @Test
    void anUnreachableDynamoDb_is503_withRetryAfter() {
        var unreachable = DynamoDbClients.forEmulator(NOWHERE, DynamoDbTimeouts.REDIRECT);
        TestBed broken =
                TestBed.create(adapters -> adapters.links = new DynamoDbLinkStore(new LinksTable(unreachable, "t")));

        Answer answer = broken.create(broken.newApiKey("owner-b"), "{\"url\":\"https://example.com/\"}");

        answer.assertProblem(503, "service-unavailable");
        assertEquals("5", answer.header("Retry-After"));
    }

    @Test
    void anUnreachableRedis_refusesAChange_with503_andChangesNothing() {
        var deadRedis = RedisClients.create(RedisSettings.of(URI.create("redis://127.0.0.1:1")));
        TestBed broken =
                TestBed.create(adapters -> adapters.cache = new SharedLinkCache(new RedisLinkCache(deadRedis, "x:")));
        String brokenKey = broken.newApiKey("owner-b");
        broken.create(brokenKey, "{\"url\":\"https://old.example/\",\"alias\":\"keep-me\"}")
                .assertStatus(201);

        Answer patch = broken.send(Events.withBody(
                Events.keyed(Events.UPDATE, brokenKey, "keep-me"), "{\"url\":\"https://new.example/\"}"));
        Answer delete = broken.send(Events.keyed(Events.DELETE, brokenKey, "keep-me"));

        patch.assertProblem(503, "cache-unavailable");
        assertEquals("5", patch.header("Retry-After"));
        delete.assertProblem(503, "cache-unavailable");
        assertEquals(
                "https://old.example/",
                broken.links.find("keep-me", broken.clock.instant()).link().url());
        deadRedis.close();
    }
}
