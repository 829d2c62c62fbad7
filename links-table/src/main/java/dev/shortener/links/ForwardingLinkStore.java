package dev.shortener.links;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/** A {@link LinkStore} that forwards every call: the base of a decorator that changes one of them. */
public abstract class ForwardingLinkStore implements LinkStore {

    private final LinkStore store;

    protected ForwardingLinkStore(LinkStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public boolean putIfAbsent(Link link) {
        return store.putIfAbsent(link);
    }

    @Override
    public LinkLookup find(String code, Instant now) {
        return store.find(code, now);
    }

    @Override
    public Optional<Link> update(String code, String owner, LinkChange change, Instant now) {
        return store.update(code, owner, change, now);
    }

    @Override
    public boolean delete(String code, String owner, Instant now) {
        return store.delete(code, owner, now);
    }
}
