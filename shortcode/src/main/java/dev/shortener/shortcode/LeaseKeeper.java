package dev.shortener.shortcode;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The minter's hold on a worker id: acquires a lease lazily, renews it before the time being minted comes within the
 * renew margin of its expiry, and takes a new worker id when the store says another holder has taken this one.
 *
 * <p>Enforces the lease invariant: it never lets a time at or after the lease's expiry be minted, because the next
 * holder of the worker id starts minting at that expiry (its {@code mintFloor}).
 *
 * <p>Not thread-safe: {@link ShortCodeMinter} calls it under its lock.
 */
final class LeaseKeeper {

    private final WorkerLeases leases;
    private final int workerCount;
    private final Duration duration;
    private final Duration renewMargin;
    private WorkerLease lease;

    LeaseKeeper(WorkerLeases leases, int workerCount, Duration duration, Duration renewMargin) {
        this.leases = leases;
        this.workerCount = workerCount;
        this.duration = duration;
        this.renewMargin = renewMargin;
    }

    /** The lease held, or null. */
    WorkerLease current() {
        return lease;
    }

    /** Acquires a lease unless one is held. Returns true when it did: the minter then starts a fresh sequence. */
    boolean acquireIfNone(Instant now) {
        if (lease != null) {
            return false;
        }
        lease = leases.acquire(workerCount, now, now.plus(duration));
        return true;
    }

    /**
     * Makes sure the lease covers minting the unit starting at {@code mintAt}, with the renew margin to spare.
     *
     * @return true when it does; false when the worker id was lost and a new one acquired, so that the minter must
     *         start over with the new worker id and floor
     * @throws IllegalStateException when the store renewed the lease but not past {@code mintAt}
     */
    boolean cover(Instant now, Instant mintAt) {
        if (Duration.between(mintAt, lease.expiresAt()).compareTo(renewMargin) >= 0) {
            return true;
        }
        Optional<WorkerLease> renewed = leases.renew(lease, (now.isAfter(mintAt) ? now : mintAt).plus(duration));
        if (renewed.isEmpty()) {
            lease = null; // stays null if acquire throws, so the next mint tries again
            lease = leases.acquire(workerCount, now, now.plus(duration));
            return false;
        }
        lease = renewed.get();
        if (!mintAt.isBefore(lease.expiresAt())) {
            throw new IllegalStateException("Worker lease " + lease.workerId() + " was renewed only until "
                    + lease.expiresAt() + ", which does not cover minting at " + mintAt);
        }
        return true;
    }

    /** Gives the worker id back, if one is held. The lease is forgotten even if the store fails. */
    void release(Instant usedUntil) {
        if (lease == null) {
            return;
        }
        try {
            leases.release(lease, usedUntil);
        } finally {
            lease = null;
        }
    }
}
