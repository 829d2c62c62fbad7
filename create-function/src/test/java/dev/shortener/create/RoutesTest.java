package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinksTableSchema;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every route, through the handler, fed the committed sample events. */
class RoutesTest {

    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    /** The link the sample events for one code (winter-sale) read, change and delete. */
    private void createWinterSale() {
        bed.send(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key)).assertStatus(201);
    }

    @Test
    void post_createsALinkWithAMintedCode_andAnswers201WithLocationAndBody() {
        Answer answer = bed.send(Events.keyed(Events.CREATE, key));

        answer.assertStatus(201);
        String code = answer.code();
        assertEquals(7, code.length());
        assertEquals("/api/links/" + code, answer.header("Location"));
        assertEquals("application/json", answer.header("Content-Type"));
        assertEquals("no-store", answer.header("Cache-Control"));
        assertEquals(TestBed.SHORT_BASE + "/" + code, answer.text("shortUrl"));
        assertEquals("https://example.com/articles/2026/serverless?ref=newsletter", answer.text("url"));
        assertEquals("2026-11-27T12:00:00Z", answer.text("createdAt"));
        assertTrue(
                answer.json().has("expiresAt") && answer.json().get("expiresAt").isNull());
        assertFalse(
                answer.json().get("forwardQuery").asBoolean(), "off unless asked for (FORWARD_QUERY_DEFAULT unset)");
        assertEquals(7, answer.json().size(), "exactly code, shortUrl, url, createdAt, expiresAt, forwardQuery, tags");
        LinkLookup stored = bed.links.find(code, bed.clock.instant());
        assertEquals("owner-a", stored.link().createdBy());
    }

    @Test
    void post_withAliasAndExpiry_storesBoth_andTheExpiryAsTheTtlAttribute() {
        Answer answer = bed.send(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key));

        answer.assertStatus(201);
        assertEquals("winter-sale", answer.code());
        assertEquals("/api/links/winter-sale", answer.header("Location"));
        assertEquals("https://sho.rt/winter-sale", answer.text("shortUrl"));
        assertEquals("2027-01-31T23:59:59Z", answer.text("expiresAt"));
        Map<String, AttributeValue> item = bed.items().get("winter-sale");
        assertEquals("1801439999", item.get(LinksTableSchema.TTL_ATTRIBUTE).n());
    }

    @Test
    void post_withABase64Body_decodesIt_andStoresTheHostInPunycode() {
        Answer answer = bed.send(Events.keyed(Events.CREATE_BASE64, key));

        answer.assertStatus(201);
        assertEquals("https://xn--bcher-kva.example/kategorie/st%C3%A4dte", answer.text("url"));
    }

    @Test
    void get_returnsTheLinkWithStatusAndClickCount() {
        createWinterSale();

        Answer answer = bed.send(Events.keyed(Events.GET, key));

        answer.assertStatus(200);
        assertEquals("application/json", answer.header("Content-Type"));
        assertEquals("winter-sale", answer.code());
        assertEquals("https://shop.example/sale/winter", answer.text("url"));
        assertEquals("active", answer.text("status"));
        assertEquals(0, answer.json().get("clickCount").asLong());
        assertEquals("2027-01-31T23:59:59Z", answer.text("expiresAt"));
    }

    @Test
    void get_ofAnExpiredLink_showsItToItsOwnerAsExpired() {
        createWinterSale();
        bed.clock.advance(java.time.Duration.ofDays(70));

        Answer answer = bed.send(Events.keyed(Events.GET, key));

        answer.assertStatus(200);
        assertEquals("expired", answer.text("status"));
    }

    @Test
    void patch_changesDestination_andRemovesTheExpiryWithNull() {
        createWinterSale();

        Answer answer = bed.send(Events.keyed(Events.UPDATE, key));

        answer.assertStatus(200);
        assertEquals("https://shop.example/sale/winter-extended", answer.text("url"));
        assertTrue(answer.json().get("expiresAt").isNull());
        assertNull(bed.links.find("winter-sale", bed.clock.instant()).link().expiresAt());
    }

    @Test
    void patch_setsANewExpiry() {
        createWinterSale();

        Answer answer = bed.send(
                Events.withBody(Events.keyed(Events.UPDATE, key), "{\"expiresAt\":\"2027-06-30T00:00:00+02:00\"}"));

        answer.assertStatus(200);
        assertEquals("https://shop.example/sale/winter", answer.text("url"));
        assertEquals("2027-06-29T22:00:00Z", answer.text("expiresAt"));
    }

    @Test
    void delete_answers204_leavesATombstone_andTheCodeIsGoneForGood() {
        createWinterSale();

        Answer answer = bed.send(Events.keyed(Events.DELETE, key));

        answer.assertStatus(204);
        assertNull(answer.response().getBody());
        assertEquals(
                LinkLookup.Status.DELETED,
                bed.links.find("winter-sale", bed.clock.instant()).status());
        bed.send(Events.keyed(Events.GET, key)).assertProblem(404, "link-not-found");
        bed.send(Events.keyed(Events.DELETE, key)).assertProblem(404, "link-not-found");
        var again = Events.withHeader(Events.load(Events.CREATE_ALIAS_EXPIRY), "idempotency-key", null);
        bed.send(Events.withKey(again, key)).assertProblem(409, "alias-taken");
    }

    @Test
    void stats_returnsClickCountAndWhenTheAnalyticsLastUpdatedIt() {
        createWinterSale();
        Answer before = bed.send(Events.keyed(Events.STATS, key));
        TestBed.dynamoDb()
                .updateItem(update -> update.tableName(bed.table)
                        .key(Map.of("pk", AttributeValue.fromS("winter-sale")))
                        .updateExpression("ADD click_count :n SET clicks_updated_at = :at")
                        .expressionAttributeValues(
                                Map.of(":n", AttributeValue.fromN("42"), ":at", AttributeValue.fromN("1795784400"))));

        Answer after = bed.send(Events.keyed(Events.STATS, key));

        before.assertStatus(200);
        assertEquals(0, before.json().get("clickCount").asLong());
        assertTrue(before.json().get("clicksUpdatedAt").isNull());
        after.assertStatus(200);
        assertEquals("winter-sale", after.code());
        assertEquals(42, after.json().get("clickCount").asLong());
        assertEquals("2026-11-27T13:00:00Z", after.text("clicksUpdatedAt"));
        assertEquals(0, after.json().get("totals").get("clicks").asLong(), "no day items yet (StatsRoutesTest)");
    }

    @Test
    void unknownPath_answers404() {
        bed.send(Events.keyed(Events.UNKNOWN_PATH, key)).assertProblem(404, "not-found");
    }

    @Test
    void wrongMethod_answers405_withAllow() {
        Answer onCollection = bed.send(Events.at(Events.keyed(Events.GET, key), "PUT", "/api/links"));
        Answer onLink = bed.send(Events.at(Events.keyed(Events.GET, key), "PUT", "/api/links/abc1234"));
        Answer onStats = bed.send(Events.at(Events.keyed(Events.GET, key), "DELETE", "/api/links/abc1234/stats"));

        assertEquals(
                "GET, POST",
                onCollection.assertProblem(405, "method-not-allowed").header("Allow"));
        assertEquals(
                "GET, PATCH, DELETE",
                onLink.assertProblem(405, "method-not-allowed").header("Allow"));
        assertEquals("GET", onStats.assertProblem(405, "method-not-allowed").header("Allow"));
    }

    @Test
    void aNamedStage_isTakenOffThePath() {
        var event = Events.keyed(Events.CREATE, key);
        event.getRequestContext().setStage("prod");
        event.setRawPath("/prod/api/links");

        bed.send(event).assertStatus(201);
    }
}
