package dev.shortener.links.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.shortcode.NoFreeWorkerException;
import dev.shortener.shortcode.WorkerLease;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

/** Worker-id leases against a real DynamoDB protocol server (dynalite): conditional writes, not locks in memory. */
class DynamoDbWorkerLeasesTest {

    private static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private DynamoDbWorkerLeases leases;

    /** The table under test; the LocalStack suite runs the same tests against LocalStack. */
    LinksTableFixture newTable() {
        return LinksTableFixture.create();
    }

    @BeforeEach
    void createTable() {
        leases = newTable().workerLeases();
    }

    @RepeatedTest(5)
    void twoMinters_racingForTheOnlyWorkerId_exactlyOneWins() throws Exception {
        int contenders = 2;
        CyclicBarrier start = new CyclicBarrier(contenders);
        ExecutorService pool = Executors.newFixedThreadPool(contenders);
        try {
            List<Future<WorkerLease>> attempts = new ArrayList<>();
            for (int i = 0; i < contenders; i++) {
                attempts.add(pool.submit(() -> {
                    start.await();
                    return leases.acquire(1, NOW, NOW.plusSeconds(120));
                }));
            }

            int won = 0;
            int refused = 0;
            for (Future<WorkerLease> attempt : attempts) {
                try {
                    attempt.get();
                    won++;
                } catch (java.util.concurrent.ExecutionException e) {
                    assertTrue(e.getCause() instanceof NoFreeWorkerException, () -> "unexpected " + e.getCause());
                    refused++;
                }
            }
            assertEquals(1, won);
            assertEquals(contenders - 1, refused);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void liveLeases_areNeverShared_andTheLastFreeIdIsFound() {
        Set<Integer> ids = new HashSet<>();
        for (int i = 0; i < 8; i++) {
            ids.add(leases.acquire(8, NOW, NOW.plusSeconds(120)).workerId());
        }

        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), ids);
        assertThrows(NoFreeWorkerException.class, () -> leases.acquire(8, NOW.plusSeconds(119), NOW.plusSeconds(200)));
    }

    @Test
    void anExpiredLease_canBeTakenOver_andTheNewHolderMintsOnlyAfterTheOldExpiry() {
        WorkerLease first = leases.acquire(1, NOW, NOW.plusSeconds(120));
        Instant afterExpiry = NOW.plusSeconds(121);

        WorkerLease second = leases.acquire(1, afterExpiry, afterExpiry.plusSeconds(120));

        assertEquals(first.workerId(), second.workerId());
        assertNotEquals(first.holder(), second.holder());
        assertEquals(Instant.EPOCH, first.mintFloor(), "nobody held the id before");
        assertEquals(first.expiresAt(), second.mintFloor());
    }

    @Test
    void renew_extendsTheLease_soThatItCannotBeTakenOver() {
        WorkerLease lease = leases.acquire(1, NOW, NOW.plusSeconds(120));

        WorkerLease renewed = leases.renew(lease, NOW.plusSeconds(300)).orElseThrow();

        assertEquals(NOW.plusSeconds(300), renewed.expiresAt());
        assertThrows(NoFreeWorkerException.class, () -> leases.acquire(1, NOW.plusSeconds(200), NOW.plusSeconds(400)));
    }

    @Test
    void renew_ofALeaseTakenOverByAnother_isEmpty() {
        WorkerLease lost = leases.acquire(1, NOW, NOW.plusSeconds(120));
        leases.acquire(1, NOW.plusSeconds(121), NOW.plusSeconds(241));

        assertTrue(leases.renew(lost, NOW.plusSeconds(400)).isEmpty());
    }

    @Test
    void renew_ofAnExpiredLeaseNobodyTook_succeeds() {
        WorkerLease lease = leases.acquire(1, NOW, NOW.plusSeconds(120));

        assertTrue(leases.renew(lease, NOW.plusSeconds(1000)).isPresent());
    }

    @Test
    void release_freesTheId_andTheNextHolderStartsAfterTheLastTimeUsed() {
        WorkerLease lease = leases.acquire(1, NOW, NOW.plusSeconds(120));
        Instant usedUntil = NOW.plusSeconds(3);

        leases.release(lease, usedUntil);
        WorkerLease next = leases.acquire(1, NOW.plusSeconds(4), NOW.plusSeconds(124));

        assertEquals(lease.workerId(), next.workerId());
        assertEquals(usedUntil, next.mintFloor());
    }
}
