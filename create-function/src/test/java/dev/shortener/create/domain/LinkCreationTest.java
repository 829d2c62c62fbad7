package dev.shortener.create.domain;

import static dev.shortener.create.domain.DomainFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shortener.create.domain.link.LinkWrites;
import dev.shortener.create.domain.link.NewLink;
import dev.shortener.links.Link;
import dev.shortener.links.LinkLookup;
import java.util.List;
import org.junit.jupiter.api.Test;

/** LinkCreation over in-memory ports: what it writes, what it refuses, and what it tells the cache. */
class LinkCreationTest {

    private final DomainFixture domain = new DomainFixture();

    @Test
    void create_takesAFreshCode_whenTheMintedOneIsTaken() {
        String firstMinted = domain.minter().mint();
        domain.taken(firstMinted, "someone-else");

        Link link = domain.creation.create(new NewLink("https://example.com/", null, null), "owner-1");

        assertNotEquals(firstMinted, link.code());
        assertEquals("owner-1", link.createdBy());
        assertEquals(
                "https://other.example/",
                domain.links.find(firstMinted, NOW).link().url(),
                "not overwritten");
        assertEquals(2, domain.links.size());
    }

    @Test
    void create_underATakenAlias_isRefused_andWritesNothing() {
        domain.creation.create(new NewLink("https://first.example/", "launch", null), "owner-1");

        var refused = assertThrows(
                Rejection.class,
                () -> domain.creation.create(new NewLink("https://second.example/", "launch", null), "owner-2"));

        assertEquals(Reason.ALIAS_TAKEN, refused.reason());
        assertEquals(
                "https://first.example/",
                domain.links.find("launch", NOW).link().url());
    }

    @Test
    void anAlias_isReservedForGood_soNoOtherOwnerGetsItBackAfterTheItemIsGone() {
        domain.creation.create(new NewLink("https://first.example/", "launch", null), "owner-1");
        assertEquals("owner-1", domain.reservations.ownerOf("launch").orElseThrow());

        // As if DynamoDB's TTL had removed the item: only the reservation is left.
        InMemoryPorts.Links emptied = new InMemoryPorts.Links();
        var afterTtl = new dev.shortener.create.domain.link.LinkCreation(
                new LinkWrites(emptied, domain.reservations, new InMemoryPorts.CacheUpdates(emptied), domain.events),
                domain.minter(),
                domain.clock);
        var refused = assertThrows(
                Rejection.class,
                () -> afterTtl.create(new NewLink("https://hijack.example/", "launch", null), "owner-2"));
        Link again = afterTtl.create(new NewLink("https://again.example/", "launch", null), "owner-1");

        assertEquals(Reason.ALIAS_TAKEN, refused.reason());
        assertEquals("owner-1", again.createdBy(), "the owner of the reservation may register it again");
    }

    @Test
    void aLinkWithoutAliasOrExpiry_reservesNothing_aLinkWithExpiry_reservesItsCode() {
        Link permanent = domain.creation.create(new NewLink("https://example.com/", null, null), "owner-1");
        Link expiring =
                domain.creation.create(new NewLink("https://example.com/", null, NOW.plusSeconds(3600)), "owner-1");

        assertFalse(domain.reservations.ownerOf(permanent.code()).isPresent());
        assertEquals("owner-1", domain.reservations.ownerOf(expiring.code()).orElseThrow());
    }

    @Test
    void create_writesTheNewLinkToTheCache_afterItIsInTheTable() {
        Link link = domain.creation.create(new NewLink("https://example.com/", "fresh", null), "owner-1");

        assertEquals(List.of("settle fresh to https://example.com/ after https://example.com/"), domain.cache.calls);
        assertEquals("fresh", link.code());
    }

    @Test
    void create_succeeds_whenTheCacheIsDown_andReportsIt() {
        domain.cache.down = true;

        Link link = domain.creation.create(new NewLink("https://example.com/", "fresh", null), "owner-1");

        assertEquals(LinkLookup.Status.ACTIVE, domain.links.find("fresh", NOW).status());
        assertEquals(List.of("cache invalidation failed " + link.code()), domain.events.reported);
    }
}
