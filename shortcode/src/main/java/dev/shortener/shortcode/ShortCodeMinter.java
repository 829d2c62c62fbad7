package dev.shortener.shortcode;

import java.time.Duration;
import java.time.InstantSource;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.locks.LockSupport;

/**
 * Mints unique short codes: an id of (time, worker id, sequence) packed by a {@link BitLayout}, scrambled by a
 * {@link FeistelPermutation} and written in fixed-length {@link Base62}. Thread-safe.
 *
 * <p><b>Worker id.</b> Leased from {@link WorkerLeases} on the first mint, never in the constructor: under SnapStart
 * the constructor runs before the snapshot, and every environment restored from it would share the lease. The lease
 * is renewed when the time being minted comes within the renew margin of its expiry, to
 * {@code max(now, that time) + lease duration}; if the store says another holder took the worker id, a new one is
 * acquired and the sequence starts afresh.
 *
 * <p><b>Invariant.</b> No id is minted with a time at or after the lease's {@code expiresAt}, and none with a time
 * before its {@code mintFloor}. The next holder of a worker id gets the last holder's expiry (or the end of what it
 * used, on release) as its floor, so the two can never mint the same id, whatever their clocks say.
 *
 * <p><b>Time.</b> The time used is {@code max(clock, last time used, mintFloor)} in layout units; within one unit the
 * sequence counts up. When the sequence runs out, the minter borrows the next unit (sequence 0) rather than wait.
 * Borrowing is bounded: once the time used would be more than {@code maxBorrow} units ahead of the highest clock
 * reading seen, the minter waits (parking briefly, re-reading the clock) until it is not, so a burst costs at most a
 * short pause and codes stay roughly time-ordered.
 *
 * <p><b>Clock going backwards.</b> Time never goes below the last time used, so ids stay unique when the clock
 * steps back; the minter keeps counting forward from where it was, borrowing as needed, and does not wait while the
 * clock reads less than its highest reading (it could wait as long as the step).
 */
public final class ShortCodeMinter {

    public static final Duration DEFAULT_LEASE_DURATION = Duration.ofMinutes(2);
    public static final Duration DEFAULT_RENEW_MARGIN = Duration.ofMinutes(1);
    public static final int DEFAULT_MAX_BORROW = 10;

    private static final long WAIT_SLICE_NANOS = 1_000_000L;
    private static final long NONE = Long.MIN_VALUE;

    private final BitLayout layout;
    private final FeistelPermutation permutation;
    private final Base62 base62;
    private final InstantSource clock;
    private final LeaseKeeper leaseKeeper;
    private final int maxBorrow;
    private final int sequencesPerUnit;

    private long lastTime = NONE;
    private int lastSequence;
    private long highestClockTime = NONE;

    /** A minter with the default lease duration (120 s), renew margin (60 s) and borrowing limit (10 units). */
    public ShortCodeMinter(
            BitLayout layout, FeistelPermutation permutation, Base62 base62, InstantSource clock, WorkerLeases leases) {
        this(
                layout,
                permutation,
                base62,
                clock,
                leases,
                DEFAULT_LEASE_DURATION,
                DEFAULT_RENEW_MARGIN,
                DEFAULT_MAX_BORROW);
    }

    public ShortCodeMinter(
            BitLayout layout,
            FeistelPermutation permutation,
            Base62 base62,
            InstantSource clock,
            WorkerLeases leases,
            Duration leaseDuration,
            Duration renewMargin,
            int maxBorrow) {
        this.layout = Objects.requireNonNull(layout, "layout");
        this.permutation = Objects.requireNonNull(permutation, "permutation");
        this.base62 = Objects.requireNonNull(base62, "base62");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (permutation.bits() != layout.totalBits() || base62.length() != layout.codeLength()) {
            throw new IllegalArgumentException("The permutation (" + permutation.bits() + " bits) and Base62 ("
                    + base62.length() + " characters) must match the layout: " + layout);
        }
        if (renewMargin.isNegative() || renewMargin.compareTo(leaseDuration) >= 0) {
            throw new IllegalArgumentException("The renew margin " + renewMargin
                    + " must be at least zero and shorter than the lease duration " + leaseDuration);
        }
        if (maxBorrow < 0) {
            throw new IllegalArgumentException("maxBorrow must not be negative; got " + maxBorrow);
        }
        this.leaseKeeper = new LeaseKeeper(
                Objects.requireNonNull(leases, "leases"), layout.workerCount(), leaseDuration, renewMargin);
        this.maxBorrow = maxBorrow;
        this.sequencesPerUnit = 1 << layout.sequenceBits();
    }

    /** A new short code of {@code layout.codeLength()} characters. */
    public String mint() {
        return base62.encode(permutation.permute(mintId()));
    }

    /**
     * A new id as packed by the layout, before the permutation.
     *
     * @throws NoFreeWorkerException when no worker id can be leased
     */
    public synchronized long mintId() {
        while (true) {
            var now = clock.instant();
            long clockTime = layout.timeAt(now);
            boolean steppedBack = clockTime < highestClockTime;
            highestClockTime = Math.max(highestClockTime, clockTime);
            if (leaseKeeper.acquireIfNone(now)) {
                forgetSequence();
            }
            long floor = layout.firstTimeNotBefore(leaseKeeper.current().mintFloor());
            long time = Math.max(Math.max(clockTime, lastTime), floor);
            int sequence = time == lastTime ? lastSequence + 1 : 0;
            if (sequence == sequencesPerUnit) {
                time++; // borrow the next unit
                sequence = 0;
            }
            if (time - highestClockTime > maxBorrow && !steppedBack) {
                LockSupport.parkNanos(WAIT_SLICE_NANOS);
                continue;
            }
            if (!leaseKeeper.cover(now, layout.instantOf(time))) {
                forgetSequence(); // a new worker id, with its own floor
                continue;
            }
            long id = layout.pack(time, leaseKeeper.current().workerId(), sequence);
            lastTime = time;
            lastSequence = sequence;
            return id;
        }
    }

    /**
     * Releases the lease (the next holder may start right after the last time used) and forgets all state, so that
     * the next mint acquires afresh. Call it from SnapStart's {@code beforeCheckpoint}, so that no snapshot holds a
     * lease, and from {@code afterRestore}, where it only clears state.
     */
    public synchronized void reset() {
        WorkerLease lease = leaseKeeper.current();
        try {
            if (lease != null) {
                leaseKeeper.release(lastTime == NONE ? lease.mintFloor() : layout.instantOf(lastTime + 1));
            }
        } finally {
            forgetSequence();
            highestClockTime = NONE;
        }
    }

    public synchronized Optional<WorkerLease> currentLease() {
        return Optional.ofNullable(leaseKeeper.current());
    }

    private void forgetSequence() {
        lastTime = NONE;
        lastSequence = 0;
    }
}
