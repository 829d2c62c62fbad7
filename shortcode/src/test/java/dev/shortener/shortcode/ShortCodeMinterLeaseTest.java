package dev.shortener.shortcode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.testsupport.TestClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** How the minter holds, renews, replaces and releases its worker lease. */
class ShortCodeMinterLeaseTest {

    private static final Instant START = ShortCodeMinterTest.START;
    private static final Duration LEASE = ShortCodeMinter.DEFAULT_LEASE_DURATION;

    private final BitLayout layout = BitLayout.forCodeLength(7);
    private final FeistelPermutation permutation = FeistelPermutation.fromSecret(ShortCodeMinterTest.SECRET, 41);
    private final InMemoryWorkerLeases leases = new InMemoryWorkerLeases();
    private final ShortCodeInspector inspector = new ShortCodeInspector(ShortCodeMinterTest.SECRET);
    private final TestClock clock = TestClock.fixedAt(START);

    private ShortCodeMinter minterWith(WorkerLeases workerLeases) {
        return new ShortCodeMinter(layout, permutation, Base62.ofLength(7), clock, workerLeases);
    }

    @Test
    void constructor_acquiresNoLease_soThatASnapStartSnapshotHoldsNone() {
        ShortCodeMinter minter = minterWith(leases);

        assertTrue(leases.acquired.isEmpty());
        assertEquals(Optional.empty(), minter.currentLease());
    }

    @Test
    void mint_acquiresALeaseOnFirstUse() {
        ShortCodeMinter minter = minterWith(leases);

        minter.mint();

        assertEquals(1, leases.acquired.size());
        assertEquals(START.plus(LEASE), minter.currentLease().orElseThrow().expiresAt());
    }

    @Test
    void mint_renewsTheLease_onlyOnceItsExpiryIsWithinTheRenewMargin() {
        ShortCodeMinter minter = minterWith(leases);
        minter.mint();

        clock.advance(Duration.ofSeconds(59));
        minter.mint();
        int renewalsAt59Seconds = leases.renewed.size();
        clock.advance(Duration.ofSeconds(2));
        minter.mint();

        assertEquals(0, renewalsAt59Seconds);
        assertEquals(1, leases.renewed.size());
        assertEquals(
                START.plusSeconds(61).plus(LEASE),
                minter.currentLease().orElseThrow().expiresAt());
    }

    @Test
    void mint_renewsALeaseThatExpiredWhileIdle_beforeMinting() {
        ShortCodeMinter minter = minterWith(leases);
        minter.mint();
        clock.advance(Duration.ofMinutes(10));

        ShortCodeInspector.Parts parts = inspector.inspect(minter.mint());

        WorkerLease lease = minter.currentLease().orElseThrow();
        assertEquals(1, leases.renewed.size());
        assertEquals(START.plus(Duration.ofMinutes(10)).plus(LEASE), lease.expiresAt());
        assertEquals(new ShortCodeInspector.Parts(START.plus(Duration.ofMinutes(10)), 0, 0), parts);
        assertTrue(parts.time().isBefore(lease.expiresAt()));
    }

    @Test
    void mint_acquiresANewWorkerId_whenRenewReturnsEmpty() {
        ShortCodeMinter minter = minterWith(leases);
        minter.mint();
        minter.mint();
        clock.advance(Duration.ofMinutes(10));
        leases.takeOver(0);

        ShortCodeInspector.Parts parts = inspector.inspect(minter.mint());

        assertEquals(2, leases.acquired.size());
        assertEquals(1, minter.currentLease().orElseThrow().workerId());
        assertEquals(new ShortCodeInspector.Parts(START.plus(Duration.ofMinutes(10)), 1, 0), parts);
    }

    @Test
    void mint_neverMintsATimeAtOrAfterTheLeaseExpiry() {
        TestClock ticking = new TestClock(START, Duration.ofMillis(25)); // 40 mints a clock second: it borrows ahead
        ShortCodeMinter minter = new ShortCodeMinter(
                layout,
                permutation,
                Base62.ofLength(7),
                ticking,
                leases,
                Duration.ofSeconds(8),
                Duration.ofSeconds(3),
                10);

        long mostAhead = 0;

        for (int i = 0; i < 2_000; i++) {
            Instant minted = inspector.inspect(minter.mint()).time();

            assertTrue(minted.isBefore(minter.currentLease().orElseThrow().expiresAt()), "minted at " + minted);
            mostAhead = Math.max(mostAhead, layout.timeAt(minted) - layout.timeAt(ticking.peek()));
        }
        assertTrue(mostAhead >= 5, "the minter must have borrowed ahead of the clock: " + mostAhead);
        assertTrue(leases.renewed.size() > 5, "the lease must have been renewed as time moved on");
    }

    @Test
    void mint_fails_whenTheStoreRenewsTheLeaseTooLittle() {
        WorkerLeases stingy = new WorkerLeases() {
            @Override
            public WorkerLease acquire(int workerCount, Instant now, Instant expiresAt) {
                return leases.acquire(workerCount, now, expiresAt);
            }

            @Override
            public Optional<WorkerLease> renew(WorkerLease lease, Instant expiresAt) {
                return Optional.of(lease); // "renewed", but not extended
            }

            @Override
            public void release(WorkerLease lease, Instant usedUntil) {
                leases.release(lease, usedUntil);
            }
        };
        ShortCodeMinter minter = minterWith(stingy);
        minter.mint();
        clock.advance(LEASE);

        var error = assertThrows(IllegalStateException.class, minter::mint);

        assertTrue(error.getMessage().contains("does not cover minting"), error.getMessage());
    }

    @Test
    void mint_startsAtTheNewLeasesMintFloor() {
        leases.releasedBefore(0, START.plusSeconds(5).plusMillis(300));
        ShortCodeMinter minter = minterWith(leases);

        ShortCodeInspector.Parts parts = inspector.inspect(minter.mint());

        assertEquals(new ShortCodeInspector.Parts(START.plusSeconds(6), 0, 0), parts);
    }

    @Test
    void reset_releasesTheLeaseAfterTheLastTimeUsed_andTheNextHolderStartsThere() {
        ShortCodeMinter minter = minterWith(leases);
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < 40; i++) { // 32 at START, 8 borrowed from START + 1 s
            codes.add(minter.mint());
        }
        WorkerLease first = minter.currentLease().orElseThrow();

        minter.reset();
        ShortCodeMinter nextHolder = minterWith(leases);
        for (int i = 0; i < 40; i++) {
            codes.add(nextHolder.mint());
        }

        assertEquals(1, leases.released.size());
        assertEquals(new InMemoryWorkerLeases.Release(first, START.plusSeconds(2)), leases.released.get(0));
        assertEquals(Optional.empty(), minter.currentLease());
        assertEquals(
                START.plusSeconds(2), nextHolder.currentLease().orElseThrow().mintFloor());
        assertEquals(80, codes.size());
    }

    @Test
    void reset_releasesNothing_whenNoLeaseIsHeld() {
        ShortCodeMinter minter = minterWith(leases);

        minter.reset();

        assertTrue(leases.released.isEmpty());
    }

    @Test
    void reset_forgetsTheWorkerId_soTheNextMintAcquiresAgain() {
        ShortCodeMinter minter = minterWith(leases);
        minter.mint();

        minter.reset();
        minter.mint();

        assertEquals(2, leases.acquired.size());
        assertNotEquals(leases.acquired.get(0).holder(), leases.acquired.get(1).holder());
    }

    @Test
    void constructor_rejectsPartsThatDoNotMatchTheLayout_andARenewMarginNotShorterThanTheLease() {
        assertThrows(
                IllegalArgumentException.class,
                () -> new ShortCodeMinter(
                        layout,
                        FeistelPermutation.fromSecret(ShortCodeMinterTest.SECRET, 47),
                        Base62.ofLength(7),
                        clock,
                        leases));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ShortCodeMinter(layout, permutation, Base62.ofLength(8), clock, leases));
        assertThrows(
                IllegalArgumentException.class,
                () -> new ShortCodeMinter(
                        layout,
                        permutation,
                        Base62.ofLength(7),
                        clock,
                        leases,
                        Duration.ofSeconds(60),
                        Duration.ofSeconds(60),
                        10));
    }
}
