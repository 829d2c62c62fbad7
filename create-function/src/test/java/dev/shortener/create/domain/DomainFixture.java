package dev.shortener.create.domain;

import dev.shortener.config.Environment;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.LinkService;
import dev.shortener.create.domain.link.LinkStats;
import dev.shortener.create.domain.link.LinkWrites;
import dev.shortener.links.Link;
import dev.shortener.shortcode.InMemoryWorkerLeases;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;

/** The create function's domain on in-memory ports, at a fixed instant. */
final class DomainFixture {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
    static final String SECRET = "a-test-secret-that-is-long-enough-for-the-permutation";

    final InstantSource clock = InstantSource.fixed(NOW);
    final InMemoryPorts.Links links = new InMemoryPorts.Links();
    final InMemoryPorts.Reservations reservations = new InMemoryPorts.Reservations();
    final InMemoryPorts.CacheUpdates cache = new InMemoryPorts.CacheUpdates(links);
    final InMemoryPorts.Idempotency idempotency = new InMemoryPorts.Idempotency();
    final InMemoryPorts.Events events = new InMemoryPorts.Events();
    final LinkWrites writes = new LinkWrites(links, reservations, cache, events);
    final LinkCreation creation = new LinkCreation(writes, minter(), clock);
    final LinkService service = new LinkService(writes, code -> Optional.<LinkStats>empty(), clock);
    final IdempotentCreation idempotent = new IdempotentCreation(idempotency, creation, clock, events);

    /** A minter like this fixture's, on leases of its own: it mints the same codes in the same order. */
    ShortCodeMinter minter() {
        return minterOn(new InMemoryWorkerLeases());
    }

    private ShortCodeMinter minterOn(InMemoryWorkerLeases leases) {
        return dev.shortener.shortcode.ShortCodeSettings.fromEnvironment(
                        Environment.of(Map.of("SHORTCODE_SECRET", SECRET)))
                .newMinter(clock, leases);
    }

    /** Someone else's link under {@code code}, written before the test starts. */
    void taken(String code, String owner) {
        links.putIfAbsent(Link.create(code, "https://other.example/", NOW, null, owner));
    }
}
