package dev.shortener.create.domain;

import static dev.shortener.create.domain.DomainFixture.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.shortener.create.domain.link.NewLink;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** LinkService over in-memory ports: ownership, tombstones and the order of cache and table writes. */
class LinkServiceTest {

    private final DomainFixture domain = new DomainFixture();

    @BeforeEach
    void aLink() {
        domain.creation.create(new NewLink("https://old.example/", "promo", null), "owner-1");
        domain.cache.calls.clear();
    }

    @Test
    void update_clearsTheCacheBeforeTheChange_andWritesTheNewStateAfterIt() {
        domain.service.update("promo", "owner-1", LinkChange.destination("https://new.example/"));

        assertEquals(
                List.of(
                        "invalidate promo while https://old.example/",
                        "settle promo to https://new.example/ after https://new.example/"),
                domain.cache.calls);
    }

    @Test
    void delete_clearsTheCacheBefore_writesGoneAfter_andKeepsTheCodeForever() {
        domain.service.delete("promo", "owner-1");

        assertEquals(
                List.of("invalidate promo while https://old.example/", "settle promo to gone after DELETED"),
                domain.cache.calls);
        assertEquals(LinkLookup.Status.DELETED, domain.links.find("promo", NOW).status());
        var again = assertThrows(
                Rejection.class,
                () -> domain.creation.create(new NewLink("https://new.example/", "promo", null), "owner-2"));
        assertEquals(Reason.ALIAS_TAKEN, again.reason());
    }

    @Test
    void aChange_isRefusedUntouched_whenTheCacheCannotBeCleared() {
        domain.cache.down = true;

        var refused = assertThrows(
                Rejection.class,
                () -> domain.service.update("promo", "owner-1", LinkChange.destination("https://new.example/")));

        assertEquals(Reason.CACHE_UNAVAILABLE, refused.reason());
        assertEquals(
                "https://old.example/", domain.links.find("promo", NOW).link().url());
    }

    @Test
    void anotherOwner_seesNotFound_andChangesNothing() {
        var refused = assertThrows(Rejection.class, () -> domain.service.delete("promo", "owner-2"));

        assertEquals(Reason.LINK_NOT_FOUND, refused.reason());
        assertEquals(List.of(), domain.cache.calls);
        assertEquals(LinkLookup.Status.ACTIVE, domain.links.find("promo", NOW).status());
    }

    @Test
    void givingALinkAnExpiry_reservesItsCode() {
        domain.service.update("promo", "owner-1", LinkChange.expiry(NOW.plusSeconds(3600)));

        assertEquals("owner-1", domain.reservations.ownerOf("promo").orElseThrow());
    }
}
