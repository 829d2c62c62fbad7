package dev.shortener.create;

import dev.shortener.create.api.ManagementApi;
import dev.shortener.create.domain.auth.Authenticator;
import dev.shortener.create.domain.idempotency.IdempotentCreation;
import dev.shortener.create.domain.link.AliasPolicy;
import dev.shortener.create.domain.link.ExpiryPolicy;
import dev.shortener.create.domain.link.LinkCreation;
import dev.shortener.create.domain.link.LinkRequests;
import dev.shortener.create.domain.link.LinkService;
import dev.shortener.create.domain.ratelimit.RateLimits;
import dev.shortener.create.domain.url.UrlPolicy;
import dev.shortener.http.StructuredLog;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.InstantSource;

/**
 * Puts the create function together from its configuration, its ports and a clock: the one place that knows how
 * the pieces connect. Builds no unique state: the minter acquires its worker lease on first use.
 */
final class CreateWiring {

    private final StructuredLog log = new StructuredLog("create-function");
    private final Observability observability = new Observability(log);
    private final ShortCodeMinter minter;
    private final RateLimits limits;
    private final ManagementApi api;
    private final AwsConnections connections;

    CreateWiring(CreateConfig config, AwsConnections connections, InstantSource clock) {
        this(config, connections.ports(), clock, connections);
    }

    CreateWiring(CreateConfig config, CreatePorts ports, InstantSource clock) {
        this(config, ports, clock, null);
    }

    private CreateWiring(CreateConfig config, CreatePorts ports, InstantSource clock, AwsConnections connections) {
        this.connections = connections;
        this.minter = config.shortCodes().newMinter(clock, ports.workerLeases());
        this.limits = new RateLimits(
                ports.rateLimiter(), config.perClientLimit(), config.perKeyLimit(), clock, observability);
        UrlPolicy urls = new UrlPolicy(
                config.maxUrlLength(), config.ownDomains(), config.blockedDomains(), config.allowPrivateAddresses());
        LinkRequests requests = new LinkRequests(urls, new AliasPolicy(), new ExpiryPolicy(config.maxExpiry()));
        LinkCreation creation =
                new LinkCreation(ports.links(), ports.reservations(), ports.cache(), minter, clock, observability);
        LinkService links = new LinkService(
                ports.links(), ports.reservations(), ports.cache(), ports.stats(), clock, observability);
        IdempotentCreation idempotent = new IdempotentCreation(ports.idempotency(), creation, clock, observability);
        this.api = new ManagementApi(
                limits,
                new Authenticator(ports.apiKeys()),
                requests,
                creation,
                links,
                idempotent,
                clock,
                config.shortBaseUrl(),
                config.clientAddressHeader(),
                config.originSecret());
    }

    ManagementApi api() {
        return api;
    }

    ShortCodeMinter minter() {
        return minter;
    }

    Observability observability() {
        return observability;
    }

    StructuredLog log() {
        return log;
    }

    SnapStartHooks snapStartHooks() {
        if (connections == null) {
            throw new IllegalStateException("SnapStart hooks need the real connections");
        }
        return new SnapStartHooks(api, minter, limits, connections, observability);
    }
}
