package dev.shortener.shortcode;

import java.time.Instant;
import java.util.Objects;

/**
 * The right to mint with one worker id until {@code expiresAt}.
 *
 * <p>{@code mintFloor} is the earliest instant this holder may put in an id's time field: the previous holder of
 * the same worker id may have minted with times up to its own lease expiry, so a new holder starts after it. This
 * keeps ids unique across a hand-over even when the two holders' clocks disagree.
 *
 * @param workerId  the leased worker id, in {@code [0, workerCount)}
 * @param holder    an identifier unique to this holder, created when the lease was acquired (never before a
 *                  SnapStart snapshot, or every restored environment would share it)
 * @param expiresAt when the lease ends unless renewed
 * @param mintFloor the earliest time this holder may mint with
 */
public record WorkerLease(int workerId, String holder, Instant expiresAt, Instant mintFloor) {

    public WorkerLease {
        if (workerId < 0) {
            throw new IllegalArgumentException("workerId must not be negative: " + workerId);
        }
        Objects.requireNonNull(holder, "holder");
        Objects.requireNonNull(expiresAt, "expiresAt");
        Objects.requireNonNull(mintFloor, "mintFloor");
    }

    public WorkerLease withExpiresAt(Instant newExpiry) {
        return new WorkerLease(workerId, holder, newExpiry, mintFloor);
    }
}
