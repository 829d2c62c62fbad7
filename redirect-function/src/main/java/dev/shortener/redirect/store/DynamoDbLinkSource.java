package dev.shortener.redirect.store;

import dev.shortener.links.LinkLookup;
import dev.shortener.links.LinkStore;
import dev.shortener.redirect.domain.LinkSource;
import dev.shortener.redirect.domain.LinkSourceUnavailableException;
import java.time.Instant;
import java.util.Objects;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * The links table as the resolver's source of truth. Translates the SDK's failures (service errors, throttling,
 * refused connections, the API-call timeouts set on the client) into the domain's "unavailable", so the domain
 * needs no AWS types and a DynamoDB outage becomes a quick 503 instead of a 500. Anything else (a bug) is left to
 * propagate as the unexpected error it is.
 */
public final class DynamoDbLinkSource implements LinkSource {

    private final LinkStore store;

    public DynamoDbLinkSource(LinkStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    @Override
    public LinkLookup find(String code, Instant now) {
        try {
            return store.find(code, now);
        } catch (SdkException e) {
            throw new LinkSourceUnavailableException(e);
        }
    }
}
