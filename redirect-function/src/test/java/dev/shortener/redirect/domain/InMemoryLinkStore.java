package dev.shortener.redirect.domain;

import dev.shortener.links.Link;
import dev.shortener.links.LinkChange;
import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.links.LinkStoreUnavailableException;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * The links table as a map, reading as {@code DynamoDbLinkStore} does (a link past its expiry is expired, a
 * tombstone deleted) and, while {@link #down} is set, failing as the SDK does in an outage. Only what the resolver
 * calls is implemented.
 */
final class InMemoryLinkStore implements LinkStore {

    private final Map<String, Link> links = new HashMap<>();
    private final Set<String> deleted = new HashSet<>();
    boolean down;
    int reads;

    void add(Link link) {
        links.put(link.code(), link);
    }

    void markDeleted(String code) {
        links.remove(code);
        deleted.add(code);
    }

    @Override
    public LinkLookup find(String code, Instant now) {
        reads++;
        if (down) {
            throw new LinkStoreUnavailableException(
                    SdkClientException.create("Unable to execute HTTP request: Connect timed out"));
        }
        if (deleted.contains(code)) {
            return LinkLookup.deleted();
        }
        Link link = links.get(code);
        return link == null ? LinkLookup.notFound() : LinkLookup.of(link, now);
    }

    @Override
    public boolean putIfAbsent(Link link) {
        throw new UnsupportedOperationException("the resolver never writes links");
    }

    @Override
    public Optional<Link> update(String code, String owner, LinkChange change, Instant now) {
        throw new UnsupportedOperationException("the resolver never writes links");
    }

    @Override
    public boolean delete(String code, String owner, Instant now) {
        throw new UnsupportedOperationException("the resolver never writes links");
    }
}
