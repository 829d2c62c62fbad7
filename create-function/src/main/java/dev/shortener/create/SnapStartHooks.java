package dev.shortener.create;

import dev.shortener.create.api.ManagementApi;
import dev.shortener.create.domain.ratelimit.RateLimits;
import dev.shortener.create.redis.RedisTokenBuckets;
import dev.shortener.links.LinksTableSchema;
import dev.shortener.shortcode.ShortCodeMinter;
import java.util.Map;
import java.util.Objects;
import org.crac.Context;
import org.crac.Resource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What SnapStart does around the snapshot (CRaC hooks, which Lambda calls for resources registered with the global
 * context).
 *
 * <p><b>Before the snapshot:</b> prime what is the same in every environment (classes, Jackson, validation, one
 * DynamoDB read of a key that never exists, a Redis PING and the script load), then make sure nothing unique is in
 * it: the minter is reset (no worker lease, no sequence; it never minted, but a snapshot taken after an invocation
 * would otherwise carry both) and pooled Redis connections are closed, as they would be dead sockets after a
 * restore. Priming failures are logged, not thrown: a snapshot without priming is slower, one that fails is none.
 *
 * <p><b>After a restore:</b> reset the minter again (it leases its worker id on the next mint, now unique to this
 * environment), forget a rate-limiter breaker opened before the snapshot, and reconnect (a Redis PING, a DynamoDB
 * read), so that the first request doesn't pay for stale keep-alive connections.
 */
final class SnapStartHooks implements Resource {

    private static final Map<String, AttributeValue> PRIME_KEY =
            Map.of(LinksTableSchema.PARTITION_KEY, AttributeValue.fromS("prime#snapstart"));

    private final ManagementApi api;
    private final ShortCodeMinter minter;
    private final RateLimits limits;
    private final CreateWiring.Clients clients;
    private final Observability observability;

    /** @param clients the environment's own clients, which are primed and reconnected */
    SnapStartHooks(
            ManagementApi api,
            ShortCodeMinter minter,
            RateLimits limits,
            CreateWiring.Clients clients,
            Observability observability) {
        this.api = Objects.requireNonNull(api, "api");
        this.minter = Objects.requireNonNull(minter, "minter");
        this.limits = Objects.requireNonNull(limits, "limits");
        this.clients = Objects.requireNonNull(clients, "clients");
        this.observability = Objects.requireNonNull(observability, "observability");
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        try {
            attempt("priming the API", api::prime);
            attempt("priming DynamoDB", this::touchDynamoDb);
            attempt("priming Redis", this::touchRedis);
        } finally {
            minter.reset();
            // Idle pooled connections would be dead sockets after a restore; the pool opens new ones on demand.
            clients.redis().getPool().clear();
        }
        observability.lifecycle(
                "primed for the snapshot",
                Map.of("lease_held", minter.currentLease().isPresent()));
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        minter.reset();
        limits.reset();
        attempt("reconnecting to Redis", this::touchRedis);
        attempt("reconnecting to DynamoDB", this::touchDynamoDb);
        observability.lifecycle("restored from a snapshot", Map.of());
    }

    /** A read of a key that never exists: signs a request, opens a connection, parses a response. */
    private void touchDynamoDb() {
        clients.linksTable().getItem(get -> get.key(PRIME_KEY));
    }

    /** A PING, and the rate-limit script loaded, so the first EVALSHA finds it. */
    private void touchRedis() {
        clients.redis().ping();
        RedisTokenBuckets.loadScript(clients.redis());
    }

    private void attempt(String what, Runnable step) {
        try {
            step.run();
        } catch (RuntimeException e) {
            observability.lifecycleProblem(what + " failed", e);
        }
    }
}
