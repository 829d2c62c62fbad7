package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.linkcache.CachedLink;
import dev.shortener.links.LinksTableSchema;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code forwardQuery} through the handler, on create and PATCH, against dynalite and redis-server: what the API
 * answers, what the table holds, and what the redirect's cache is left with.
 */
class ForwardQueryTest {

    private static final String CREATE_FORWARDING =
            "{\"url\":\"https://shop.example/sale/winter\",\"alias\":\"winter-sale\",\"forwardQuery\":true}";

    @Test
    void create_withForwardQueryTrue_storesIt_returnsIt_andReadsItBack() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");

        Answer created = bed.send(Events.withBody(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key), CREATE_FORWARDING));
        Answer read = bed.send(Events.keyed(Events.GET, key));

        created.assertStatus(201);
        assertTrue(created.json().get("forwardQuery").asBoolean());
        assertTrue(read.json().get("forwardQuery").asBoolean());
        assertEquals(
                AttributeValue.fromBool(true), bed.items().get("winter-sale").get(LinksTableSchema.FORWARD_QUERY));
        assertEquals(
                Optional.of(CachedLink.found("https://shop.example/sale/winter", 0, true)),
                bed.cache.get("winter-sale"),
                "the new link's entry in the redirect's cache carries the flag");
    }

    @Test
    void create_withoutForwardQuery_takesTheDeploymentsDefault() {
        TestBed off = TestBed.create();
        TestBed on = TestBed.create(Map.of(CreateConfig.FORWARD_QUERY_DEFAULT, "true"));

        Answer byDefault = off.send(Events.keyed(Events.CREATE, off.newApiKey("owner-a")));
        Answer onByDefault = on.send(Events.keyed(Events.CREATE, on.newApiKey("owner-a")));
        Answer optedOut = on.send(Events.withBody(
                Events.withHeader(Events.keyed(Events.CREATE, on.newApiKey("owner-b")), "idempotency-key", null),
                "{\"url\":\"https://example.com/\",\"forwardQuery\":false}"));

        assertFalse(byDefault.json().get("forwardQuery").asBoolean());
        assertTrue(onByDefault.json().get("forwardQuery").asBoolean());
        assertFalse(optedOut.json().get("forwardQuery").asBoolean());
        assertFalse(on.links.find(optedOut.code(), on.clock.instant()).link().forwardQuery());
    }

    @Test
    void patch_setsAndClearsForwardQuery_alone_orWithTheDestination_andTheCacheFollows() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        bed.send(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key)).assertStatus(201);

        Answer on = bed.send(Events.withBody(Events.keyed(Events.UPDATE, key), "{\"forwardQuery\":true}"));
        Optional<CachedLink> cachedOn = bed.cache.get("winter-sale");
        Answer moved = bed.send(
                Events.withBody(Events.keyed(Events.UPDATE, key), "{\"url\":\"https://shop.example/sale/spring\"}"));
        Answer off = bed.send(Events.withBody(
                Events.keyed(Events.UPDATE, key),
                "{\"url\":\"https://shop.example/sale/summer\",\"forwardQuery\":false}"));

        on.assertStatus(200);
        assertTrue(on.json().get("forwardQuery").asBoolean());
        assertEquals("https://shop.example/sale/winter", on.text("url"), "only forwarding changed");
        assertEquals("2027-01-31T23:59:59Z", on.text("expiresAt"));
        assertTrue(cachedOn.orElseThrow().forwardQuery());
        assertTrue(moved.json().get("forwardQuery").asBoolean(), "a new destination keeps forwarding as it was");
        assertFalse(off.json().get("forwardQuery").asBoolean());
        assertEquals("https://shop.example/sale/summer", off.text("url"));
        assertFalse(bed.links.find("winter-sale", bed.clock.instant()).link().forwardQuery());
        assertFalse(bed.cache.get("winter-sale").orElseThrow().forwardQuery());
    }

    @Test
    void forwardQuery_mustBeABoolean_onCreateAndPatch() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        bed.send(Events.keyed(Events.CREATE_ALIAS_EXPIRY, key)).assertStatus(201);

        for (String value : new String[] {"\"true\"", "1", "null"}) {
            Answer create = bed.send(Events.withBody(
                    Events.withHeader(Events.keyed(Events.CREATE, key), "idempotency-key", null),
                    "{\"url\":\"https://example.com/\",\"forwardQuery\":" + value + "}"));
            Answer patch =
                    bed.send(Events.withBody(Events.keyed(Events.UPDATE, key), "{\"forwardQuery\":" + value + "}"));

            assertEquals(
                    "forwardQuery",
                    create.assertProblem(400, "invalid-field-type").text("field"),
                    value);
            assertEquals(
                    "forwardQuery",
                    patch.assertProblem(400, "invalid-field-type").text("field"),
                    value);
        }
        assertFalse(bed.links.find("winter-sale", bed.clock.instant()).link().forwardQuery(), "nothing changed");
    }

    /** The same Idempotency-Key with forwardQuery changed is another request (422); replayed, it answers the same. */
    @Test
    void idempotency_replaysForwardQuery_andTellsAChangedOneApart() {
        TestBed bed = TestBed.create();
        String key = bed.newApiKey("owner-a");
        var forwarding = Events.withBody(
                Events.withHeader(Events.keyed(Events.CREATE, key), "idempotency-key", "retry-me-1"),
                "{\"url\":\"https://example.com/\",\"forwardQuery\":true}");

        Answer first = bed.send(forwarding);
        Answer replay = bed.send(forwarding);
        Answer changed = bed.send(Events.withBody(
                Events.withHeader(Events.keyed(Events.CREATE, key), "idempotency-key", "retry-me-1"),
                "{\"url\":\"https://example.com/\",\"forwardQuery\":false}"));

        first.assertStatus(201);
        replay.assertStatus(201);
        assertEquals("true", replay.header("Idempotent-Replayed"));
        assertEquals(first.json(), replay.json());
        changed.assertProblem(422, "idempotency-key-reused");
    }
}
