package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinksTableSchema;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Every route, through the handler, fed the committed sample events. */
class RoutesTest {

    private final TestBed bed = TestBed.create();
    private final String key = bed.newApiKey("owner-a");

    /** The sample event {@code name}, sent with the test's API key. */
    private Answer send(String name) {
        return bed.send(Events.keyed(name, key));
    }

    @Test
    void post_createsALinkWithAMintedCode_andAnswers201WithLocationAndBody() {
        Answer answer = send(Events.CREATE);

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
        Answer answer = send(Events.CREATE_ALIAS_EXPIRY);

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
        Answer answer = send(Events.CREATE_BASE64);

        answer.assertStatus(201);
        assertEquals("https://xn--bcher-kva.example/kategorie/st%C3%A4dte", answer.text("url"));
    }

    /** The routes that read, change or delete a link: the one the sample events for one code (winter-sale) name. */
    @Nested
    class OnAnExistingLink {

        @BeforeEach
        void createWinterSale() {
            send(Events.CREATE_ALIAS_EXPIRY).assertStatus(201);
        }

        @Test
        void get_returnsTheLinkWithStatusAndClickCount() {
            Answer answer = send(Events.GET);

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
            bed.clock.advance(java.time.Duration.ofDays(70));

            Answer answer = send(Events.GET);

            answer.assertStatus(200);
            assertEquals("expired", answer.text("status"));
        }

        @Test
        void patch_changesDestination_andRemovesTheExpiryWithNull() {
            Answer answer = send(Events.UPDATE);

            answer.assertStatus(200);
            assertEquals("https://shop.example/sale/winter-extended", answer.text("url"));
            assertTrue(answer.json().get("expiresAt").isNull());
            assertNull(bed.links.find("winter-sale", bed.clock.instant()).link().expiresAt());
        }

        @Test
        void patch_setsANewExpiry() {
            Answer answer = bed.send(
                    Events.withBody(Events.keyed(Events.UPDATE, key), "{\"expiresAt\":\"2027-06-30T00:00:00+02:00\"}"));

            answer.assertStatus(200);
            assertEquals("https://shop.example/sale/winter", answer.text("url"));
            assertEquals("2027-06-29T22:00:00Z", answer.text("expiresAt"));
        }

        @Test
        void delete_answers204_leavesATombstone_andTheCodeIsGoneForGood() {
            Answer answer = send(Events.DELETE);

            answer.assertStatus(204);
            assertNull(answer.response().getBody());
            assertEquals(
                    LinkLookup.Status.DELETED,
                    bed.links.find("winter-sale", bed.clock.instant()).status());
            send(Events.GET).assertProblem(404, "link-not-found");
            send(Events.DELETE).assertProblem(404, "link-not-found");
            var again = Events.withHeader(Events.load(Events.CREATE_ALIAS_EXPIRY), "idempotency-key", null);
            bed.send(Events.withKey(again, key)).assertProblem(409, "alias-taken");
        }

        @Test
        void stats_returnsClickCountAndWhenTheAnalyticsLastUpdatedIt() {
            Answer before = send(Events.STATS);
            TestBed.dynamoDb()
                    .updateItem(update -> update.tableName(bed.table)
                            .key(Map.of("pk", AttributeValue.fromS("winter-sale")))
                            .updateExpression("ADD click_count :n SET clicks_updated_at = :at")
                            .expressionAttributeValues(Map.of(
                                    ":n", AttributeValue.fromN("42"), ":at", AttributeValue.fromN("1795784400"))));

            Answer after = send(Events.STATS);

            before.assertStatus(200);
            assertEquals(0, before.json().get("clickCount").asLong());
            assertTrue(before.json().get("clicksUpdatedAt").isNull());
            after.assertStatus(200);
            assertEquals("winter-sale", after.code());
            assertEquals(42, after.json().get("clickCount").asLong());
            assertEquals("2026-11-27T13:00:00Z", after.text("clicksUpdatedAt"));
            assertEquals(0, after.json().get("totals").get("clicks").asLong(), "no day items yet (StatsRoutesTest)");
        }
    }

    @Test
    void unknownPath_answers404() {
        send(Events.UNKNOWN_PATH).assertProblem(404, "not-found");
    }

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "PUT    | /api/links               | GET, POST",
                "PUT    | /api/links/abc1234       | GET, PATCH, DELETE",
                "DELETE | /api/links/abc1234/stats | GET",
            })
    void wrongMethod_answers405_withAllow(String method, String path, String allow) {
        Answer answer = bed.send(Events.at(Events.keyed(Events.GET, key), method, path));

        assertEquals(allow, answer.assertProblem(405, "method-not-allowed").header("Allow"));
    }

    @Test
    void aNamedStage_isTakenOffThePath() {
        var event = Events.keyed(Events.CREATE, key);
        event.getRequestContext().setStage("prod");
        event.setRawPath("/prod/api/links");

        bed.send(event).assertStatus(201);
    }
}
