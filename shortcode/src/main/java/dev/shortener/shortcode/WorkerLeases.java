package dev.shortener.shortcode;

import java.time.Instant;
import java.util.Optional;

/**
 * Where worker ids are leased from. Implementations must make {@link #acquire} exclusive by construction (a
 * conditional write), so that no two live minters ever hold the same worker id.
 */
public interface WorkerLeases {

    /**
     * Leases a worker id in {@code [0, workerCount)} that is free or whose lease ended before {@code now}.
     *
     * @throws NoFreeWorkerException when every worker id is held by a live lease
     */
    WorkerLease acquire(int workerCount, Instant now, Instant expiresAt);

    /**
     * Extends a lease this holder still owns, even one past its expiry if nobody took it over meanwhile.
     *
     * @return the renewed lease, or empty when another holder has taken the worker id
     */
    Optional<WorkerLease> renew(WorkerLease lease, Instant expiresAt);

    /**
     * Gives the worker id back. {@code usedUntil} is later than every time this holder minted with; the next
     * holder starts after it.
     */
    void release(WorkerLease lease, Instant usedUntil);
}
