package dev.shortener.shortcode;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * A {@link WorkerLeases} in memory that records every call, for minter tests here and the create function's domain
 * tests (through this module's test-jar).
 */
public final class InMemoryWorkerLeases implements WorkerLeases {

    record Release(WorkerLease lease, Instant usedUntil) {}

    private final Map<Integer, WorkerLease> held = new HashMap<>();
    /** Where the next holder of a released (or never used) worker id starts. */
    private final Map<Integer, Instant> floors = new HashMap<>();

    final List<WorkerLease> acquired = new ArrayList<>();
    final List<WorkerLease> renewed = new ArrayList<>();
    final List<Release> released = new ArrayList<>();

    @Override
    public synchronized WorkerLease acquire(int workerCount, Instant now, Instant expiresAt) {
        for (int worker = 0; worker < workerCount; worker++) {
            WorkerLease current = held.get(worker);
            if (current == null || current.expiresAt().isBefore(now)) {
                Instant floor = current != null ? current.expiresAt() : floors.getOrDefault(worker, Instant.EPOCH);
                WorkerLease lease = new WorkerLease(worker, UUID.randomUUID().toString(), expiresAt, floor);
                held.put(worker, lease);
                acquired.add(lease);
                return lease;
            }
        }
        throw new NoFreeWorkerException(workerCount);
    }

    @Override
    public synchronized Optional<WorkerLease> renew(WorkerLease lease, Instant expiresAt) {
        WorkerLease current = held.get(lease.workerId());
        if (current == null || !current.holder().equals(lease.holder())) {
            return Optional.empty();
        }
        WorkerLease extended = current.withExpiresAt(expiresAt);
        held.put(lease.workerId(), extended);
        renewed.add(extended);
        return Optional.of(extended);
    }

    @Override
    public synchronized void release(WorkerLease lease, Instant usedUntil) {
        WorkerLease current = held.get(lease.workerId());
        if (current != null && current.holder().equals(lease.holder())) {
            held.remove(lease.workerId());
            floors.put(lease.workerId(), usedUntil);
        }
        released.add(new Release(lease, usedUntil));
    }

    /** Another holder takes {@code worker} over, as if it had found the lease expired. */
    synchronized void takeOver(int worker) {
        WorkerLease current = held.get(worker);
        held.put(
                worker,
                new WorkerLease(worker, "someone-else", current.expiresAt().plusSeconds(600), current.expiresAt()));
    }

    /** As if a previous holder of {@code worker} had released it having used times up to {@code usedUntil}. */
    synchronized void releasedBefore(int worker, Instant usedUntil) {
        floors.put(worker, usedUntil);
    }
}
