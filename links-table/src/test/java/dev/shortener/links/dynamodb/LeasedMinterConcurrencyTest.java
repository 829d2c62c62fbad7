package dev.shortener.links.dynamodb;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.shortener.shortcode.Base62;
import dev.shortener.shortcode.BitLayout;
import dev.shortener.shortcode.FeistelPermutation;
import dev.shortener.shortcode.ShortCodeMinter;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * One million codes from 32 concurrent minters, each holding a worker id leased from a real DynamoDB protocol
 * server, while the shared clock steps backwards in the middle of the run: no code may repeat.
 */
class LeasedMinterConcurrencyTest {

    private static final int MINTERS = 32;
    private static final int CODES_PER_MINTER = 31_250; // 1,000,000 in all
    private static final String SECRET = "concurrency-test-secret-of-at-least-32-characters";

    @Test
    void thirtyTwoLeasedMinters_mintAMillionCodes_withTheClockSteppedBack_andNoneRepeats() throws Exception {
        BitLayout layout = BitLayout.forCodeLength(7);
        FeistelPermutation permutation = FeistelPermutation.fromSecret(SECRET, layout.totalBits());
        Base62 base62 = Base62.ofLength(7);
        // 64 clock seconds a real second: at 32 codes a second per worker, a million codes take at least ~16
        // minutes of clock time, so every lease is renewed several times during the run.
        FastClock clock = new FastClock(Instant.parse("2026-11-27T12:00:00Z"), 64);
        DynamoDbWorkerLeases leases = LinksTableFixture.create().workerLeases();
        AtomicLong minted = new AtomicLong();
        AtomicBoolean steppedBack = new AtomicBoolean();
        CyclicBarrier start = new CyclicBarrier(MINTERS);

        ExecutorService pool = Executors.newFixedThreadPool(MINTERS);
        List<Future<MinterRun>> runs = new ArrayList<>();
        for (int m = 0; m < MINTERS; m++) {
            runs.add(pool.submit(() -> {
                ShortCodeMinter minter = new ShortCodeMinter(layout, permutation, base62, clock, leases);
                long[] codes = new long[CODES_PER_MINTER];
                start.await();
                for (int i = 0; i < CODES_PER_MINTER; i++) {
                    codes[i] = base62.decode(minter.mint());
                    if (minted.incrementAndGet() == 400_000 && steppedBack.compareAndSet(false, true)) {
                        clock.stepBack(Duration.ofSeconds(90));
                    }
                }
                return new MinterRun(codes, minter.currentLease().orElseThrow().workerId());
            }));
        }
        long[] all = new long[MINTERS * CODES_PER_MINTER];
        Set<Integer> workerIds = new HashSet<>();
        for (int m = 0; m < MINTERS; m++) {
            MinterRun run = runs.get(m).get();
            System.arraycopy(run.codes(), 0, all, m * CODES_PER_MINTER, CODES_PER_MINTER);
            workerIds.add(run.workerId());
        }
        pool.shutdown();

        Arrays.sort(all);
        long duplicates = 0;
        for (int i = 1; i < all.length; i++) {
            if (all[i] == all[i - 1]) {
                duplicates++;
            }
        }
        System.out.printf(
                "minted %,d codes with %d leased minters, clock stepped back 90 s: %d duplicates%n",
                all.length, MINTERS, duplicates);
        assertTrue(steppedBack.get(), "the clock stepped back during the run");
        assertEquals(1_000_000, all.length);
        assertEquals(0, duplicates);
        assertEquals(MINTERS, workerIds.size(), "every live minter holds its own worker id");
    }

    private record MinterRun(long[] codes, int workerId) {}
}
