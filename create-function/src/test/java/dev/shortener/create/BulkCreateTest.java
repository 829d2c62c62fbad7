package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.shortener.create.IdempotencyTest.DyingIdempotencyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** {@code POST /api/links/bulk} through the handler, on dynalite and redis-server. */
class BulkCreateTest {

    /** What each tenth item (from the fourth on) gets wrong, and the problem it must come back with. */
    private static final String[][] INVALID = {
        {"{\"url\":\"ftp://files.example/a\"}", "url-scheme-not-allowed"},
        {"{\"url\":\"https://a.example/\",\"expiresat\":\"2027-01-01T00:00:00Z\"}", "unknown-field"},
        {"{\"url\":\"https://a.example/\",\"tags\":[\"no spaces\"]}", "invalid-tags"},
        {"{\"url\":42}", "invalid-field-type"},
        {"{\"alias\":\"no-url-here\"}", "missing-field"},
        {"{\"url\":\"https://a.example/\",\"alias\":\"api\"}", "reserved-alias"},
        {"{\"url\":\"https://a.example/\",\"expiresAt\":\"2020-01-01T00:00:00Z\"}", "expiry-not-in-future"},
        {"\"https://a.example/\"", "malformed-json"},
        {"{\"url\":\"https://evil.example/x\"}", "url-blocked-domain"},
        {
            "{\"url\":\"https://a.example/\",\"tags\":[\"1\",\"2\",\"3\",\"4\",\"5\",\"6\",\"7\",\"8\",\"9\",\"10\",\"11\"]}",
            "invalid-tags"
        },
    };

    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    @Test
    void aHundredItemsWithTenInvalid_giveNinetyLinksAndTenProblems_inRequestOrder() {
        String body = hundredItems();

        Answer answer = bulk(bed, key, body, "\"bulk-1\"");

        answer.assertStatus(200);
        assertEquals("no-store", answer.header("Cache-Control"));
        JsonNode results = answer.json().get("results");
        assertEquals(100, results.size());
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            JsonNode result = results.get(i);
            if (i % 10 == 3) {
                String expected = INVALID[i / 10][1];
                boolean domainRule = expected.startsWith("url-")
                        || expected.endsWith("-alias")
                        || expected.startsWith("expiry")
                        || expected.equals("invalid-tags");
                assertEquals(domainRule ? 422 : 400, result.get("status").asInt(), "item " + i);
                assertEquals(
                        Answer.PROBLEM_PREFIX + expected,
                        result.get("problem").get("type").asText(),
                        "item " + i);
                assertEquals(
                        result.get("status").asInt(),
                        result.get("problem").get("status").asInt());
            } else {
                assertEquals(201, result.get("status").asInt(), "item " + i + ": " + result);
                JsonNode link = result.get("link");
                assertEquals("https://example.com/item/" + i, link.get("url").asText());
                assertEquals(
                        TestBed.SHORT_BASE + "/" + link.get("code").asText(),
                        link.get("shortUrl").asText());
                codes.add(link.get("code").asText());
            }
        }
        assertEquals(90, codes.size());
        assertEquals("bulk-" + 10, codes.get(9), "the item with an alias got it");
        assertEquals(
                "[\"batch\",\"item-0\"]", results.get(0).get("link").get("tags").toString());
        assertEquals(codes.stream().sorted().toList(), bed.linkKeys(), "exactly the ninety links were written");
    }

    @Test
    void aReplay_returnsTheSameResults_andWritesNothing() {
        String body = hundredItems();
        Answer first = bulk(bed, key, body, "\"bulk-2\"");
        var itemsAfterFirst = bed.items().keySet();

        bed.clock.advance(Duration.ofMinutes(5));
        Answer replay = bulk(bed, key, body, "\"bulk-2\"");
        Answer otherBody = bulk(bed, key, body.replace("item/1\"", "item/one\""), "\"bulk-2\"");

        first.assertStatus(200);
        replay.assertStatus(200);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json(), replay.json(), "the same results, codes and all");
        assertEquals(itemsAfterFirst, bed.items().keySet(), "no link, reservation or record added");
        otherBody.assertProblem(422, "idempotency-key-reused");
    }

    @Test
    void aRequestThatDiedBeforeKeepingItsResults_isResumedWithTheSameCodes() {
        AtomicBoolean dead = new AtomicBoolean(true);
        TestBed dying = DyingIdempotencyStore.bed(dead);
        String dyingKey = dying.newApiKey("owner-a");
        String body =
                "{\"links\":[{\"url\":\"https://a.example/1\"},{\"url\":\"https://a.example/2\",\"alias\":\"two-2\"},"
                        + "{\"url\":\"https://a.example/3\",\"expiresAt\":\"2027-01-01T00:00:00Z\"}]}";
        Answer first = bulk(dying, dyingKey, body, "\"bulk-3\"");
        dead.set(false);
        var linksAfterFirst = dying.linkKeys();

        Answer tooSoon = bulk(dying, dyingKey, body, "\"bulk-3\"");
        dying.clock.advance(Duration.ofSeconds(31));
        Answer resumed = bulk(dying, dyingKey, body, "\"bulk-3\"");
        Answer replayed = bulk(dying, dyingKey, body, "\"bulk-3\"");

        first.assertStatus(200);
        tooSoon.assertProblem(409, "idempotency-request-in-flight");
        assertEquals(first.json(), resumed.json(), "the same codes: the links found, not made again");
        assertEquals(first.json(), replayed.json());
        assertEquals("true", replayed.header("Idempotent-Replayed"));
        assertEquals(linksAfterFirst, dying.linkKeys());
        assertEquals(3, linksAfterFirst.size());
    }

    @Test
    void rateLimits_areChargedPerItem_andItemsBeyondTheBucketAreRefusedOnTheirOwn() {
        TestBed limited = TestBed.create(Map.of(CreateConfig.RATE_LIMIT_KEY_BURST, "10"));
        String limitedKey = limited.newApiKey("owner-a");
        StringBuilder body = new StringBuilder("{\"links\":[");
        for (int i = 0; i < 20; i++) {
            body.append(i == 0 ? "" : ",")
                    .append("{\"url\":\"https://example.com/r/")
                    .append(i)
                    .append("\"}");
        }
        body.append("]}");

        Answer answer = bulk(limited, limitedKey, body.toString(), null);
        Answer next = bulk(limited, limitedKey, "{\"links\":[{\"url\":\"https://example.com/later\"}]}", null);

        JsonNode results = answer.assertStatus(200).json().get("results");
        for (int i = 0; i < 20; i++) {
            if (i < 10) {
                assertEquals(201, results.get(i).get("status").asInt(), "item " + i);
            } else {
                assertEquals(429, results.get(i).get("status").asInt(), "item " + i);
                assertEquals(
                        Answer.PROBLEM_PREFIX + "rate-limited",
                        results.get(i).get("problem").get("type").asText());
            }
        }
        assertEquals(10, limited.linkKeys().size());
        next.assertProblem(429, "rate-limited");
    }

    @Test
    void theRequestAsAWhole_isRefusedOnlyForItsOwnShape() {
        StringBuilder tooMany = new StringBuilder("{\"links\":[");
        for (int i = 0; i <= 100; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"url\":\"https://example.com/\"}");
        }
        tooMany.append("]}");

        bulk(bed, key, tooMany.toString(), null)
                .assertProblem(422, "too-many-items")
                .assertField("links");
        bulk(bed, key, "{\"links\":[]}", null).assertProblem(422, "too-many-items");
        bulk(bed, key, "{}", null).assertProblem(400, "missing-field").assertField("links");
        bulk(bed, key, "{\"links\":{}}", null).assertProblem(400, "invalid-field-type");
        bulk(bed, key, "{\"links\":[],\"extra\":1}", null).assertProblem(400, "unknown-field");
        bulk(bed, key, "[", null).assertProblem(400, "malformed-json");
        assertEquals(List.of(), bed.linkKeys());
    }

    @Test
    void theSampleEvent_createsTwoLinksAndRefusesTheFtpOne() {

        Answer answer = bed.send(Events.keyed(Events.BULK, key));

        JsonNode results = answer.assertStatus(200).json().get("results");
        assertEquals("winter-sale", results.get(0).get("link").get("code").asText());
        assertEquals(
                "[\"sale\",\"winter\"]", results.get(0).get("link").get("tags").toString());
        assertEquals(
                "2027-05-31T23:59:59Z",
                results.get(1).get("link").get("expiresAt").asText());
        assertEquals(422, results.get(2).get("status").asInt());
        assertTrue(results.get(2).get("problem").get("field").asText().equals("url"));
    }

    /** Items 0..99: every tenth from the fourth on invalid, item 10 with an alias, item 0 with tags. */
    private static String hundredItems() {
        StringBuilder body = new StringBuilder("{\"links\":[");
        for (int i = 0; i < 100; i++) {
            body.append(i == 0 ? "" : ",");
            if (i % 10 == 3) {
                body.append(INVALID[i / 10][0]);
            } else if (i == 10) {
                body.append("{\"url\":\"https://example.com/item/10\",\"alias\":\"bulk-10\"}");
            } else if (i == 0) {
                body.append("{\"url\":\"https://example.com/item/0\",\"tags\":[\"Batch\",\"item-0\"]}");
            } else {
                body.append("{\"url\":\"https://example.com/item/").append(i).append("\"}");
            }
        }
        return body.append("]}").toString();
    }

    private static Answer bulk(TestBed bed, String key, String body, String idempotencyKey) {
        return bed.send(Events.withHeader(
                Events.withBody(Events.keyed(Events.BULK, key), body), "idempotency-key", idempotencyKey));
    }
}
