package dev.shortener.local.clicks;

import dev.shortener.analytics.ClickLayout;
import dev.shortener.analytics.counts.ClickCountLedger;
import dev.shortener.analytics.counts.ClickCountService;
import dev.shortener.analytics.counts.ObjectRef;
import dev.shortener.analytics.counts.agents.UserAgents;
import dev.shortener.analytics.counts.handler.ClickCountWiring;
import dev.shortener.http.StructuredLog;
import dev.shortener.links.dynamodb.LinksTable;
import dev.shortener.stats.StatsSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The click-count function's aggregation in the local runner: every {@link #INTERVAL} it reads the lines the local
 * sink appended to its NDJSON files since the last pass and runs the same service (counter, ledger, day items) on
 * them, against the runner's DynamoDB. So the stats API answers within seconds of a click, and from the same
 * events the {@code stats} command (DuckDB) reads.
 *
 * <p>Progress is a properties file in the data folder: per file, the offset counted up to. A chunk's range is
 * recorded as planned before it is counted, and a restart finishes that same range first, so a crash never makes
 * the ledger see a different chunk over lines it already counted.
 */
public final class LocalClickAggregator implements AutoCloseable {

    public static final Duration INTERVAL = Duration.ofSeconds(2);
    private static final String PLANNED = ".planned";

    private final Path root;
    private final Path progressFile;
    private final Supplier<ClickCountService> service;
    private final PrintStream errors;
    private final Properties progress = new Properties();
    private final ExecutorService writers;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(daemon("local-clicks"));
    private ClickCountService built;
    private java.util.concurrent.ScheduledFuture<?> passes;

    LocalClickAggregator(
            Path root,
            Path progressFile,
            ExecutorService writers,
            Supplier<ClickCountService> service,
            PrintStream errors) {
        this.root = Objects.requireNonNull(root, "root");
        this.writers = Objects.requireNonNull(writers, "writers");
        this.progressFile = Objects.requireNonNull(progressFile, "progressFile");
        this.service = Objects.requireNonNull(service, "service");
        this.errors = Objects.requireNonNull(errors, "errors");
        if (Files.exists(progressFile)) {
            try (InputStream in = Files.newInputStream(progressFile)) {
                progress.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + progressFile, e);
            }
        }
    }

    /** The click-count function's graph on the runner's DynamoDB, over the files under {@code clicksRoot}. */
    public static LocalClickAggregator create(
            Path clicksRoot, Path progressFile, LinksTable table, StatsSettings stats, PrintStream errors) {
        LocalClickFiles files = new LocalClickFiles(clicksRoot);
        ExecutorService writers = Executors.newFixedThreadPool(4, daemon("local-click-writer"));
        return new LocalClickAggregator(
                clicksRoot,
                progressFile,
                writers,
                () -> ClickCountWiring.onClients(
                                files,
                                table,
                                writers,
                                stats,
                                new UserAgents(), // ~1 s to load its regexes: on the aggregator's thread, not at start
                                new StructuredLog(ClickCountWiring.SERVICE),
                                InstantSource.system())
                        .service(),
                errors);
    }

    /** Runs {@link #runOnce()} every {@link #INTERVAL}; a failed pass is reported and retried on the next. */
    public LocalClickAggregator start() {
        passes = timer.scheduleWithFixedDelay(
                () -> {
                    try {
                        runOnce();
                    } catch (RuntimeException | IOException e) {
                        errors.println("Click aggregation failed (retried in " + INTERVAL.toSeconds() + " s): " + e);
                    }
                },
                0,
                INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /** Counts what was appended since the last pass. @return the chunks counted */
    public synchronized int runOnce() throws IOException {
        Path clicks = root.resolve(ClickLayout.EVENTS_PREFIX);
        if (!Files.isDirectory(clicks)) {
            return 0;
        }
        List<Path> files;
        try (Stream<Path> found = Files.walk(clicks, 2)) {
            files = found.filter(Files::isRegularFile)
                    .filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted()
                    .toList();
        }
        int counted = 0;
        for (Path file : files) {
            counted += countNewLines(file) ? 1 : 0;
        }
        return counted;
    }

    private boolean countNewLines(Path file) throws IOException {
        String key = root.relativize(file).toString().replace('\\', '/');
        long start = Long.parseLong(progress.getProperty(key, "0"));
        long end = progress.containsKey(key + PLANNED)
                ? Long.parseLong(progress.getProperty(key + PLANNED))
                : endOfLastLine(file, start);
        if (end <= start) {
            return false;
        }
        progress.setProperty(key + PLANNED, Long.toString(end));
        save();
        if (built == null) {
            built = service.get();
        }
        ObjectRef chunk = LocalClickFiles.chunk(key, start, end);
        Instant now = Instant.now();
        ClickCountService.Outcome outcome = built.process(chunk, now, now.plus(Duration.ofMinutes(1)));
        if (outcome == null || outcome.result() == ClickCountLedger.Result.BUSY) {
            return false; // held by a pass before a restart until its lease ends: the next pass finishes it
        }
        progress.setProperty(key, Long.toString(end));
        progress.remove(key + PLANNED);
        save();
        return true;
    }

    /** The offset just after the last complete line (a line being appended right now waits for the next pass). */
    private static long endOfLastLine(Path file, long from) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            var buffer = java.nio.ByteBuffer.allocate(8192);
            for (long at = size; at > from; ) {
                int length = (int) Math.min(buffer.capacity(), at - from);
                buffer.clear().limit(length);
                channel.read(buffer, at - length);
                for (int i = length - 1; i >= 0; i--) {
                    if (buffer.get(i) == '\n') {
                        return at - length + i + 1;
                    }
                }
                at -= length;
            }
            return from;
        }
    }

    private void save() throws IOException {
        Path next = progressFile.resolveSibling(progressFile.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(next)) {
            progress.store(out, "local click aggregation: bytes counted per click file");
        }
        Files.move(next, progressFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    @Override
    public void close() {
        if (passes != null) {
            passes.cancel(false);
        }
        timer.shutdownNow();
        try {
            timer.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writers.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }
}
