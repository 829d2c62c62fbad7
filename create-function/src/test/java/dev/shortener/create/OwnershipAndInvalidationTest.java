package dev.shortener.create;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.linkcache.CachedLink;
import dev.shortener.links.LinkLookup;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Only owners see their links; changes reach the redirect path's cache at once (a real redis-server). */
class OwnershipAndInvalidationTest {

    private final TestBed bed = TestBed.create();
    private final String owner = bed.newApiKey("owner-a");
    private final String stranger = bed.newApiKey("owner-b");
    private String code;

    @BeforeEach
    void setUp() {
        code = bed.create(owner, "{\"url\":\"https://example.com/original\"}").code();
    }

    @Test
    void anotherOwner_getsTheSame404AsForACodeThatNeverExisted_onEveryRoute() {
        Answer unknown = bed.send(Events.keyed(Events.GET, stranger, "zzzzzzz"));
        String expected = unknown.text("detail").replace("zzzzzzz", code);

        for (String event : new String[] {Events.GET, Events.UPDATE, Events.DELETE, Events.STATS}) {
            Answer answer = bed.send(Events.keyed(event, stranger, code));
            answer.assertProblem(404, "link-not-found");
            assertEquals(expected, answer.text("detail"), event);
        }
        LinkLookup untouched = bed.links.find(code, bed.clock.instant());
        assertEquals(LinkLookup.Status.ACTIVE, untouched.status());
        assertEquals("https://example.com/original", untouched.link().url());
    }

    @Test
    void anotherKeyOfTheSameOwner_seesTheLink() {
        String secondKey = bed.newApiKey("owner-a");

        bed.send(Events.keyed(Events.GET, secondKey, code)).assertStatus(200);
    }

    @Test
    void afterAPatch_theCacheAsidePath_resolvesTheNewDestinationAtOnce() {
        assertEquals("https://example.com/original", resolve(code));
        assertTrue(bed.cache.get(code).isPresent(), "the redirect path cached the link");

        bed.send(Events.withBody(Events.keyed(Events.UPDATE, owner, code), "{\"url\":\"https://example.com/updated\"}"))
                .assertStatus(200);

        assertEquals("https://example.com/updated", resolve(code));
    }

    @Test
    void afterADelete_theCacheAsidePath_seesTheLinkGone() {
        resolve(code);

        bed.send(Events.keyed(Events.DELETE, owner, code)).assertStatus(204);

        assertEquals("GONE", resolve(code));
    }

    @Test
    void creatingAnAlias_forgetsAnyNoSuchCodeTheRedirectCached() {
        assertEquals("NOT_FOUND", resolve("fresh-alias"));

        bed.create(owner, "{\"url\":\"https://example.com/alias\",\"alias\":\"fresh-alias\"}")
                .assertStatus(201);

        assertEquals("https://example.com/alias", resolve("fresh-alias"));
    }

    /**
     * What the redirect function does with a code, cache-aside: Redis first (the shared key format of
     * {@code link-cache}); on a miss the store, then fill Redis for an hour.
     */
    private String resolve(String someCode) {
        Optional<CachedLink> hit = bed.cache.get(someCode);
        CachedLink entry = hit.orElseGet(() -> {
            LinkLookup lookup = bed.links.find(someCode, bed.clock.instant());
            CachedLink filled = switch (lookup.status()) {
                case ACTIVE ->
                    CachedLink.found(
                            lookup.link().url(),
                            lookup.link().expires() ? lookup.link().expiresAt().getEpochSecond() : 0);
                case EXPIRED, DELETED -> CachedLink.gone();
                case NOT_FOUND -> CachedLink.notFound();
            };
            bed.cache.put(someCode, filled, 3600);
            return filled;
        });
        return entry.state() == CachedLink.State.FOUND
                ? entry.url()
                : entry.state().name();
    }
}
