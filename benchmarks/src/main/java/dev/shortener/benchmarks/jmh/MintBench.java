package dev.shortener.benchmarks.jmh;

import dev.shortener.config.Environment;
import dev.shortener.shortcode.Base62;
import dev.shortener.shortcode.FeistelPermutation;
import dev.shortener.shortcode.ShortCodeMinter;
import dev.shortener.shortcode.ShortCodeSettings;
import dev.shortener.shortcode.WorkerLease;
import dev.shortener.shortcode.WorkerLeases;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Codes per second on one thread. The minter's layout allows 32 codes per second per worker (it waits for the
 * clock beyond 10 s of borrowing), so it is given a clock that advances 1/32 s at every reading: the figure is
 * the CPU cost of mint + permute + Base62, not the layout's capacity.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class MintBench {

    static final String SECRET = "benchmark-secret-benchmark-secret-0123456789";

    ShortCodeMinter minter;
    FeistelPermutation permutation;
    Base62 base62;
    long mask;
    long counter;
    SecureRandom secureRandom;

    @Setup
    public void setUp() {
        ShortCodeSettings settings =
                ShortCodeSettings.fromEnvironment(Environment.of(Map.of(ShortCodeSettings.SHORTCODE_SECRET, SECRET)));
        minter = settings.newMinter(new AdvancingClock(), new InMemoryLeases());
        permutation = settings.permutation();
        base62 = settings.base62();
        mask = (1L << settings.layout().totalBits()) - 1;
        secureRandom = new SecureRandom();
    }

    /** The real path: lease check, id (time + worker + sequence), Feistel permutation, Base62. */
    @Benchmark
    public String mint() {
        return minter.mint();
    }

    /** Baseline: a counter and Base62, no permutation (predictable codes). */
    @Benchmark
    public String counterBase62() {
        return base62.encode(counter++ & mask);
    }

    /** The permutation alone. */
    @Benchmark
    public long permuteOnly() {
        return permutation.permute(counter++ & mask);
    }

    /** Baseline: seven random Base62 characters from SecureRandom (needs a collision check on write). */
    @Benchmark
    public String secureRandom7() {
        char[] c = new char[7];
        for (int i = 0; i < 7; i++) {
            c[i] = Base62.ALPHABET.charAt(secureRandom.nextInt(62));
        }
        return new String(c);
    }

    /** A clock that advances 1/32 s per reading, so the 32 codes/s/worker layout never makes the minter wait. */
    static final class AdvancingClock implements InstantSource {
        private final long start = Instant.now().getEpochSecond();
        private long readings;

        @Override
        public Instant instant() {
            long r = readings++;
            return Instant.ofEpochSecond(start + (r >> 5), (r & 31) * 31_250_000L);
        }
    }

    /** One worker id, leased and renewed in memory (the real one is a conditional write to DynamoDB). */
    static final class InMemoryLeases implements WorkerLeases {
        @Override
        public WorkerLease acquire(int workerCount, Instant now, Instant expiresAt) {
            return new WorkerLease(0, "bench", expiresAt, now);
        }

        @Override
        public Optional<WorkerLease> renew(WorkerLease lease, Instant expiresAt) {
            return Optional.of(lease.withExpiresAt(expiresAt));
        }

        @Override
        public void release(WorkerLease lease, Instant usedUntil) {}
    }
}
